package io.minisocket.testkit.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * Writes to one connection: the HTTP answer, then unmasked, unfragmented server frames. Thread-safe: the reading
 * thread (pongs, replies, close answers) and test threads (send, ping, close) write whole frames, one at a time.
 */
public final class FrameWriter {
  private final int connectionId;
  private final Object lock = new Object();
  private volatile OutputStream out;

  /** @param connectionId the connection's id, for error messages */
  public FrameWriter(int connectionId) {
    this.connectionId = connectionId;
  }

  /** @param output where to write from now on: the socket's (or TLS socket's) output stream */
  public void attach(OutputStream output) {
    this.out = output;
  }

  /** @return whether {@link #attach(OutputStream)} was called */
  public boolean isAttached() {
    return out != null;
  }

  /**
   * @param opcode  the frame's opcode
   * @param payload the payload, sent unmasked in one final frame
   * @throws IOException when the write fails or no output is attached yet
   */
  public void writeFrame(int opcode, byte[] payload) throws IOException {
    write(encode(opcode, payload));
  }

  /**
   * @param bytes bytes to write as they are (an HTTP response)
   * @throws IOException when the write fails or no output is attached yet
   */
  public void write(byte[] bytes) throws IOException {
    synchronized (lock) {
      OutputStream target = out;
      if (target == null) {
        throw new IOException("connection " + connectionId + " has no output yet");
      }
      target.write(bytes);
      target.flush();
    }
  }

  static byte[] encode(int opcode, byte[] payload) {
    int length = payload.length;
    int header = length <= 125 ? 2 : length <= 0xFFFF ? 4 : 10;
    ByteBuffer frame = ByteBuffer.allocate(header + length);
    frame.put((byte) (0x80 | opcode));
    if (length <= 125) {
      frame.put((byte) length);
    } else if (length <= 0xFFFF) {
      frame.put((byte) 126).putShort((short) length);
    } else {
      frame.put((byte) 127).putLong(length);
    }
    return frame.put(payload).array();
  }
}
