package io.minisocket.core.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Runs the actions of one task one at a time, in submission order, never concurrently: a trampoline.
 * Actions are queued by {@link #submit}; they run when somebody drains — inline on the calling thread
 * ({@link #drainHere()}, used for transport events, which already arrive asynchronously) or later on the
 * asynchronous executor ({@link #drainLater()}, used after a user's call so that its callbacks run after the call
 * returned, as in JavaScript). Whoever drains first runs everything queued, including what others queue meanwhile.
 * {@link #runHere} runs one action inline without queueing it when nothing is queued and nobody drains (the common
 * case of a transport event), and queues it otherwise. An action that throws an exception (or a linkage or assertion
 * error) is logged and does not stop the others; any other {@link Error} (out of memory, stack overflow) stops this
 * drain and propagates, and what is still queued runs at the next drain.
 *
 * <p>On an event loop ({@code onLoop}) every drain runs on the loop, never inline: a transport event hands its
 * actions over to the loop, so user code runs on the loop thread only and, as in JavaScript, after the code that
 * caused it has returned.
 *
 * <p>The queue is a linked list guarded by this object's monitor: an idle executor holds no queue at all. The
 * executor is itself the {@link Runnable} handed to the asynchronous executor ({@link #run()} drains).
 */
final class SerialExecutor implements Runnable {
  private static final Logger LOG = LogManager.getLogger(SerialExecutor.class);

  private final Executor async;
  private final boolean onLoop;
  private volatile boolean held;
  private volatile boolean droppedBefore;
  /** The oldest queued action, or null; written under this object's monitor, read without it as a hint. */
  private volatile Node head;
  private Node tail; // guarded by this
  private int size; // guarded by this
  private boolean draining; // guarded by this: somebody runs actions now

  private static final class Node {
    final Runnable action;
    Node next;

    Node(Runnable action) {
      this.action = action;
    }
  }

  /**
   * @param async  runs {@link #drainLater()} drains
   * @param onLoop whether {@code async} is an event loop that runs every drain, {@link #drainHere()} included
   */
  SerialExecutor(Executor async, boolean onLoop) {
    this.async = async;
    this.onLoop = onLoop;
  }

  /**
   * Queues an action; it runs at the next drain.
   *
   * @param action the action
   */
  void submit(Runnable action) {
    Node node = new Node(action);
    synchronized (this) {
      if (tail == null) {
        head = node;
      } else {
        tail.next = node;
      }
      tail = node;
      size++;
    }
  }

  /** Holds every drain until {@link #release()}: nothing queued runs meanwhile. */
  void hold() {
    held = true;
  }

  /** Ends a {@link #hold()} and runs what was queued meanwhile on the asynchronous executor. */
  void release() {
    held = false;
    drainLater();
  }

  /**
   * Runs {@code action.accept(first, second)} on this thread, in order with everything else: at once when nothing is
   * queued, nobody drains and the executor is neither held nor on a loop (no allocation), then whatever was queued
   * meanwhile; otherwise it is queued and drained as {@link #drainHere()} does.
   *
   * @param action the action, best a non-capturing lambda or static method reference
   * @param first  its first argument
   * @param second its second argument
   * @param <A>    the first argument's type
   * @param <B>    the second argument's type
   */
  <A, B> void runHere(BiConsumer<A, B> action, A first, B second) {
    if (claimIdle()) {
      try {
        action.accept(first, second);
      } catch (RuntimeException | LinkageError | AssertionError e) {
        report(e);
      } finally {
        drainClaimed();
      }
    } else {
      submit(() -> action.accept(first, second));
      drainHere();
    }
  }

  private boolean claimIdle() {
    if (onLoop || held || head != null) {
      return false;
    }
    synchronized (this) {
      if (draining || head != null) {
        return false;
      }
      draining = true;
      return true;
    }
  }

  /**
   * Runs everything queued on this thread, unless another thread is draining already (it will run it); on an event
   * loop, hands the drain to the loop instead.
   */
  void drainHere() {
    if (onLoop) {
      drainLater();
    } else {
      run();
    }
  }

  /** Drains on the calling thread: what the asynchronous executor runs. */
  @Override
  public void run() {
    if (held || head == null) {
      return;
    }
    synchronized (this) {
      if (held || draining || head == null) {
        return;
      }
      draining = true;
    }
    drainClaimed();
  }

  /** Runs queued actions until none is left, then stops draining; the caller has set {@link #draining}. */
  private void drainClaimed() {
    while (true) {
      Runnable action;
      synchronized (this) {
        Node first = head;
        if (first == null) {
          draining = false;
          return;
        }
        head = first.next;
        if (head == null) {
          tail = null;
        }
        size--;
        action = first.action;
      }
      try {
        action.run();
      } catch (RuntimeException | LinkageError | AssertionError e) {
        report(e);
      } catch (Error fatal) { // out of memory, stack overflow: stop draining, so a later drain can go on
        synchronized (this) {
          draining = false;
        }
        throw fatal;
      }
    }
  }

  /** Runs everything queued on the asynchronous executor. */
  void drainLater() {
    if (held || head == null) {
      return;
    }
    try {
      async.execute(this);
    } catch (RejectedExecutionException e) {
      if (onLoop) { // never run user code off its loop
        int dropped;
        synchronized (this) {
          dropped = size;
          head = null;
          tail = null;
          size = 0;
        }
        if (!droppedBefore) {
          droppedBefore = true;
          LOG.warn("The event loop is closed: callbacks and events of a facade still on it are dropped (close "
              + "facades before their loop); {} now, later ones are logged at debug level", dropped);
        } else {
          LOG.debug("The event loop is closed: {} more callbacks or events dropped", dropped);
        }
      } else {
        LOG.warn("Callback executor rejected work; running callbacks on the calling thread", e);
        run();
      }
    }
  }

  /**
   * Calls one callback, isolated: if it throws, that is reported and the caller carries on.
   *
   * @param callback the callback, may be {@code null} (nothing runs)
   * @param value    its argument
   * @param <T>      the argument's type
   */
  static <T> void accept(Consumer<T> callback, T value) {
    if (callback == null) {
      return;
    }
    try {
      callback.accept(value);
    } catch (RuntimeException | LinkageError | AssertionError e) {
      report(e);
    }
  }

  private static void report(Throwable e) {
    if (!SingleThreadEventLoop.reportToCurrent(e)) {
      LOG.error("A MiniSocket listener or callback threw; the task carries on", e);
    }
  }
}
