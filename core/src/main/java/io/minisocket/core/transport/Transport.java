package io.minisocket.core.transport;

/**
 * The driven port through which core opens WebSocket connections. One transport serves many connections and
 * is usually shared by a whole runtime.
 *
 * <p>Implementations must be thread-safe: {@link #connect} may be called from any thread.
 */
public interface Transport extends AutoCloseable {

  /**
   * Starts opening a WebSocket. Never throws for a connection-level problem: every outcome is reported through
   * {@code events}, which receives either {@link ConnectionEvents#opened} followed later by exactly one terminal
   * event, or a single {@link ConnectionEvents#failed} — also after {@link Connection#abort()}.
   *
   * @param request what to connect to and how
   * @param events  the receiver of this connection's events, called one at a time and in order
   * @return a handle that can already be aborted while the handshake is in progress
   */
  Connection connect(ConnectRequest request, ConnectionEvents events);

  /** Releases what this transport created (never a runtime the user passed in). Idempotent. */
  @Override
  void close();
}
