package io.minisocket.bench;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The echo server of the comparison, run in a JVM of its own: Vert.x, {@code instances} verticles sharing one port
 * on 127.0.0.1, WebSocket compression off, every text and binary frame written back as it came. {@code GET /stats}
 * answers {@code open=<n>}, the WebSockets open now, so that the driver can wait for the previous run's
 * connections to be gone. Prints {@code LISTENING <port>} once it accepts connections.
 */
final class EchoServer extends VerticleBase {
  private static final AtomicInteger OPEN = new AtomicInteger();

  private final int port;

  private EchoServer(int port) {
    this.port = port;
  }

  static void run(int instances) throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port", e);
    }
    Vertx vertx = Vertx.vertx();
    vertx.deployVerticle(() -> new EchoServer(port), new DeploymentOptions().setInstances(instances))
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    System.out.println("LISTENING " + port);
    System.out.flush();
    // runs until the driver closes our stdin or kills the process
    while (System.in.read() != -1) {
      Thread.onSpinWait();
    }
    System.exit(0);
  }

  @Override
  public Future<?> start() {
    HttpServerOptions options = new HttpServerOptions()
        .setHost("127.0.0.1")
        .setPort(port)
        .setTcpNoDelay(true)
        .setAcceptBacklog(4096)
        .setPerMessageWebSocketCompressionSupported(false)
        .setPerFrameWebSocketCompressionSupported(false);
    return vertx.createHttpServer(options)
        .webSocketHandler(EchoServer::echo)
        .requestHandler(request -> request.response().end("open=" + OPEN.get()))
        .listen();
  }

  private static void echo(ServerWebSocket ws) {
    OPEN.incrementAndGet();
    ws.closeHandler(v -> OPEN.decrementAndGet());
    ws.frameHandler(frame -> {
      if (frame.isText() || frame.isBinary() || frame.isContinuation()) {
        ws.writeFrame(frame);
      }
    });
  }
}
