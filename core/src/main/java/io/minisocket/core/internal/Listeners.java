package io.minisocket.core.internal;

import java.util.Arrays;
import java.util.Objects;
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
 * <p>Most tasks have one listener per kind, so a set of listeners is held as {@code null} (none), the listener
 * itself (one) or an array (more), replaced on every change and never changed in place (copy on write): no
 * collection per kind and no allocation per dispatch.
 *
 * @param <T> the event type
 */
final class Listeners<T> {
  private static final Logger LOG = LogManager.getLogger(Listeners.class);

  private final boolean once;
  /** The joined listeners, as described above; written under this object's monitor. */
  private volatile Object joined;
  private Object joining; // guarded by this: registered, not yet joined; the same shape
  private volatile Consumer<T> forward; // the global socket API's handler, not counted as a listener
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
      joining = plus(joining, listener);
    } else {
      joined = plus(joined, listener);
    }
    return once;
  }

  /**
   * Runs on the task's serial executor after {@link #add}: the listener receives the events dispatched from now on.
   *
   * @return the event it missed, to hand to it now; {@code null} when none happened or it was removed meanwhile
   */
  synchronized T join(Consumer<T> listener) {
    int at = indexOf(joining, listener);
    if (at < 0) {
      return null;
    }
    joining = minus(joining, at);
    joined = plus(joined, listener);
    return happened;
  }

  synchronized void remove(Consumer<T> listener) {
    int at = indexOf(joining, listener);
    if (at >= 0) {
      joining = minus(joining, at);
      return;
    }
    at = indexOf(joined, listener);
    if (at >= 0) {
      joined = minus(joined, at);
    }
  }

  void forwardTo(Consumer<T> handler) {
    forward = handler;
  }

  /**
   * Calls every joined listener (and the forward) with the event, isolating each; runs on the serial executor.
   *
   * @return whether a listener of the task (not counting the forward) received it
   */
  @SuppressWarnings("unchecked")
  boolean dispatch(T event) {
    if (once) {
      synchronized (this) {
        happened = event;
      }
    }
    Consumer<T> forwardNow = forward;
    if (forwardNow != null) {
      deliver(forwardNow, event);
    }
    Object now = joined;
    if (now == null) {
      return false;
    }
    if (now instanceof Object[] many) {
      for (Object listener : many) {
        deliver((Consumer<T>) listener, event);
      }
    } else {
      deliver((Consumer<T>) now, event);
    }
    return true;
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

  // ---------------------------------------------------------------- a set of listeners: null, one, or an array

  private static Object plus(Object set, Object listener) {
    if (set == null) {
      return listener;
    }
    if (set instanceof Object[] many) {
      Object[] more = Arrays.copyOf(many, many.length + 1);
      more[many.length] = listener;
      return more;
    }
    return new Object[] {set, listener};
  }

  /** @return the position of the first registration equal to this listener (as a list's remove finds it), or -1 */
  private static int indexOf(Object set, Object listener) {
    if (set instanceof Object[] many) {
      for (int i = 0; i < many.length; i++) {
        if (Objects.equals(many[i], listener)) {
          return i;
        }
      }
      return -1;
    }
    return set != null && set.equals(listener) ? 0 : -1;
  }

  private static Object minus(Object set, int at) {
    if (!(set instanceof Object[] many)) {
      return null;
    }
    if (many.length == 2) {
      return many[1 - at];
    }
    Object[] fewer = new Object[many.length - 1];
    System.arraycopy(many, 0, fewer, 0, at);
    System.arraycopy(many, at + 1, fewer, at, many.length - at - 1);
    return fewer;
  }
}
