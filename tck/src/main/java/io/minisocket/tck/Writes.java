package io.minisocket.tck;

import static io.minisocket.tck.Waiting.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.minisocket.core.transport.Completion;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the completions of writes handed to a transport, to check that each completes exactly once. */
final class Writes {
  private final List<List<Throwable>> outcomes = new CopyOnWriteArrayList<>();

  /** @return the completion of the next write */
  Completion next() {
    List<Throwable> outcome = new CopyOnWriteArrayList<>();
    outcomes.add(outcome);
    return failure -> outcome.add(failure == null ? NONE : failure);
  }

  /** Stands for a successful completion (a list cannot hold the {@code null} the transport passes). */
  private static final Throwable NONE = new Throwable("success", null, false, false) {
    private static final long serialVersionUID = 1L;
  };

  /** @return how many writes were handed out */
  int size() {
    return outcomes.size();
  }

  /** @return how many writes completed with success so far */
  long succeeded() {
    return outcomes.stream().filter(o -> !o.isEmpty() && o.get(0) == NONE).count();
  }

  /**
   * Waits until every write completed, then checks that each completed exactly once.
   *
   * @param wait how long to wait
   */
  void awaitAllExactlyOnce(Duration wait) {
    await("every write completes").atMost(wait).until(() -> outcomes.stream().noneMatch(List::isEmpty));
    for (int i = 0; i < outcomes.size(); i++) {
      assertThat(outcomes.get(i)).as("completions of write #%s", i).hasSize(1);
    }
  }

  /**
   * @param index a write
   * @return its failure, or {@code null} when it succeeded
   */
  Throwable failure(int index) {
    Throwable outcome = outcomes.get(index).get(0);
    return outcome == NONE ? null : outcome;
  }
}
