package io.minisocket.testkit.internal;

import java.io.ByteArrayOutputStream;

/**
 * Joins the fragments of data messages (RFC 6455 section 5.4): a text or binary frame starts a message, continuation
 * frames extend it, the final fragment completes it. Control frames are not given to it. Used by one thread.
 */
public final class MessageAssembler {
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private int messageOpcode = -1;

  /** @return how many bytes of an unfinished message are buffered */
  public int bufferedBytes() {
    return buffer.size();
  }

  /**
   * @param fragment a data frame (text, binary or continuation)
   * @return the complete message as one final frame with the message's opcode, or {@code null} while unfinished
   * @throws ProtocolException for a continuation without a message, or a new message inside a fragmented one
   */
  public Frame add(Frame fragment) throws ProtocolException {
    boolean continuation = fragment.opcode() == Frame.CONTINUATION;
    if (continuation ? messageOpcode < 0 : messageOpcode >= 0) {
      throw new ProtocolException(1002, continuation ? "continuation without a message"
          : "new message inside a fragmented one");
    }
    if (!continuation) {
      messageOpcode = fragment.opcode();
    }
    buffer.write(fragment.payload(), 0, fragment.payload().length);
    if (!fragment.fin()) {
      return null;
    }
    Frame message = new Frame(true, messageOpcode, buffer.toByteArray());
    buffer.reset();
    messageOpcode = -1;
    return message;
  }
}
