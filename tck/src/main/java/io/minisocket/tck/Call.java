package io.minisocket.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static io.minisocket.tck.Waiting.await;

import io.minisocket.core.Callbacks;
import io.minisocket.core.SocketResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records the success, fail and complete callbacks of one call (connect, send or close), to check that exactly one
 * of success or fail ran, then complete, with the same result.
 */
final class Call {
  /** One callback run. */
  record Run(String callback, SocketResult result) {}

  private final String what;
  private final List<Run> runs = new CopyOnWriteArrayList<>();

  /** @param what the call, for failure messages (e.g. {@code "send #3"}) */
  Call(String what) {
    this.what = what;
  }

  /** @return callbacks that record into this call */
  Callbacks callbacks() {
    return new Callbacks(r -> runs.add(new Run("success", r)), r -> runs.add(new Run("fail", r)),
        r -> runs.add(new Run("complete", r)));
  }

  /** @return whether complete ran */
  boolean completed() {
    return runs.stream().anyMatch(r -> r.callback().equals("complete"));
  }

  /** @return the callbacks run so far, in order */
  List<Run> runs() {
    return List.copyOf(runs);
  }

  /**
   * Waits for complete and checks the sequence: exactly one of success or fail, then complete, same result.
   *
   * @param wait how long to wait for complete
   * @return the result
   */
  SocketResult outcome(Duration wait) {
    await(what + " completes").atMost(wait).until(this::completed);
    List<Run> seen = runs();
    List<String> callbacks = seen.stream().map(Run::callback).toList();
    assertThat(callbacks).as("%s: exactly one of success or fail, then complete (each exactly once)", what)
        .isIn(List.of("success", "complete"), List.of("fail", "complete"));
    assertThat(seen.get(1).result()).as("%s: complete receives the result success/fail received", what)
        .isSameAs(seen.get(0).result());
    assertThat(seen.get(0).result().ok()).as("%s: success receives an ok result, fail a failure: %s", what,
        seen.get(0).result()).isEqualTo(seen.get(0).callback().equals("success"));
    return seen.get(0).result();
  }

  /**
   * @param wait how long to wait for complete
   * @return the success result, after checking the sequence
   */
  SocketResult succeeded(Duration wait) {
    SocketResult result = outcome(wait);
    assertThat(result.ok()).as("%s should succeed, but failed: %s", what, result.describe()).isTrue();
    return result;
  }

  /**
   * @param wait how long to wait for complete
   * @return the fail result, after checking the sequence
   */
  SocketResult failed(Duration wait) {
    SocketResult result = outcome(wait);
    assertThat(result.ok()).as("%s should fail, but succeeded", what).isFalse();
    return result;
  }

  @Override
  public String toString() {
    return what + " " + runs;
  }
}
