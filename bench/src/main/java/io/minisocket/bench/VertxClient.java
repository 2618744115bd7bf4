package io.minisocket.bench;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Handler;
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
 * cap, the same 60 s connect timeout as MiniSocket's default. How it writes is its {@link Writes}.
 */
final class VertxClient implements BenchClient {
  /** How each message is written. */
  enum Writes {
    /** {@code writeTextMessage}, its future ignored: the client {@code vertx}. */
    PLAIN,
    /**
     * The diagnostic client {@code vertx-deferred}: every write is handed to the connection's context with
     * {@code runOnContext} first, even on the event loop: the difference to plain Vert.x is the cost of that hop.
     */
    DEFERRED,
    /**
     * The diagnostic client {@code vertx-listener}: a completion listener on every write's future (one shared
     * handler that reports a failed write on stderr, so no object of ours per write): the difference to plain Vert.x
     * is what knowing each send's outcome costs Vert.x itself.
     */
    LISTENER
  }

  private static final Handler<AsyncResult<Void>> WRITE_OUTCOME = ar -> {
    if (ar.failed()) {
      System.err.println("[vertx-listener] a write failed: " + ar.cause());
    }
  };

  private final Vertx vertx = Vertx.vertx();
  private final WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
      .setTcpNoDelay(true)
      .setTryUsePerMessageCompression(false)
      .setTryUsePerFrameCompression(false)
      .setMaxConnections(Integer.MAX_VALUE)
      .setConnectTimeout(60_000));
  private final Writes writes;

  VertxClient(Writes writes) {
    this.writes = writes;
  }

  @Override
  public CompletableFuture<Conn> connect(URI uri, Consumer<String> onText) {
    CompletableFuture<Conn> opened = new CompletableFuture<>();
    ClientWebSocket ws = client.webSocket();
    ws.textMessageHandler(onText::accept);
    ws.connect(new WebSocketConnectOptions().setHost(uri.getHost()).setPort(uri.getPort()).setURI(uri.getPath()))
        .onComplete(ar -> {
          if (ar.succeeded()) {
            opened.complete(Conn.of(sender(ws), ws::close));
          } else {
            opened.completeExceptionally(ar.cause());
          }
        });
    return opened;
  }

  /** Called on the connection's event loop once it is open. */
  private Consumer<String> sender(ClientWebSocket ws) {
    return switch (writes) {
      case PLAIN -> ws::writeTextMessage;
      case DEFERRED -> {
        Context context = Vertx.currentContext();
        yield text -> context.runOnContext(v -> ws.writeTextMessage(text));
      }
      case LISTENER -> text -> ws.writeTextMessage(text).onComplete(WRITE_OUTCOME);
    };
  }

  @Override
  public void close() {
    vertx.close();
  }
}
