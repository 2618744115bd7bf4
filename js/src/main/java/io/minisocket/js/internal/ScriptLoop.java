package io.minisocket.js.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The one thread a script's JavaScript runs on: actions run one at a time, in the order they were handed over, and
 * timers fire on the same thread. Nothing else ever enters the script's GraalJS context.
 *
 * <p>It counts the actions handed over but not yet run, so that the script can tell when nothing is left to do.
 * An action that throws is logged; the loop goes on.
 */
public final class ScriptLoop implements Executor, AutoCloseable {
  private static final Logger LOG = LogManager.getLogger(ScriptLoop.class);
  private static final AtomicInteger NUMBER = new AtomicInteger();

  private final ScheduledThreadPoolExecutor executor;
  private final AtomicInteger queued = new AtomicInteger();
  private volatile Thread thread;

  /** Starts the loop's thread (a daemon named {@code minisocket-js-N}). */
  public ScriptLoop() {
    executor = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "minisocket-js-" + NUMBER.incrementAndGet());
      t.setDaemon(true);
      thread = t;
      return t;
    });
    executor.setRemoveOnCancelPolicy(true);
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  /** @return whether the caller is the loop's thread */
  public boolean inLoop() {
    return Thread.currentThread() == thread;
  }

  /**
   * Runs the action on the loop after everything handed over before it. Dropped (and logged at debug) once the
   * loop is closed.
   */
  @Override
  public void execute(Runnable action) {
    queued.incrementAndGet();
    try {
      executor.execute(() -> {
        try {
          action.run();
        } catch (RuntimeException | Error e) {
          LOG.error("an action on the JavaScript loop failed", e);
        } finally {
          queued.decrementAndGet();
        }
      });
    } catch (RejectedExecutionException e) {
      queued.decrementAndGet();
      LOG.debug("the JavaScript loop is closed; dropped an action");
    }
  }

  /**
   * Runs the action now when called on the loop, otherwise hands it over with {@link #execute}.
   *
   * @param action the action
   */
  public void run(Runnable action) {
    if (inLoop()) {
      action.run();
    } else {
      execute(action);
    }
  }

  /**
   * Runs the action on the loop after a delay; cancel it through the returned future.
   *
   * @param action  the action
   * @param delayMs the delay in milliseconds (negative counts as 0)
   * @return the scheduled action, or {@code null} when the loop is closed
   */
  public ScheduledFuture<?> schedule(Runnable action, long delayMs) {
    try {
      return executor.schedule(action, Math.max(0, delayMs), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      return null;
    }
  }

  /** @return how many actions were handed over and have not finished running */
  public int queued() {
    return queued.get();
  }

  /**
   * Stops the loop: what is queued is dropped, a running action is interrupted, and the thread ends.
   */
  @Override
  public void close() {
    executor.shutdownNow();
    try {
      if (!inLoop() && !executor.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("the JavaScript loop thread did not stop within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
