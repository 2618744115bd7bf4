package io.minisocket.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The listeners of one event kind of one task. A once-only event (open, error, close) reaches every listener of its
 * kind exactly once, also a listener registered after it happened: in Java the connection can open, fail and close
 * before the line after {@code connectSocket} runs, which JavaScript's run-to-completion rules out. To keep that
 * exact, a once-only listener joins on the task's serial executor ({@link #join}), in order with the dispatches:
 * a dispatch before the join misses it and the join hands it the event; a dispatch after the join reaches it. So a
 * late listener receives the events in the order the task had them (open, error, close), as they were queued.
 * Message listeners join at once: a message is never kept.
 *
 * @param <T> the event type
 */
final class Listeners<T> {
  private static final Logger LOG = LogManager.getLogger(Listeners.class);

  private final boolean once;
  private final List<Consumer<T>> list = new CopyOnWriteArrayList<>();
  private final List<Consumer<T>> joining = new ArrayList<>(); // guarded by this: registered, not yet joined
  private Consumer<T> forward; // the global socket API's handler, not counted as a listener
  private T happened; // the once-only event once dispatched; guarded by this

  /** @param once whether the event happens at most once and reaches listeners registered after it */
  Listeners(boolean once) {
    this.once = once;
  }

  /**
   * Registers a listener.
   *
   * @return whether it must still {@link #join} on the task's serial executor (a once-only event's listener)
   */
  synchronized boolean add(Consumer<T> listener) {
    if (listener == null) {
      throw new NullPointerException("listener must not be null");
    }
    if (once) {
      joining.add(listener);
    } else {
      list.add(listener);
    }
    return once;
  }

  /**
   * Runs on the task's serial executor after {@link #add}: the listener receives the events dispatched from now on.
   *
   * @return the event it missed, to hand to it now; {@code null} when none happened or it was removed meanwhile
   */
  synchronized T join(Consumer<T> listener) {
    if (!joining.remove(listener)) {
      return null;
    }
    list.add(listener);
    return happened;
  }

  synchronized void remove(Consumer<T> listener) {
    if (!joining.remove(listener)) {
      list.remove(listener);
    }
  }

  synchronized void forwardTo(Consumer<T> handler) {
    forward = handler;
  }

  /**
   * Calls every joined listener (and the forward) with the event, isolating each; runs on the serial executor.
   *
   * @return whether a listener of the task (not counting the forward) received it
   */
  boolean dispatch(T event) {
    Consumer<T> forwardNow;
    synchronized (this) {
      forwardNow = forward;
      if (once) {
        happened = event;
      }
    }
    if (forwardNow != null) {
      deliver(forwardNow, event);
    }
    boolean received = false;
    for (Consumer<T> listener : list) {
      deliver(listener, event);
      received = true;
    }
    return received;
  }

  static <T> void deliver(Consumer<T> listener, T event) {
    try {
      listener.accept(event);
    } catch (RuntimeException | LinkageError | AssertionError e) {
      if (SingleThreadEventLoop.reportToCurrent(e)) {
        return;
      }
      LOG.error("A SocketTask listener threw on {}; the task and the other listeners carry on",
          event.getClass().getSimpleName(), e);
    }
  }
}
