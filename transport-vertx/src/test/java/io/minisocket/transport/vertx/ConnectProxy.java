package io.minisocket.transport.vertx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A minimal HTTP proxy on 127.0.0.1 that only knows {@code CONNECT}: it records each request's target and
 * {@code Proxy-Authorization}, answers 200 (or 407 when credentials are required and missing), then copies bytes
 * both ways. One thread per direction; {@link #close()} closes every socket, which ends them.
 */
final class ConnectProxy implements AutoCloseable {
  /** A CONNECT request as the proxy saw it. */
  record Tunnel(String target, String authorization) {}

  final BlockingQueue<Tunnel> tunnels = new LinkedBlockingQueue<>();
  private final ServerSocket server;
  private final String requiredAuthorization;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  /** @param requiredAuthorization the {@code Proxy-Authorization} value to insist on, or null for none */
  ConnectProxy(String requiredAuthorization) throws IOException {
    this.requiredAuthorization = requiredAuthorization;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptLoop, "connect-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        sockets.add(client);
        Thread handler = new Thread(() -> handle(client), "connect-proxy-tunnel");
        handler.setDaemon(true);
        handler.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void handle(Socket client) {
    try {
      List<String> head = readHead(client.getInputStream());
      String[] requestLine = head.get(0).split(" ");
      String authorization = head.stream().filter(h -> h.regionMatches(true, 0, "Proxy-Authorization:", 0, 20))
          .map(h -> h.substring(20).trim()).findFirst().orElse(null);
      tunnels.add(new Tunnel(requestLine[1], authorization));
      OutputStream toClient = client.getOutputStream();
      if (!requestLine[0].equals("CONNECT")
          || (requiredAuthorization != null && !requiredAuthorization.equals(authorization))) {
        toClient.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
            + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        client.close();
        return;
      }
      int colon = requestLine[1].lastIndexOf(':');
      Socket upstream = new Socket(requestLine[1].substring(0, colon),
          Integer.parseInt(requestLine[1].substring(colon + 1)));
      sockets.add(upstream);
      toClient.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      Thread up = new Thread(() -> copy(client, upstream), "connect-proxy-up");
      up.setDaemon(true);
      up.start();
      copy(upstream, client);
    } catch (IOException | RuntimeException e) {
      closeQuietly(client);
    }
  }

  private static List<String> readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed before the end of the request head");
      }
      head.write(b);
      matched = (b == '\r' || b == '\n') && "\r\n\r\n".charAt(matched) == b ? matched + 1 : 0;
    }
    return List.of(head.toString(StandardCharsets.US_ASCII).trim().split("\r\n"));
  }

  private static void copy(Socket from, Socket to) {
    try (InputStream in = from.getInputStream()) {
      in.transferTo(to.getOutputStream());
    } catch (IOException e) {
      // the other side closed: end the tunnel below
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    sockets.forEach(ConnectProxy::closeQuietly);
  }
}
