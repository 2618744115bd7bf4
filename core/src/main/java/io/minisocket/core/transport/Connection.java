package io.minisocket.core.transport;

/**
 * One WebSocket connection as the transport sees it. All methods are thread-safe and never throw for a
 * connection-level problem.
 */
public interface Connection {

  /**
   * Writes one message. {@code done} is completed exactly once: with {@code null} once the frame was handed to
   * the network, or with the cause when it could not be (also when the connection ends before the write). The
   * cause's message should say why in words a user can act on (core puts it in the fail result); its type is
   * not part of the contract.
   *
   * @param frame the message, written as one text or binary WebSocket message
   * @param done  told the outcome of this write
   */
  void send(Frame frame, Completion done);

  /**
   * Starts the closing handshake with an already validated code and reason. The connection ends with
   * {@link ConnectionEvents#closed} when the peer answers the close frame, or with {@link ConnectionEvents#failed}
   * ({@link TransportFailure.Kind#IO}, what browsers report as 1006) when it drops the connection instead. Called
   * before the connection opened, it behaves as {@link #abort()}.
   *
   * @param code   the close code to send
   * @param reason the close reason to send, may be empty
   */
  void close(int code, String reason);

  /**
   * Ends the connection at once without a closing handshake; while the handshake is still in progress this
   * cancels it, so nothing is left open. The transport then reports {@link ConnectionEvents#failed} with
   * {@link TransportFailure.Kind#ABORTED} unless another terminal event came first.
   */
  void abort();

  /**
   * Whether the transport's own write buffer is above its high-water mark. When it is, the caller should stop
   * writing until {@link ConnectionEvents#writable()} is called.
   *
   * @return true while writes should wait
   */
  boolean writeQueueFull();
}
