package io.minisocket.transport.jdk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * A one-connection {@code ws://} server on 127.0.0.1 that accepts the handshake and then writes the given raw
 * frames (for messages split into fragments, with control frames between them), then either waits for the client
 * to go or ends the TCP stream without a close frame.
 */
final class FragmentingServer implements AutoCloseable {
  private final ServerSocket socket;
  private final CompletableFuture<Void> done;

  /** One raw frame: FIN bit, opcode, unmasked payload. */
  record RawFrame(boolean fin, int opcode, byte[] payload) {
    static RawFrame text(boolean fin, String text) {
      return new RawFrame(fin, 1, text.getBytes(StandardCharsets.UTF_8));
    }

    static RawFrame continuation(boolean fin, byte[] payload) {
      return new RawFrame(fin, 0, payload);
    }
  }

  /**
   * @param frames              what to write after the handshake
   * @param endStreamAfterwards whether to close the TCP connection (a FIN, no close frame) after the frames; it
   *                            then first waits for the client's first frame, so that the 101 response, the frames
   *                            and the end of the stream do not reach the client in one read
   */
  FragmentingServer(List<RawFrame> frames, boolean endStreamAfterwards) throws IOException {
    socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    done = CompletableFuture.runAsync(() -> serve(frames, endStreamAfterwards));
  }

  String url() {
    return "ws://127.0.0.1:" + socket.getLocalPort() + "/";
  }

  private void serve(List<RawFrame> frames, boolean endStreamAfterwards) {
    try (Socket client = socket.accept()) {
      InputStream in = client.getInputStream();
      OutputStream out = client.getOutputStream();
      String key = readKey(in);
      out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Accept: " + accept(key) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      if (endStreamAfterwards && in.read() == -1) {
        return;
      }
      for (RawFrame f : frames) {
        out.write((f.fin() ? 0x80 : 0) | f.opcode());
        int n = f.payload().length;
        if (n < 126) {
          out.write(n);
        } else {
          out.write(126);
          out.write(n >>> 8);
          out.write(n & 0xff);
        }
        out.write(f.payload());
      }
      out.flush();
      while (!endStreamAfterwards && in.read() != -1) {
        // wait for the client to close; what it sends is not checked here
      }
    } catch (IOException e) {
      if (!socket.isClosed()) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static String readKey(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b == -1) {
        throw new IOException("handshake ended early");
      }
      head.write(b);
    }
    return head.toString(StandardCharsets.ISO_8859_1).lines()
        .filter(l -> l.toLowerCase(Locale.ROOT).startsWith("sec-websocket-key:"))
        .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst()
        .orElseThrow(() -> new IOException("no Sec-WebSocket-Key"));
  }

  private static String accept(String key) {
    try {
      byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(
          (key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.ISO_8859_1));
      return Base64.getEncoder().encodeToString(sha1);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
    done.cancel(false);
  }
}
