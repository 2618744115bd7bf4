package io.minisocket.core.transport;

import java.nio.ByteBuffer;
import java.util.Objects;

/** One whole WebSocket message: text or binary. */
public sealed interface Frame permits Frame.Text, Frame.Binary {

  /**
   * A text message.
   *
   * @param text the message
   * @return the frame
   */
  static Frame text(String text) {
    return new Text(text);
  }

  /**
   * A binary message over the remaining bytes of {@code data}; the buffer is not copied, so it must not be
   * changed until the write completes.
   *
   * @param data the message bytes from position to limit
   * @return the frame
   */
  static Frame binary(ByteBuffer data) {
    return new Binary(data);
  }

  /**
   * The payload size in bytes. For text this is the UTF-8 length, counted on every call (a frame is kept at 16 bytes
   * rather than caching it): core asks only for messages that wait in its queue, once, so that a transport may
   * count a written frame once itself.
   *
   * @return the payload size in bytes
   */
  long byteLength();

  /**
   * A text message.
   *
   * @param text the message, never {@code null}
   */
  record Text(String text) implements Frame {
    /** Checks presence. */
    public Text {
      Objects.requireNonNull(text, "text");
    }

    @Override
    public long byteLength() {
      return Utf8.length(text);
    }
  }

  /**
   * A binary message.
   *
   * @param data the bytes from position to limit, never {@code null}; not copied
   */
  record Binary(ByteBuffer data) implements Frame {
    /** Checks presence. */
    public Binary {
      Objects.requireNonNull(data, "data");
    }

    @Override
    public long byteLength() {
      return data.remaining();
    }

    /** @return a copy of the bytes from position to limit, leaving the buffer unchanged */
    public byte[] toByteArray() {
      byte[] bytes = new byte[data.remaining()];
      data.duplicate().get(bytes);
      return bytes;
    }
  }
}
