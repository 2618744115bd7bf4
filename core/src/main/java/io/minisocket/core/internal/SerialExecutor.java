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
 *
 * <p>On an event loop ({@code onLoop}) every drain runs on the loop, never inline: a transport event hands its
 * actions over to the loop, so user code runs on the loop thread only and, as in JavaScript, after the code that
 * caused it has returned.
 */
public final class SerialExecutor {
  private static final Logger LOG = LogManager.getLogger(SerialExecutor.class);

  private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();
  private volatile boolean held;
  private final Executor async;
  private final boolean onLoop;
  private volatile boolean droppedBefore;
  private final Runnable drain = this::runQueued;

  /** @param async runs {@link #drainLater()} drains */
  public SerialExecutor(Executor async) {
    this(async, false);
  }

  /**
   * @param async  runs {@link #drainLater()} drains
   * @param onLoop whether {@code async} is an event loop that runs every drain, {@link #drainHere()} included
   */
  public SerialExecutor(Executor async, boolean onLoop) {
    this.async = async;
    this.onLoop = onLoop;
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

  /**
   * Runs everything queued on this thread, unless another thread is draining already (it will run it); on an event
   * loop, hands the drain to the loop instead.
   */
  public void drainHere() {
    if (onLoop) {
      drainLater();
    } else {
      runQueued();
    }
  }

  private void runQueued() {
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
      if (onLoop) { // never run user code off its loop
        if (!droppedBefore) {
          droppedBefore = true;
          LOG.warn("The event loop is closed: callbacks and events of a facade still on it are dropped (close "
              + "facades before their loop); {} now, later ones are logged at debug level", queue.size());
        } else {
          LOG.debug("The event loop is closed: {} more callbacks or events dropped", queue.size());
        }
        queue.clear();
      } else {
        LOG.warn("Callback executor rejected work; running callbacks on the calling thread", e);
        runQueued();
      }
    }
  }

  private static void runSafely(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException | LinkageError | AssertionError e) {
      if (!SingleThreadEventLoop.reportToCurrent(e)) {
        LOG.error("A MiniSocket listener or callback threw; the task carries on", e);
      }
    }
  }
}
