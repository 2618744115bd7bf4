package io.minisocket.core.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The listeners of one event kind of one task. For a once-only event (open, error, close) that happens before any
 * listener of its kind was ever registered, the event is kept and handed to the first listener registered later:
 * in Java the connection can open before the line after {@code connectSocket} runs, which JavaScript's
 * run-to-completion rules out.
 *
 * @param <T> the event type
 */
final class Listeners<T> {
  private static final Logger LOG = LogManager.getLogger(Listeners.class);

  private final boolean keepForFirstListener;
  private final List<Consumer<T>> list = new CopyOnWriteArrayList<>();
  private Consumer<T> forward; // the global socket API's handler, not counted as a listener
  private boolean everRegistered;
  private T kept;

  /** @param keepForFirstListener whether the event happens once and is kept for a late first listener */
  Listeners(boolean keepForFirstListener) {
    this.keepForFirstListener = keepForFirstListener;
  }

  /**
   * Registers a listener.
   *
   * @return the kept event this first listener must still receive, or {@code null}
   */
  synchronized T add(Consumer<T> listener) {
    if (listener == null) {
      throw new NullPointerException("listener must not be null");
    }
    list.add(listener);
    everRegistered = true;
    T event = kept;
    kept = null;
    return event;
  }

  void remove(Consumer<T> listener) {
    list.remove(listener);
  }

  synchronized void forwardTo(Consumer<T> handler) {
    forward = handler;
  }

  /**
   * Calls every listener (and the forward) with the event, isolating each; keeps it if nobody listened yet.
   *
   * @return whether a listener of the task (not counting the forward) received it
   */
  boolean dispatch(T event) {
    Consumer<T> forwardNow;
    synchronized (this) {
      forwardNow = forward;
      if (keepForFirstListener && !everRegistered) {
        kept = event;
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
