package io.minisocket.core;

/**
 * The four states of a {@link SocketTask}, with the numeric codes the mini-program platforms (and browsers) use.
 *
 * <p>Legal transitions: CONNECTING → OPEN, CLOSING (a close while connecting, as WHATWG's {@code close()}) or
 * CLOSED; OPEN → CLOSING or CLOSED; CLOSING → CLOSED. CLOSED is final.
 */
public enum ReadyState {
  /** 0: the opening handshake is in progress. */
  CONNECTING(0),
  /** 1: the connection is open; messages can be sent. */
  OPEN(1),
  /** 2: the closing handshake is in progress. */
  CLOSING(2),
  /** 3: the connection is closed or could not be opened. Final. */
  CLOSED(3);

  private final int code;

  ReadyState(int code) {
    this.code = code;
  }

  /** @return the platform's numeric code: 0, 1, 2 or 3 */
  public int code() {
    return code;
  }

  /**
   * The state with the given platform code.
   *
   * @param code 0 to 3
   * @return the state
   * @throws IllegalArgumentException when the code is not 0 to 3
   */
  public static ReadyState ofCode(int code) {
    for (ReadyState state : values()) {
      if (state.code == code) {
        return state;
      }
    }
    throw new IllegalArgumentException("readyState code must be 0, 1, 2 or 3, got " + code);
  }

  /**
   * Whether a task in this state may move to {@code next}.
   *
   * @param next the state to move to
   * @return true for the legal transitions listed in the class comment
   */
  public boolean canMoveTo(ReadyState next) {
    return switch (this) {
      case CONNECTING -> next == OPEN || next == CLOSING || next == CLOSED;
      case OPEN -> next == CLOSING || next == CLOSED;
      case CLOSING -> next == CLOSED;
      case CLOSED -> false;
    };
  }
}
