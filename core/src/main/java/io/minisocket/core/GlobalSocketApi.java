package io.minisocket.core;

import java.util.function.Consumer;

/**
 * The deprecated global socket API of the platforms — {@code onSocketOpen}, {@code onSocketMessage},
 * {@code onSocketError}, {@code onSocketClose}, {@code sendSocketMessage}, {@code closeSocket} (and Alipay's
 * {@code offSocket*}) — acting on the one global socket of a {@link SocketRuntime}.
 *
 * <p>Which task is the global socket, and whether {@code onSocketX} replaces its handler or adds one, is the
 * profile's choice ({@link io.minisocket.core.spi.Policies.GlobalSocketChoice},
 * {@link io.minisocket.core.spi.Policies.GlobalHandlers}). Handlers may be registered before the socket is
 * connected. On a platform without the global API, {@code onSocketX}/{@code offSocketX} throw
 * {@link UnsupportedOperationException} and {@code sendSocketMessage}/{@code closeSocket} fail through
 * {@code fail}, both saying that the platform lacks it.
 *
 * <p><b>Threading.</b> Thread-safe. The handlers run where the global socket's own listeners run — on the facade's
 * {@linkplain io.minisocket.core.loop.EventLoop event loop} if it has one, otherwise on the transport's thread —
 * before the task's listeners, one event at a time (see {@link SocketTask}).
 */
public interface GlobalSocketApi {

  /**
   * @param handler receives the global socket's open event
   */
  void onSocketOpen(Consumer<OpenEvent> handler);

  /**
   * @param handler receives the global socket's messages
   */
  void onSocketMessage(Consumer<MessageEvent> handler);

  /**
   * @param handler receives the global socket's errors
   */
  void onSocketError(Consumer<SocketResult> handler);

  /**
   * @param handler receives the global socket's close event
   */
  void onSocketClose(Consumer<CloseEvent> handler);

  /**
   * Removes this open handler (or every one, when {@code handler} is {@code null}).
   *
   * @param handler a handler given to {@link #onSocketOpen}, or {@code null}
   */
  void offSocketOpen(Consumer<OpenEvent> handler);

  /**
   * Removes this message handler (or every one, when {@code handler} is {@code null}).
   *
   * @param handler a handler given to {@link #onSocketMessage}, or {@code null}
   */
  void offSocketMessage(Consumer<MessageEvent> handler);

  /**
   * Removes this error handler (or every one, when {@code handler} is {@code null}).
   *
   * @param handler a handler given to {@link #onSocketError}, or {@code null}
   */
  void offSocketError(Consumer<SocketResult> handler);

  /**
   * Removes this close handler (or every one, when {@code handler} is {@code null}).
   *
   * @param handler a handler given to {@link #onSocketClose}, or {@code null}
   */
  void offSocketClose(Consumer<CloseEvent> handler);

  /**
   * Sends on the global socket; fails with {@code WebSocket is not connected} when there is none.
   *
   * @param options data and callbacks
   */
  void sendSocketMessage(SendOptions options);

  /**
   * Closes the global socket (also while it is still connecting, without leaking it); fails with
   * {@code WebSocket is not connected} when there is none.
   *
   * @param options code, reason and callbacks
   */
  void closeSocket(CloseOptions options);
}
