package io.minisocket.testkit.internal;

/**
 * One WebSocket frame, unmasked; or, from {@link MessageAssembler}, one complete data message as a single final frame.
 *
 * @param fin     whether this is the final fragment
 * @param opcode  the opcode: {@link #CONTINUATION}, {@link #TEXT}, {@link #BINARY}, {@link #CLOSE}, {@link #PING} or
 *                {@link #PONG}
 * @param payload the application data
 */
public record Frame(boolean fin, int opcode, byte[] payload) {
  /** Continues a fragmented message. */
  public static final int CONTINUATION = 0x0;
  /** A text message (UTF-8). */
  public static final int TEXT = 0x1;
  /** A binary message. */
  public static final int BINARY = 0x2;
  /** A close frame: optional two-byte code and UTF-8 reason. */
  public static final int CLOSE = 0x8;
  /** A ping. */
  public static final int PING = 0x9;
  /** A pong. */
  public static final int PONG = 0xA;

  /** @return whether it is a control frame (close, ping, pong, or a reserved control opcode) */
  public boolean isControl() {
    return isControl(opcode);
  }

  static boolean isControl(int opcode) {
    return opcode >= CLOSE;
  }
}
