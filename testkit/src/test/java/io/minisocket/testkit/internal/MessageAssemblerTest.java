package io.minisocket.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Fragmented messages (RFC 6455 section 5.4): joined in order, and a broken sequence is a protocol error. */
class MessageAssemblerTest {

  private static Frame frame(boolean fin, int opcode, String payload) {
    return new Frame(fin, opcode, payload.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void joinsFragmentsIntoOneMessageOfTheFirstFramesType() throws ProtocolException {
    MessageAssembler assembler = new MessageAssembler();
    assertThat(assembler.add(frame(false, Frame.TEXT, "hel"))).isNull();
    assertThat(assembler.bufferedBytes()).isEqualTo(3);
    assertThat(assembler.add(frame(false, Frame.CONTINUATION, "l"))).isNull();
    Frame message = assembler.add(frame(true, Frame.CONTINUATION, "o"));
    assertThat(message.opcode()).isEqualTo(Frame.TEXT);
    assertThat(new String(message.payload(), StandardCharsets.UTF_8)).isEqualTo("hello");
    assertThat(assembler.bufferedBytes()).isZero();
    assertThat(assembler.add(frame(true, Frame.BINARY, "next")).opcode()).as("the next message").isEqualTo(Frame.BINARY);
  }

  @Test
  void aContinuationWithoutAMessageOrAMessageInsideAnotherIsAProtocolError() throws ProtocolException {
    assertThatThrownBy(() -> new MessageAssembler().add(frame(true, Frame.CONTINUATION, "x")))
        .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo(1002))
        .hasMessage("continuation without a message");
    MessageAssembler assembler = new MessageAssembler();
    assembler.add(frame(false, Frame.TEXT, "a"));
    assertThatThrownBy(() -> assembler.add(frame(true, Frame.BINARY, "b")))
        .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo(1002))
        .hasMessage("new message inside a fragmented one");
  }
}
