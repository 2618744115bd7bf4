package io.minisocket.testkit.internal;

import io.minisocket.testkit.RecordedClose;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/** The body of a close frame (RFC 6455 section 5.5.1): a two-byte code and a UTF-8 reason, or nothing. */
public final class CloseFrames {
  private static final int PROTOCOL_ERROR = 1002;

  private CloseFrames() {
  }

  /**
   * A close frame as received.
   *
   * @param code    the code, or {@link RecordedClose#NO_STATUS} for an empty body
   * @param reason  the reason (decoded leniently when it is not valid UTF-8)
   * @param problem the protocol error the body is, or {@code null}
   */
  record Received(int code, String reason, ProtocolException problem) {}

  /**
   * Checks what a test may send: any two-byte code (reserved ones included, to test clients) and a short reason.
   *
   * @param code   close code, 0..65535
   * @param reason reason, at most 123 UTF-8 bytes
   * @throws IllegalArgumentException when either does not fit in a close frame
   */
  public static void check(int code, String reason) {
    if (code < 0 || code > 0xFFFF) {
      throw new IllegalArgumentException("close code must fit in two bytes: " + code);
    }
    if (Objects.requireNonNull(reason, "reason").getBytes(StandardCharsets.UTF_8).length > 123) {
      throw new IllegalArgumentException("close reason longer than 123 UTF-8 bytes");
    }
  }

  static byte[] body(int code, String reason) {
    byte[] reasonBytes = reason.getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[2 + reasonBytes.length];
    body[0] = (byte) (code >> 8);
    body[1] = (byte) code;
    System.arraycopy(reasonBytes, 0, body, 2, reasonBytes.length);
    return body;
  }

  static Received parse(byte[] body) {
    if (body.length == 0) {
      return new Received(RecordedClose.NO_STATUS, "", null);
    }
    if (body.length == 1) {
      return new Received(RecordedClose.NO_STATUS, "",
          new ProtocolException(PROTOCOL_ERROR, "close frame with a one-byte body"));
    }
    int code = ((body[0] & 0xFF) << 8) | (body[1] & 0xFF);
    String reason = Utf8.decode(Arrays.copyOfRange(body, 2, body.length));
    if (reason == null) {
      return new Received(code, new String(body, 2, body.length - 2, StandardCharsets.UTF_8),
          new ProtocolException(1007, "close reason is not valid UTF-8"));
    }
    return new Received(code, reason, null);
  }

  /**
   * @return the body of the close frame that answers a client's: empty for an empty one, the same code for a code a
   *     client may send, 1002 otherwise
   */
  static byte[] answer(byte[] received, int code) {
    if (received.length == 0) {
      return new byte[0];
    }
    return isValidWireCode(code) ? new byte[] {received[0], received[1]}
        : new byte[] {(byte) (PROTOCOL_ERROR >> 8), (byte) (PROTOCOL_ERROR & 0xFF)};
  }

  static boolean isValidWireCode(int code) {
    return code >= 1000 && code <= 1003 || code >= 1007 && code <= 1014 || code >= 3000 && code <= 4999;
  }
}
