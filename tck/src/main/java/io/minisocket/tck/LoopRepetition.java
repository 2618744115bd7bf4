package io.minisocket.tck;

import io.minisocket.core.loop.EventLoop;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs an example on an {@link EventLoop} many times — a few runs at once — and checks that the loop then ran
 * out of work with no uncaught exception: how a test shows that code written as for JavaScript (a callback that
 * uses the variable its {@code connectSocket} call is assigned to, say) is safe on a loop, against a real server.
 *
 * <pre>{@code
 * LoopRepetition.run(loop, 1000, 2, Duration.ofSeconds(60), next -> {
 *   Example example = new Example(my);   // the seed's code, transcribed literally
 *   example.connect();                   // runs on the loop
 *   example.whenClosed(next);            // the run calls next on the loop when it has ended
 * });
 * }</pre>
 */
public final class LoopRepetition {

  private LoopRepetition() {}

  /**
   * Starts {@code atOnce} runs on the loop; each run, when it calls the {@code Runnable} it was given (on the loop,
   * once), starts the next until {@code times} runs were started. Then waits until the loop has no pending work —
   * every socket's close event has run — and fails if any task, listener or callback threw meanwhile.
   *
   * @param loop    the loop the facades under test were created on; it must have no other pending work
   * @param times   how many runs
   * @param atOnce  how many runs at a time (within the facade's connection limit)
   * @param timeout the longest wait for all runs
   * @param run     starts one run; called on the loop
   * @throws AssertionError when the loop is not idle within the timeout (naming how many runs were started), or
   *                        something threw on it
   * @throws InterruptedException when interrupted while waiting
   */
  public static void run(EventLoop loop, int times, int atOnce, Duration timeout, Consumer<Runnable> run)
      throws InterruptedException {
    List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    Consumer<Throwable> collect = uncaught::add;
    loop.onUncaughtException(collect);
    try {
      AtomicInteger started = new AtomicInteger();
      Runnable next = new Runnable() {
        @Override
        public void run() {
          if (started.incrementAndGet() <= times) {
            run.accept(this);
          }
        }
      };
      for (int i = 0; i < atOnce; i++) {
        loop.execute(next);
      }
      if (!loop.awaitIdle(timeout)) {
        throw new AssertionError("the loop still had pending work after " + timeout + ", with "
            + Math.min(started.get(), times) + " of " + times + " runs started: " + loop);
      }
      if (!uncaught.isEmpty()) {
        throw new AssertionError(uncaught.size() + " uncaught exceptions on the loop, the first: " + uncaught.get(0),
            uncaught.get(0));
      }
      if (started.get() < times) {
        throw new AssertionError("the loop went idle after " + started.get() + " of " + times + " runs: a run "
            + "did not call the Runnable that starts the next");
      }
    } finally {
      loop.offUncaughtException(collect);
    }
  }
}
