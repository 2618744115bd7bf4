package io.minisocket.testkit.internal;

import java.util.List;
import java.util.function.Function;

/**
 * What a {@link io.minisocket.testkit.Script} says, as the engine reads it.
 *
 * @param textReply   maps a received text to the answer, {@code null} for none
 * @param binaryReply maps a received binary payload to the answer, {@code null} for none
 * @param onOpen      messages to send on open: {@code String} for text, {@code byte[]} for binary
 * @param closeAfter  after how many data messages to send a close frame; -1 never
 * @param closeCode   the code of that close frame
 * @param closeReason the reason of that close frame
 * @param resetAfter  after how many data messages to reset the TCP connection; -1 never
 */
public record ScriptSteps(Function<String, String> textReply, Function<byte[], byte[]> binaryReply,
    List<Object> onOpen, int closeAfter, int closeCode, String closeReason, int resetAfter) {

  /** @return e.g. {@code Script[onOpen=1 messages, closeAfter=2 (4000 done), resetAfter=-1]} */
  @Override
  public String toString() {
    return "Script[onOpen=" + onOpen.size() + " messages, closeAfter=" + closeAfter + " (" + closeCode + " "
        + closeReason + "), resetAfter=" + resetAfter + "]";
  }
}
