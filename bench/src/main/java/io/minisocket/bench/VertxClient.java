package io.minisocket.bench;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Raw Vert.x 5: one {@link WebSocketClient} for all connections, TCP_NODELAY on, compression off, no connection
 * cap, the same 60 s connect timeout as MiniSocket's default.
 *
 * <p>With {@code deferWrites} (the diagnostic client {@code vertx-deferred}) every write is handed to the
 * connection's context with {@code runOnContext} first, as transport-vertx does, even on the event loop: the
 * difference to plain Vert.x is the cost of that hop alone.
 */
final class VertxClient implements BenchClient {
  private final Vertx vertx = Vertx.vertx();
  private final WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
      .setTcpNoDelay(true)
      .setTryUsePerMessageCompression(false)
      .setTryUsePerFrameCompression(false)
      .setMaxConnections(Integer.MAX_VALUE)
      .setConnectTimeout(60_000));

  private final boolean deferWrites;

  VertxClient(boolean deferWrites) {
    this.deferWrites = deferWrites;
  }

  @Override
  public CompletableFuture<Conn> connect(URI uri, Consumer<String> onText) {
    CompletableFuture<Conn> opened = new CompletableFuture<>();
    ClientWebSocket ws = client.webSocket();
    ws.textMessageHandler(onText::accept);
    ws.connect(new WebSocketConnectOptions().setHost(uri.getHost()).setPort(uri.getPort()).setURI(uri.getPath()))
        .onComplete(ar -> {
          if (ar.succeeded()) {
            Context context = Vertx.currentContext(); // the connection's event loop
            opened.complete(deferWrites
                ? Conn.of(text -> context.runOnContext(v -> ws.writeTextMessage(text)), ws::close)
                : Conn.of(ws::writeTextMessage, ws::close));
          } else {
            opened.completeExceptionally(ar.cause());
          }
        });
    return opened;
  }

  @Override
  public void close() {
    vertx.close();
  }
}
