package io.minisocket.transport.vertx;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A WebSocket server on Vert.x for the tests, on 127.0.0.1 and an ephemeral port.
 *
 * <p>Paths: {@code /reject} answers 403, {@code /plain} answers 200 without upgrading, anything else upgrades and
 * hands the socket to the handler given at start (default: echo).
 */
public final class TestServer implements AutoCloseable {

  /** The handshake request as the server saw it. */
  public record Request(String method, String uri, Map<String, String> headers) {}

  /** A close as the server saw it. */
  public record Close(Short code, String reason) {}

  public final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
  public final BlockingQueue<ServerWebSocket> sockets = new LinkedBlockingQueue<>();
  public final BlockingQueue<Close> closes = new LinkedBlockingQueue<>();
  private final HttpServer server;
  /** The PEM of the self-signed certificate of a server started with {@link #startTls}; null otherwise. */
  private String certPem;

  private TestServer(HttpServer server) {
    this.server = server;
  }

  public int port() {
    return server.actualPort();
  }

  public static TestServer echo(Vertx vertx) throws Exception {
    return start(vertx, o -> { }, TestServer::echo);
  }

  public static void echo(ServerWebSocket ws) {
    ws.textMessageHandler(ws::writeTextMessage);
    ws.binaryMessageHandler(ws::writeBinaryMessage);
  }

  public static TestServer start(Vertx vertx, Consumer<HttpServerOptions> config, Handler<ServerWebSocket> handler)
      throws Exception {
    HttpServerOptions options = new HttpServerOptions()
        .setHost("127.0.0.1")
        .setPort(0)
        .setMaxWebSocketFrameSize(16 * 1024 * 1024)
        .setMaxWebSocketMessageSize(64 * 1024 * 1024);
    config.accept(options);
    HttpServer server = vertx.createHttpServer(options);
    TestServer ts = new TestServer(server);
    server.requestHandler(req -> ts.handle(req, handler));
    server.listen().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    return ts;
  }

  /**
   * Like {@link #start}, over TLS with a fresh self-signed certificate for {@code localhost} and {@code 127.0.0.1}
   * (see {@link #writeCertPem} to trust it).
   */
  public static TestServer startTls(Vertx vertx, Consumer<HttpServerOptions> config, Handler<ServerWebSocket> handler)
      throws Exception {
    TestCerts certs = TestCerts.localhost();
    TestServer ts = start(vertx, o -> {
      o.setSsl(true).setKeyCertOptions(certs.keyCertOptions());
      config.accept(o);
    }, handler);
    ts.certPem = certs.certPem;
    return ts;
  }

  /** Writes the certificate of a {@link #startTls} server as a PEM file into {@code dir}. */
  public Path writeCertPem(Path dir) throws IOException {
    if (certPem == null) {
      throw new IllegalStateException("not a TLS server");
    }
    return Files.writeString(dir.resolve("server-cert-" + port() + ".pem"), certPem, StandardCharsets.US_ASCII);
  }

  private void handle(HttpServerRequest req, Handler<ServerWebSocket> handler) {
    Map<String, String> headers = new LinkedHashMap<>();
    req.headers().forEach(e -> headers.merge(e.getKey().toLowerCase(), e.getValue(), (a, b) -> a + "," + b));
    requests.add(new Request(req.method().name(), req.uri(), headers));
    switch (req.path()) {
      case "/reject" -> req.response().setStatusCode(403).end("forbidden");
      case "/plain" -> req.response().setStatusCode(200).end("hello");
      default -> req.toWebSocket().onSuccess(ws -> {
        ws.closeHandler(v -> closes.add(new Close(ws.closeStatusCode(), ws.closeReason())));
        handler.handle(ws);
        sockets.add(ws);
      });
    }
  }

  public ServerWebSocket awaitSocket() throws InterruptedException {
    ServerWebSocket ws = sockets.poll(5, TimeUnit.SECONDS);
    if (ws == null) {
      throw new AssertionError("no WebSocket reached the server");
    }
    return ws;
  }

  public Close awaitClose() throws InterruptedException {
    Close c = closes.poll(5, TimeUnit.SECONDS);
    if (c == null) {
      throw new AssertionError("the server saw no close");
    }
    return c;
  }

  public static List<String> list(String... values) {
    return List.of(values);
  }

  @Override
  public void close() throws ExecutionException, TimeoutException {
    try {
      server.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while closing the test server", e);
    }
  }
}
