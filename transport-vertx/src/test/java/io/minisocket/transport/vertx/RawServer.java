package io.minisocket.transport.vertx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A plain {@link ServerSocket} server on 127.0.0.1 that runs a script per accepted connection, for the handshake and
 * fault cases a real WebSocket server will not produce.
 */
public final class RawServer implements AutoCloseable {

  /** What the server does with one connection. */
  @FunctionalInterface
  public interface Script {
    void run(Conn conn) throws Exception;
  }

  public final BlockingQueue<Conn> connections = new LinkedBlockingQueue<>();
  private final ServerSocket serverSocket;
  private final Thread acceptor;

  public RawServer(Script script) throws IOException {
    this(0, script);
  }

  /**
   * @param receiveBuffer the server sockets' receive buffer size, or 0 for the default
   * @param script        run for each connection on its own thread
   */
  public RawServer(int receiveBuffer, Script script) throws IOException {
    serverSocket = new ServerSocket();
    if (receiveBuffer > 0) {
      serverSocket.setReceiveBufferSize(receiveBuffer);
    }
    serverSocket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    acceptor = new Thread(() -> {
      while (!serverSocket.isClosed()) {
        try {
          Conn conn = new Conn(serverSocket.accept());
          connections.add(conn);
          Thread t = new Thread(() -> {
            try {
              script.run(conn);
            } catch (Exception e) {
              conn.scriptError.complete(e);
            }
          }, "raw-server-conn");
          t.setDaemon(true);
          t.start();
        } catch (IOException e) {
          return;
        }
      }
    }, "raw-server-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return serverSocket.getLocalPort();
  }

  public Conn awaitConnection() throws InterruptedException {
    Conn c = connections.poll(5, TimeUnit.SECONDS);
    if (c == null) {
      throw new AssertionError("no connection reached the raw server");
    }
    return c;
  }

  @Override
  public void close() throws IOException {
    serverSocket.close();
    for (Conn c : connections) {
      c.closeQuietly();
    }
  }

  /** One accepted socket. */
  public static final class Conn {
    public final Socket socket;
    public final InputStream in;
    public final OutputStream out;
    /** Completes when the client closed or reset the connection (seen by {@link #awaitEof()}). */
    public final CompletableFuture<Void> peerClosed = new CompletableFuture<>();
    public final CompletableFuture<Exception> scriptError = new CompletableFuture<>();
    /** Completes when {@link #readRequest()} has read a request head. */
    public final CompletableFuture<Map<String, String>> requestSeen = new CompletableFuture<>();
    /** Completed by the test to let a paused script go on. */
    public final CompletableFuture<Void> proceed = new CompletableFuture<>();

    Conn(Socket socket) throws IOException {
      this.socket = socket;
      this.in = socket.getInputStream();
      this.out = socket.getOutputStream();
    }

    /** Reads the HTTP request head; header names lower-cased. */
    public Map<String, String> readRequest() throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int state = 0;
      while (state < 4) {
        int b = in.read();
        if (b < 0) {
          throw new IOException("EOF in request head");
        }
        head.write(b);
        state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
      }
      Map<String, String> headers = new LinkedHashMap<>();
      String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
      headers.put(":request-line", lines[0]);
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        if (colon > 0) {
          headers.put(lines[i].substring(0, colon).trim().toLowerCase(), lines[i].substring(colon + 1).trim());
        }
      }
      requestSeen.complete(headers);
      return headers;
    }

    public static String accept(String key) throws Exception {
      byte[] sha1 = MessageDigest.getInstance("SHA-1")
          .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(sha1);
    }

    /** Answers a valid 101 for the given request, with extra header lines (each ending in CRLF). */
    public void switchProtocols(Map<String, String> request, String extraHeaders) throws Exception {
      write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Accept: " + accept(request.get("sec-websocket-key")) + "\r\n" + extraHeaders + "\r\n");
    }

    public void write(String text) throws IOException {
      out.write(text.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    }

    /** Writes one unmasked server frame with a payload under 126 bytes. */
    public void writeFrame(int opcode, boolean fin, byte[] payload) throws IOException {
      out.write((fin ? 0x80 : 0) | opcode);
      out.write(payload.length);
      out.write(payload);
      out.flush();
    }

    /** Reads one (masked) client frame and returns {opcode, payload...}. */
    public byte[] readFrame() throws IOException {
      int b0 = readByte();
      int b1 = readByte();
      long len = b1 & 0x7f;
      if (len == 126) {
        len = (readByte() << 8) | readByte();
      } else if (len == 127) {
        len = 0;
        for (int i = 0; i < 8; i++) {
          len = (len << 8) | readByte();
        }
      }
      byte[] mask = new byte[4];
      if ((b1 & 0x80) != 0) {
        in.readNBytes(mask, 0, 4);
      }
      byte[] payload = in.readNBytes((int) len);
      byte[] result = new byte[payload.length + 1];
      result[0] = (byte) (b0 & 0x0f);
      for (int i = 0; i < payload.length; i++) {
        result[i + 1] = (byte) (payload[i] ^ mask[i % 4]);
      }
      return result;
    }

    private int readByte() throws IOException {
      int b = in.read();
      if (b < 0) {
        throw new IOException("EOF");
      }
      return b;
    }

    /** Reads and discards until the client closes or resets the connection; then completes {@link #peerClosed}. */
    public void awaitEof() {
      byte[] buf = new byte[8192];
      try {
        while (in.read(buf) >= 0) {
          // discard
        }
      } catch (SocketException e) {
        // reset or closed locally: the connection is gone either way
      } catch (IOException e) {
        // same
      }
      peerClosed.complete(null);
    }

    /** Waits until the test completes {@link #proceed}. */
    public void awaitProceed() throws Exception {
      proceed.get(30, TimeUnit.SECONDS);
    }

    /** Closes with a TCP reset (SO_LINGER 0). */
    public void reset() throws IOException {
      socket.setSoLinger(true, 0);
      socket.close();
    }

    public void closeQuietly() {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing
      }
    }
  }
}
