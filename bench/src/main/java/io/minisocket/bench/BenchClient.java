package io.minisocket.bench;

import io.minisocket.transport.jdk.JdkTransport;
import io.minisocket.transport.vertx.VertxTransport;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One WebSocket client library under test, set up as its users would: TCP_NODELAY on, no client-side pings, no
 * compression, one client instance (event loops, selector, thread pool) shared by all connections.
 */
interface BenchClient extends AutoCloseable {

  /** One open connection. */
  interface Conn {
    /** Sends a text message; thread-safe, never blocks (the library queues it). */
    void send(String text);

    /** Starts the closing handshake (code 1000). */
    void close();

    /**
     * @param send  sends a text message
     * @param close starts the closing handshake
     * @return the connection
     */
    static Conn of(Consumer<String> send, Runnable close) {
      return new Conn() {
        @Override
        public void send(String text) {
          send.accept(text);
        }

        @Override
        public void close() {
          close.run();
        }
      };
    }
  }

  /**
   * Opens a connection.
   *
   * @param uri    the echo server
   * @param onText receives every text message, on the library's own thread
   * @return completes with the connection once it is open, or exceptionally when it cannot be opened
   */
  CompletableFuture<Conn> connect(URI uri, Consumer<String> onText);

  /** Releases the library's threads (the JVM exits after one measurement anyway). */
  @Override
  void close();

  /**
   * @param name a client name: {@code wx}, {@code wx-jdk}, {@code vertx}, {@code jdk}, {@code okhttp},
   *             {@code javawebsocket}, or the diagnostics {@code vertx-deferred}, {@code vertx-listener} (see
   *             {@link VertxClient.Writes}) and {@code wx-loop} (the wx facade on an event loop)
   * @return the client
   */
  static BenchClient create(String name) {
    return switch (name) {
      case "wx" -> new WxClient(VertxTransport.create(), false);
      case "wx-jdk" -> new WxClient(JdkTransport.create(), false);
      case "wx-loop" -> new WxClient(VertxTransport.create(), true);
      case "vertx" -> new VertxClient(VertxClient.Writes.PLAIN);
      case "vertx-deferred" -> new VertxClient(VertxClient.Writes.DEFERRED);
      case "vertx-listener" -> new VertxClient(VertxClient.Writes.LISTENER);
      case "jdk" -> new JdkClient();
      case "okhttp" -> new OkHttpBenchClient();
      case "javawebsocket" -> new JavaWebSocketBenchClient();
      default -> throw new IllegalArgumentException("unknown client " + name
          + " (wx, wx-jdk, vertx, jdk, okhttp, javawebsocket, vertx-deferred, vertx-listener, wx-loop)");
    };
  }
}
