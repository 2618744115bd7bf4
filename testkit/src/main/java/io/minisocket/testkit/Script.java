package io.minisocket.testkit;

import io.minisocket.testkit.internal.CloseFrames;
import io.minisocket.testkit.internal.ScriptSteps;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a {@link MockWebSocketServer} does on a connection after it accepted the handshake. Immutable; start from
 * {@link #echo()}, {@link #reply(Function)} or {@link #silent()} and add steps.
 *
 * <p>Order on the wire: the {@link #sendOnOpen(String...) on-open messages} are sent right after the {@code 101}; then
 * {@link #closeOnOpen(int, String)} or {@link #resetAfter(int) resetAfter(0)} apply; then every received data message
 * is recorded, answered, and counted for {@link #closeAfter(int, int, String)} and {@link #resetAfter(int)}.
 * Whatever the script, pings are answered with pongs and a client's close frame is answered with a close frame
 * carrying the same code (RFC 6455 section 5.5.1), after which the server closes the TCP connection.
 */
public final class Script {
  private static final Script ECHO = new Script(Function.identity(), Function.identity(), List.of(), -1, 0, "", -1);

  private final ScriptSteps steps;

  private Script(Function<String, String> textReply, Function<byte[], byte[]> binaryReply, List<Object> onOpen,
      int closeAfter, int closeCode, String closeReason, int resetAfter) {
    this.steps = new ScriptSteps(textReply, binaryReply, onOpen, closeAfter, closeCode, closeReason, resetAfter);
  }

  /** @return the default: every text and binary message is sent back as it came */
  public static Script echo() {
    return ECHO;
  }

  /** @return a script that records messages and answers none (pings and close frames are still answered) */
  public static Script silent() {
    return new Script(text -> null, bytes -> null, List.of(), -1, 0, "", -1);
  }

  /**
   * Answers each text message with {@code reply.apply(text)} (nothing when it returns {@code null}); binary messages
   * are echoed. The function runs on the connection's thread; when it throws, the connection is closed with 1011.
   *
   * @param reply maps a received text to the text to send back
   * @return the script
   */
  public static Script reply(Function<String, String> reply) {
    return new Script(Objects.requireNonNull(reply, "reply"), Function.identity(), List.of(), -1, 0, "", -1);
  }

  /**
   * @param reply maps a received binary payload to the payload to send back, or to {@code null} for no answer
   * @return a copy answering binary messages with {@code reply}
   */
  public Script replyBinary(Function<byte[], byte[]> reply) {
    return new Script(steps.textReply(), Objects.requireNonNull(reply, "reply"), steps.onOpen(), steps.closeAfter(),
        steps.closeCode(), steps.closeReason(), steps.resetAfter());
  }

  /**
   * @param messages text messages to send, in order, as soon as the connection is open
   * @return a copy that also sends them
   */
  public Script sendOnOpen(String... messages) {
    List<Object> copy = new ArrayList<>(steps.onOpen());
    for (String message : messages) {
      copy.add(Objects.requireNonNull(message, "message"));
    }
    return withOnOpen(copy);
  }

  /**
   * @param messages binary messages to send, in order (after any text ones added before), when the connection opens
   * @return a copy that also sends them
   */
  public Script sendBinaryOnOpen(byte[]... messages) {
    List<Object> copy = new ArrayList<>(steps.onOpen());
    for (byte[] message : messages) {
      copy.add(message.clone());
    }
    return withOnOpen(copy);
  }

  /**
   * After the {@code messages}-th received data message has been answered, sends a close frame with {@code code} and
   * {@code reason}; then waits for the client's close frame (at most 5 s) and closes the TCP connection. Messages
   * arriving after the close frame was sent are recorded but not answered. The code is sent as given, not validated,
   * so clients' handling of reserved codes can be tested.
   *
   * @param messages how many data messages to receive first; 0 is {@link #closeOnOpen(int, String)}
   * @param code     close code, 0..65535
   * @param reason   close reason, at most 123 UTF-8 bytes
   * @return a copy that closes
   */
  public Script closeAfter(int messages, int code, String reason) {
    if (messages < 0) {
      throw new IllegalArgumentException("negative message count: " + messages);
    }
    CloseFrames.check(code, reason);
    return new Script(steps.textReply(), steps.binaryReply(), steps.onOpen(), messages, code, reason,
        steps.resetAfter());
  }

  /**
   * Sends a close frame as soon as the connection is open (after any on-open messages).
   *
   * @param code   close code, 0..65535
   * @param reason close reason, at most 123 UTF-8 bytes
   * @return a copy that closes on open
   */
  public Script closeOnOpen(int code, String reason) {
    return closeAfter(0, code, reason);
  }

  /**
   * Resets the TCP connection (SO_LINGER 0, then close: an RST, no close frame) as soon as the {@code messages}-th
   * data message has been received; that message is recorded but not answered. 0 resets right after the
   * {@code 101} and any on-open messages.
   *
   * @param messages how many data messages to receive first
   * @return a copy that resets
   */
  public Script resetAfter(int messages) {
    if (messages < 0) {
      throw new IllegalArgumentException("negative message count: " + messages);
    }
    return new Script(steps.textReply(), steps.binaryReply(), steps.onOpen(), steps.closeAfter(), steps.closeCode(),
        steps.closeReason(), messages);
  }

  ScriptSteps steps() {
    return steps;
  }

  /** @return a description for test failure messages */
  @Override
  public String toString() {
    return steps.toString();
  }

  private Script withOnOpen(List<Object> onOpen) {
    return new Script(steps.textReply(), steps.binaryReply(), List.copyOf(onOpen), steps.closeAfter(),
        steps.closeCode(), steps.closeReason(), steps.resetAfter());
  }
}
