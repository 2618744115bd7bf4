package io.minisocket.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What a server must refuse of a client's frames (RFC 6455 section 5), and how it reads the rest. */
class FrameReaderTest {
  private static final byte[] MASK = {0x11, 0x22, 0x33, 0x44};

  /** A client frame: {@code first} is the first byte (FIN, RSV, opcode); masked unless {@code masked} is false. */
  private static byte[] clientFrame(int first, byte[] payload, boolean masked) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeByte(first);
    int maskBit = masked ? 0x80 : 0;
    if (payload.length <= 125) {
      out.writeByte(maskBit | payload.length);
    } else if (payload.length <= 0xFFFF) {
      out.writeByte(maskBit | 126);
      out.writeShort(payload.length);
    } else {
      out.writeByte(maskBit | 127);
      out.writeLong(payload.length);
    }
    if (masked) {
      out.write(MASK);
    }
    for (int i = 0; i < payload.length; i++) {
      out.writeByte(masked ? payload[i] ^ MASK[i & 3] : payload[i]);
    }
    return bytes.toByteArray();
  }

  private static FrameReader reader(byte[] wire, int maxMessageSize) {
    return new FrameReader(new DataInputStream(new ByteArrayInputStream(wire)), maxMessageSize);
  }

  private static int codeOf(byte[] wire, int bufferedBytes) {
    try {
      reader(wire, 100_000).read(bufferedBytes);
    } catch (ProtocolException e) {
      return e.code();
    } catch (IOException e) {
      throw new AssertionError("not a protocol error: " + e, e);
    }
    throw new AssertionError("the frame was accepted");
  }

  @Test
  void unmasksShortAndExtendedLengths() throws IOException {
    for (int length : new int[] {0, 125, 126, 70_000}) {
      byte[] payload = new byte[length];
      for (int i = 0; i < length; i++) {
        payload[i] = (byte) i;
      }
      Frame frame = reader(clientFrame(0x82, payload, true), 100_000).read(0);
      assertThat(frame.fin()).isTrue();
      assertThat(frame.opcode()).isEqualTo(Frame.BINARY);
      assertThat(frame.payload()).as("payload of %s bytes", length).isEqualTo(payload);
    }
  }

  @Test
  void theEndOfTheStreamBetweenFramesIsNoFrameAndInsideOneIsAnError() throws IOException {
    assertThat(reader(new byte[0], 10).read(0)).isNull();
    byte[] cut = clientFrame(0x81, "hello".getBytes(StandardCharsets.UTF_8), true);
    assertThatThrownBy(() -> reader(java.util.Arrays.copyOf(cut, cut.length - 1), 10).read(0))
        .isInstanceOf(EOFException.class);
  }

  @Test
  void refusesWhatAServerMustRefuse() throws IOException {
    byte[] one = {1};
    assertThat(codeOf(clientFrame(0x81, one, false), 0)).as("unmasked").isEqualTo(1002);
    assertThat(codeOf(clientFrame(0xC1, one, true), 0)).as("RSV1 without an extension").isEqualTo(1002);
    assertThat(codeOf(clientFrame(0x09, one, true), 0)).as("fragmented ping").isEqualTo(1002);
    assertThat(codeOf(clientFrame(0x89, new byte[126], true), 0)).as("126-byte ping").isEqualTo(1002);
    assertThat(codeOf(clientFrame(0x83, one, true), 0)).as("reserved data opcode").isEqualTo(1002);
    assertThat(codeOf(clientFrame(0x8B, one, true), 0)).as("reserved control opcode").isEqualTo(1002);
  }

  @Test
  void theMessageSizeLimitCountsWhatIsAlreadyBuffered() throws IOException {
    assertThat(reader(clientFrame(0x80, new byte[4], true), 10).read(6).payload()).hasSize(4);
    assertThatThrownBy(() -> reader(clientFrame(0x80, new byte[5], true), 10).read(6))
        .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo(1009))
        .hasMessage("message larger than 10 bytes");
    assertThat(reader(clientFrame(0x89, new byte[5], true), 10).read(6).opcode())
        .as("control frames do not count").isEqualTo(Frame.PING);
  }
}
