package io.minisocket.core.internal;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Runs the queued actions of one task one at a time, in submission order, never concurrently: a trampoline.
 * Actions are only queued by {@link #submit}; they run when somebody drains — inline on the calling thread
 * ({@link #drainHere()}, used for transport events, which already arrive asynchronously) or later on the
 * asynchronous executor ({@link #drainLater()}, used after a user's call so that its callbacks run after the call
 * returned, as in JavaScript). Whoever drains first runs everything queued, including what others queue meanwhile.
 * An action that throws is logged and does not stop the others.
 */
public final class SerialExecutor {
  private static final Logger LOG = LogManager.getLogger(SerialExecutor.class);

  private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();
  private volatile boolean held;
  private final Executor async;
  private final Runnable drain = this::drainHere;

  /** @param async runs {@link #drainLater()} drains */
  public SerialExecutor(Executor async) {
    this.async = async;
  }

  /**
   * Queues an action; it runs at the next drain.
   *
   * @param action the action
   */
  public void submit(Runnable action) {
    queue.add(action);
  }

  /** Holds every drain until {@link #release()}: nothing queued runs meanwhile. */
  public void hold() {
    held = true;
  }

  /** Ends a {@link #hold()} and runs what was queued meanwhile on the asynchronous executor. */
  public void release() {
    held = false;
    drainLater();
  }

  /** Runs everything queued on this thread, unless another thread is draining already (it will run it). */
  public void drainHere() {
    while (!held && !queue.isEmpty() && draining.compareAndSet(false, true)) {
      try {
        Runnable action;
        while ((action = queue.poll()) != null) {
          runSafely(action);
        }
      } finally {
        draining.set(false);
      }
    }
  }

  /** Runs everything queued on the asynchronous executor. */
  public void drainLater() {
    if (held || queue.isEmpty()) {
      return;
    }
    try {
      async.execute(drain);
    } catch (RejectedExecutionException e) {
      LOG.warn("Callback executor rejected work; running callbacks on the calling thread", e);
      drainHere();
    }
  }

  private static void runSafely(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException | LinkageError | AssertionError e) {
      LOG.error("A MiniSocket listener or callback threw; the task carries on", e);
    }
  }
}
