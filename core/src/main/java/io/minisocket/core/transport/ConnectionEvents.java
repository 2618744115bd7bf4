package io.minisocket.core.transport;

import java.util.List;
import java.util.Map;

/**
 * What a transport reports about one connection; implemented by core. A transport calls these one at a time and
 * in order for any one connection (never concurrently), and after a terminal event ({@link #closed} or
 * {@link #failed}) it calls nothing more.
 */
public interface ConnectionEvents {

  /**
   * The opening handshake completed.
   *
   * @param responseHeaders the HTTP response headers of the handshake, names as the server sent them; unmodifiable and
   *                        never changed afterwards, as core reads it when a listener first reads the headers
   * @param protocol        the negotiated sub-protocol, or {@code null} when none was
   */
  void opened(Map<String, List<String>> responseHeaders, String protocol);

  /**
   * A whole message arrived (fragments already reassembled).
   *
   * @param frame the message
   */
  void message(Frame frame);

  /** The write buffer drained below its low-water mark after {@link Connection#writeQueueFull()} was true. */
  void writable();

  /**
   * Terminal: the connection ended with a closing handshake.
   *
   * @param code   the close code (1005 when the peer's close frame had none)
   * @param reason the close reason, empty when none was given
   */
  void closed(int code, String reason);

  /**
   * Terminal: the connection could not be opened, or ended without a closing handshake.
   *
   * @param failure what went wrong
   */
  void failed(TransportFailure failure);
}
