package io.minisocket.testkit.internal;

import io.minisocket.testkit.RecordedClose;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * The reading side of an upgraded connection, on the connection's thread: sends the script's on-open messages, then
 * reads frames until the connection ends, answering pings, recording pongs, joining fragments, answering the
 * client's close frame, and running the script on each complete data message (record, answer, close or reset after
 * the n-th).
 */
final class ReadLoop {
  private final ConnectionEngine connection;
  private final ScriptSteps script;
  private final FrameReader reader;
  private final FrameWriter writer;
  private final MessageAssembler assembler = new MessageAssembler();
  private int messages;

  ReadLoop(ConnectionEngine connection, ScriptSteps script, FrameReader reader) {
    this.connection = connection;
    this.script = script;
    this.reader = reader;
    this.writer = connection.writer();
  }

  void run() throws IOException, InterruptedException {
    for (Object message : script.onOpen()) {
      if (message instanceof String) {
        writer.writeFrame(Frame.TEXT, ((String) message).getBytes(StandardCharsets.UTF_8));
      } else {
        writer.writeFrame(Frame.BINARY, (byte[]) message);
      }
    }
    if (script.resetAfter() == 0) {
      connection.reset();
      return;
    }
    if (script.closeAfter() == 0) {
      connection.close(script.closeCode(), script.closeReason());
    }
    while (true) {
      connection.awaitReadable();
      Frame frame = reader.read(assembler.bufferedBytes());
      if (frame == null) {
        return; // the client closed the TCP connection
      }
      if (frame.opcode() == Frame.CLOSE) {
        answerClose(frame.payload());
        return;
      }
      if (frame.opcode() == Frame.PING) {
        if (!connection.isCloseSent()) {
          writer.writeFrame(Frame.PONG, frame.payload());
        }
      } else if (frame.opcode() == Frame.PONG) {
        connection.pings().pongReceived(frame.payload());
      } else {
        Frame message = assembler.add(frame);
        if (message != null && !runScript(message)) {
          return;
        }
      }
    }
  }

  /** Records the close frame and answers it with the same code (1002 for one a client may not send). */
  private void answerClose(byte[] body) throws IOException {
    connection.closeReceived();
    CloseFrames.Received close = CloseFrames.parse(body);
    connection.host().record(new RecordedClose(connection.id(), close.code(), close.reason()));
    if (close.problem() != null) {
      throw close.problem();
    }
    if (connection.claimCloseSent()) {
      if (body.length > 0 && !CloseFrames.isValidWireCode(close.code())) {
        connection.failure("invalid close code " + close.code());
      }
      writer.writeFrame(Frame.CLOSE, CloseFrames.answer(body, close.code()));
    }
  }

  /** @return whether to read on (not after a reset) */
  private boolean runScript(Frame message) throws IOException {
    messages++;
    byte[] payload = message.payload();
    boolean text = message.opcode() == Frame.TEXT;
    String decoded = text ? Utf8.decode(payload) : null;
    if (text && decoded == null) {
      throw new ProtocolException(1007, "text message is not valid UTF-8");
    }
    if (text) {
      connection.host().recordText(connection.id(), decoded);
    } else {
      connection.host().recordBinary(connection.id(), payload);
    }
    if (script.resetAfter() == messages) {
      connection.reset();
      return false;
    }
    if (!connection.isCloseSent()) {
      if (text) {
        String answer = reply(script.textReply(), decoded, "the reply function");
        if (answer != null) {
          writer.writeFrame(Frame.TEXT, answer.getBytes(StandardCharsets.UTF_8));
        }
      } else {
        byte[] answer = reply(script.binaryReply(), payload.clone(), "the binary reply function");
        if (answer != null) {
          writer.writeFrame(Frame.BINARY, answer);
        }
      }
    }
    if (script.closeAfter() == messages) {
      connection.close(script.closeCode(), script.closeReason());
    }
    return true;
  }

  private <T> T reply(Function<T, T> function, T received, String what) throws ProtocolException {
    try {
      return function.apply(received);
    } catch (RuntimeException e) {
      connection.failure(what + " threw " + e);
      throw new ProtocolException(1011, "reply function failed");
    }
  }
}
