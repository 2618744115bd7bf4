package io.minisocket.testkit.internal;

import java.io.IOException;

/** A violation of RFC 6455 by the client, which ends the connection with a close code. */
public final class ProtocolException extends IOException {
  private static final long serialVersionUID = 1L;
  private final int code;

  /**
   * @param code    the close code the server answers with (1002 protocol error, 1007 bad data, 1009 too big, ...)
   * @param message what the client did wrong; also the close frame's reason
   */
  public ProtocolException(int code, String message) {
    super(message);
    this.code = code;
  }

  /** @return the close code the server answers with */
  public int code() {
    return code;
  }
}
