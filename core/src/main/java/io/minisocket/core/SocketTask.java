package io.minisocket.core;

import java.util.Map;
import java.util.function.Consumer;

/**
 * One WebSocket connection, as the mini-program platforms' {@code SocketTask}.
 *
 * <p><b>Lifecycle.</b> A task starts {@link #CONNECTING}; it becomes {@link #OPEN} (listeners get
 * {@code onOpen}) or, if the connection cannot be made, {@link #CLOSED} (listeners get {@code onError} then
 * {@code onClose}). An open task ends {@code CLOSED} after {@code onClose}, preceded by {@code onError} when the
 * connection broke. {@code onClose} is the last event a listener receives. A listener registered after the open, error
 * or close happened still receives that event, exactly once and in that order (a message is not kept for later
 * listeners): in Java an event can come before the line after {@code connectSocket} runs.
 *
 * <p><b>Threading.</b> All methods are thread-safe and never throw for bad input or a connection problem: those
 * reach the {@code fail} callback. The events and callbacks of one task run one at a time, in order, never
 * concurrently. A listener or callback that throws is logged (on an event loop: reported to the loop); the task and
 * the other listeners carry on. Where they run depends on how the facade was created:
 * <ul>
 *   <li><em>On an {@linkplain io.minisocket.core.loop.EventLoop event loop}</em> ({@code settings.eventLoop(loop)}):
 *       every callback, listener and promise completion runs on the loop's thread, one at a time across all the
 *       facade's tasks, and never before the code that caused it has returned when that code runs on the loop — as
 *       in JavaScript. Code on the loop may rely on what mini-program code relies on: the variable
 *       {@code connectSocket}'s task is assigned to is set when {@code success} runs; listeners added after a call
 *       see every event it causes; state touched only on the loop needs no lock.</li>
 *   <li><em>Off a loop</em> (the default): network events run listeners on the transport's thread, callbacks that
 *       follow a call of yours (a bad option, say) on the runtime's callback executor. No callback or event of a task
 *       runs before {@code connectSocket} has returned it, and a listener added after an open, error or close still
 *       gets it, once, in the task's order. But nothing orders a callback after the caller's next
 *       statement: {@code success} may run before the caller has assigned the returned task to its own variable
 *       (use the task inside listeners you add after the call, or run on a loop), and state shared between the
 *       caller and callbacks needs the usual synchronisation.</li>
 * </ul>
 *
 * <p><b>Nothing is lost silently.</b> Every {@link #send} ends in exactly one of success or fail, then complete
 * — also when the connection drops with messages still queued.
 */
public interface SocketTask {
  /** {@code readyState} while connecting: 0. */
  int CONNECTING = 0;
  /** {@code readyState} while open: 1. */
  int OPEN = 1;
  /** {@code readyState} while closing: 2. */
  int CLOSING = 2;
  /** {@code readyState} once closed: 3. */
  int CLOSED = 3;

  /** @return the platform's numeric state: {@link #CONNECTING}, {@link #OPEN}, {@link #CLOSING} or {@link #CLOSED} */
  default int readyState() {
    return state().code();
  }

  /** @return the current state */
  ReadyState state();

  /**
   * Sends a text ({@code String}) or binary ({@code byte[]}, {@code ByteBuffer}) message. While the socket is
   * connecting the message is refused, or queued until it opens when the platform profile says so; beyond the
   * queue's byte bound it is refused.
   *
   * @param options the data and callbacks
   */
  void send(SendOptions options);

  /**
   * Sends a message without callbacks; a failure is still logged.
   *
   * @param data a String, byte[] or ByteBuffer
   */
  default void send(Object data) {
    send(SendOptions.of(data));
  }

  /**
   * Sends as JavaScript's {@code task.send({data, success, fail, complete})} does: {@code data} a String, byte[]
   * or ByteBuffer, the callbacks {@code Consumer<SocketResult>}. A wrong key or type reaches {@code fail}.
   *
   * @param options the options object, e.g. {@code Map.of("data", "hello")}
   */
  default void send(Map<String, ?> options) {
    send(JsOptions.sendOptions(options));
  }

  /**
   * Starts closing the connection. {@code success} means the close was accepted; {@code onClose} reports when the
   * connection has ended. Closing while connecting never leaks the connection.
   *
   * @param options code, reason and callbacks
   */
  void close(CloseOptions options);

  /**
   * Closes as JavaScript's {@code task.close({code, reason, success, fail, complete})} does. A wrong key or type
   * reaches {@code fail}.
   *
   * @param options the options object, e.g. {@code Map.of("code", 4000, "reason", "bye")}
   */
  default void close(Map<String, ?> options) {
    close(JsOptions.closeOptions(options));
  }

  /** Closes with code 1000 and no reason. */
  default void close() {
    close(CloseOptions.defaults());
  }

  /**
   * @param listener receives the open event ({@code res.header})
   */
  void onOpen(Consumer<OpenEvent> listener);

  /**
   * @param listener receives every message ({@code res.data})
   */
  void onMessage(Consumer<MessageEvent> listener);

  /**
   * @param listener receives errors ({@code res.errMsg}, or Alipay's {@code error}/{@code errorMessage})
   */
  void onError(Consumer<SocketResult> listener);

  /**
   * @param listener receives the close event ({@code res.code}, {@code res.reason})
   */
  void onClose(Consumer<CloseEvent> listener);

  /**
   * Removes one registration of exactly this listener.
   *
   * @param listener a listener given to {@link #onOpen}
   */
  void offOpen(Consumer<OpenEvent> listener);

  /**
   * Removes one registration of exactly this listener.
   *
   * @param listener a listener given to {@link #onMessage}
   */
  void offMessage(Consumer<MessageEvent> listener);

  /**
   * Removes one registration of exactly this listener.
   *
   * @param listener a listener given to {@link #onError}
   */
  void offError(Consumer<SocketResult> listener);

  /**
   * Removes one registration of exactly this listener.
   *
   * @param listener a listener given to {@link #onClose}
   */
  void offClose(Consumer<CloseEvent> listener);

  /** @return the number of bytes of messages waiting in this task's send queue */
  long queuedBytes();
}
