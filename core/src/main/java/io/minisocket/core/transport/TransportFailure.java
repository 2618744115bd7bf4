package io.minisocket.core.transport;

import java.util.Objects;

/**
 * Why a connection failed, classified so that adapters can map it to each platform's error.
 *
 * @param kind       the class of failure
 * @param message    a human-readable description, never {@code null}
 * @param httpStatus the HTTP status of a rejected handshake, or 0 when there is none
 * @param cause      the underlying exception, may be {@code null}
 */
public record TransportFailure(Kind kind, String message, int httpStatus, Throwable cause) {

  /** The classes of failure a transport distinguishes. */
  public enum Kind {
    /** Nothing listens at the address (TCP connection refused). */
    REFUSED,
    /** The connect, TLS or opening handshake did not finish within the connect timeout. */
    TIMEOUT,
    /** TLS failed: untrusted or invalid certificate, or the TLS handshake broke. */
    TLS,
    /** The server answered the opening handshake with a non-101 HTTP status; see {@code httpStatus}. */
    HANDSHAKE_REJECTED,
    /** The server's handshake response was not a valid WebSocket upgrade (missing upgrade, bad accept key). */
    HANDSHAKE_INVALID,
    /** The server chose a sub-protocol that was not offered, or none when one was required. */
    SUBPROTOCOL,
    /** Host name could not be resolved. */
    UNKNOWN_HOST,
    /** The connection broke (reset, unexpected end of stream, protocol violation by the peer). */
    IO,
    /** The connection was ended locally with {@link Connection#abort()}. */
    ABORTED
  }

  /** Checks presence. */
  public TransportFailure {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }

  /**
   * A failure without HTTP status.
   *
   * @param kind    the class of failure
   * @param message what happened
   * @param cause   the underlying exception, may be {@code null}
   * @return the failure
   */
  public static TransportFailure of(Kind kind, String message, Throwable cause) {
    return new TransportFailure(kind, message, 0, cause);
  }
}
