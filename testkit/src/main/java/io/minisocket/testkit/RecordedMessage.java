package io.minisocket.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One complete data message (text or binary, fragments joined) a {@link MockWebSocketServer} received.
 * Equality compares the kind and the payload only, not the connection, so expected values can be written as
 * {@code RecordedMessage.text("hello")} or {@code RecordedMessage.binary(bytes)}.
 */
public final class RecordedMessage {
  private final int connectionId;
  private final String text;
  private final byte[] bytes;

  private RecordedMessage(int connectionId, String text, byte[] bytes) {
    this.connectionId = connectionId;
    this.text = text;
    this.bytes = bytes;
  }

  /**
   * @param text the text
   * @return an expected text message (connection id 0)
   */
  public static RecordedMessage text(String text) {
    return new RecordedMessage(0, Objects.requireNonNull(text, "text"), null);
  }

  /**
   * @param bytes the payload (copied)
   * @return an expected binary message (connection id 0)
   */
  public static RecordedMessage binary(byte[] bytes) {
    return new RecordedMessage(0, null, bytes.clone());
  }

  static RecordedMessage text(int connectionId, String text) {
    return new RecordedMessage(connectionId, text, null);
  }

  static RecordedMessage binary(int connectionId, byte[] bytes) {
    return new RecordedMessage(connectionId, null, bytes);
  }

  /** @return {@code true} for a text message, {@code false} for binary */
  public boolean isText() {
    return text != null;
  }

  /**
   * @return the text of a text message
   * @throws IllegalStateException for a binary message
   */
  public String text() {
    if (text == null) {
      throw new IllegalStateException("a binary message has no text: " + this);
    }
    return text;
  }

  /** @return a copy of the payload: the bytes of a binary message, or the UTF-8 bytes of a text message */
  public byte[] bytes() {
    return text != null ? text.getBytes(StandardCharsets.UTF_8) : bytes.clone();
  }

  /** @return the payload size in bytes (UTF-8 for text) */
  public int size() {
    return text != null ? text.getBytes(StandardCharsets.UTF_8).length : bytes.length;
  }

  /** @return the id of the connection it came on (1 for the first), 0 for an expected value */
  public int connectionId() {
    return connectionId;
  }

  /** @return whether {@code other} is a message of the same kind with the same payload */
  @Override
  public boolean equals(Object other) {
    if (!(other instanceof RecordedMessage)) {
      return false;
    }
    RecordedMessage that = (RecordedMessage) other;
    return Objects.equals(text, that.text) && Arrays.equals(bytes, that.bytes);
  }

  /** @return a hash of the kind and payload */
  @Override
  public int hashCode() {
    return text != null ? text.hashCode() : Arrays.hashCode(bytes);
  }

  /** @return {@code text "..."} or {@code binary[n] 0102...} (first 32 bytes in hex) */
  @Override
  public String toString() {
    if (text != null) {
      return "text \"" + (text.length() > 200 ? text.substring(0, 200) + "...\" (" + text.length() + " chars)"
          : text + "\"");
    }
    StringBuilder hex = new StringBuilder("binary[").append(bytes.length).append("] ");
    for (int i = 0; i < Math.min(32, bytes.length); i++) {
      hex.append(String.format("%02x", bytes[i]));
    }
    return bytes.length > 32 ? hex.append("...").toString() : hex.toString();
  }
}
