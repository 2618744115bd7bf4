package io.minisocket.transport.vertx;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A WebSocket server on Vert.x for the tests, on 127.0.0.1 and an ephemeral port.
 *
 * <p>Paths: {@code /reject} answers 403, {@code /plain} answers 200 without upgrading, anything else upgrades and
 * hands the socket to the handler given at start (default: echo).
 */
final class TestServer implements AutoCloseable {

  /** The handshake request as the server saw it. */
  record Request(String method, String uri, Map<String, String> headers) {}

  /** A close as the server saw it. */
  record Close(Short code, String reason) {}

  final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
  final BlockingQueue<ServerWebSocket> sockets = new LinkedBlockingQueue<>();
  final BlockingQueue<Close> closes = new LinkedBlockingQueue<>();
  private final HttpServer server;

  private TestServer(HttpServer server) {
    this.server = server;
  }

  int port() {
    return server.actualPort();
  }

  static TestServer echo(Vertx vertx) throws Exception {
    return start(vertx, o -> { }, TestServer::echo);
  }

  static void echo(ServerWebSocket ws) {
    ws.textMessageHandler(ws::writeTextMessage);
    ws.binaryMessageHandler(ws::writeBinaryMessage);
  }

  static TestServer start(Vertx vertx, Consumer<HttpServerOptions> config, Handler<ServerWebSocket> handler)
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

  ServerWebSocket awaitSocket() throws InterruptedException {
    ServerWebSocket ws = sockets.poll(5, TimeUnit.SECONDS);
    if (ws == null) {
      throw new AssertionError("no WebSocket reached the server");
    }
    return ws;
  }

  Close awaitClose() throws InterruptedException {
    Close c = closes.poll(5, TimeUnit.SECONDS);
    if (c == null) {
      throw new AssertionError("the server saw no close");
    }
    return c;
  }

  static List<String> list(String... values) {
    return List.of(values);
  }

  @Override
  public void close() throws Exception {
    server.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }
}
