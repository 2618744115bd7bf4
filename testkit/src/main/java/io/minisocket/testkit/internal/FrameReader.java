package io.minisocket.testkit.internal;

import java.io.DataInputStream;
import java.io.IOException;

/**
 * Reads client frames from a stream and checks them against RFC 6455 as a server must: masked, no reserved bits, no
 * unknown opcode, control frames final and at most 125 bytes, data within the message size limit. Unmasks the
 * payload. Used by one thread at a time.
 */
public final class FrameReader {
  private final DataInputStream in;
  private final int maxMessageSize;

  /**
   * @param in             the connection's input, after the opening handshake
   * @param maxMessageSize the largest data message accepted, fragments joined; a larger one is a 1009
   */
  public FrameReader(DataInputStream in, int maxMessageSize) {
    this.in = in;
    this.maxMessageSize = maxMessageSize;
  }

  /**
   * @param bufferedBytes how many bytes of an unfinished fragmented message were read already
   * @return the next frame, unmasked, or {@code null} when the client closed the TCP connection between frames
   * @throws ProtocolException when the frame breaks the protocol
   * @throws IOException       when reading fails or the stream ends inside a frame
   */
  public Frame read(int bufferedBytes) throws IOException {
    int b0 = in.read();
    if (b0 < 0) {
      return null;
    }
    int b1 = in.readUnsignedByte();
    boolean fin = (b0 & 0x80) != 0;
    int opcode = b0 & 0x0F;
    long length = payloadLength(b1 & 0x7F);
    check(b0, b1, fin, opcode, length, bufferedBytes);
    byte[] mask = new byte[4];
    in.readFully(mask);
    byte[] payload = new byte[(int) length];
    in.readFully(payload);
    for (int i = 0; i < payload.length; i++) {
      payload[i] ^= mask[i & 3];
    }
    return new Frame(fin, opcode, payload);
  }

  private long payloadLength(int lengthBits) throws IOException {
    if (lengthBits == 126) {
      return in.readUnsignedShort();
    }
    if (lengthBits == 127) {
      long length = in.readLong();
      if (length < 0) {
        throw new ProtocolException(1002, "negative frame length");
      }
      return length;
    }
    return lengthBits;
  }

  private void check(int b0, int b1, boolean fin, int opcode, long length, int bufferedBytes)
      throws ProtocolException {
    if ((b0 & 0x70) != 0) {
      throw new ProtocolException(1002, "reserved bits set (no extension was negotiated)");
    }
    if ((b1 & 0x80) == 0) {
      throw new ProtocolException(1002, "client frame not masked");
    }
    boolean control = Frame.isControl(opcode);
    if (control && (!fin || length > 125)) {
      throw new ProtocolException(1002, "fragmented or oversized control frame");
    }
    if (opcode > Frame.BINARY && !control || opcode > Frame.PONG) {
      throw new ProtocolException(1002, "unknown opcode " + opcode);
    }
    if (!control && bufferedBytes + length > maxMessageSize) {
      throw new ProtocolException(1009, "message larger than " + maxMessageSize + " bytes");
    }
  }
}
