package io.minisocket.core;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What {@code onMessage} listeners receive: {@code res.data}, a {@link String} for a text message or a read-only
 * {@link ByteBuffer} (the JavaScript ArrayBuffer) for a binary one.
 *
 * @param data a {@code String} or a read-only {@code ByteBuffer}
 */
public record MessageEvent(Object data) {

  /** Checks that data is a String or a ByteBuffer and makes a buffer read-only. */
  public MessageEvent {
    Objects.requireNonNull(data, "data");
    if (data instanceof ByteBuffer buffer) {
      data = buffer.asReadOnlyBuffer();
    } else if (!(data instanceof String)) {
      throw new IllegalArgumentException("data must be a String or a ByteBuffer, got " + data.getClass().getName());
    }
  }

  /** @return whether this is a text message */
  public boolean isText() {
    return data instanceof String;
  }

  /** @return the text of a text message, or the bytes of a binary message decoded as UTF-8 */
  public String text() {
    return data instanceof String s ? s : StandardCharsets.UTF_8.decode(((ByteBuffer) data).duplicate()).toString();
  }

  /** @return a copy of the message bytes (UTF-8 for a text message) */
  public byte[] bytes() {
    if (data instanceof String s) {
      return s.getBytes(StandardCharsets.UTF_8);
    }
    ByteBuffer buffer = ((ByteBuffer) data).duplicate();
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }
}
