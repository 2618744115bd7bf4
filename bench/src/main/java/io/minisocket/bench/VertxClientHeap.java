package io.minisocket.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;

/**
 * Diagnostic: the heap of one idle Vert.x {@link WebSocketClient} (no connection), created with the options
 * transport-vertx gives its shared client (one per transport and connect timeout; before issue #14 it made one per
 * connection), and the time to create and close one.
 */
final class VertxClientHeap {
  private VertxClientHeap() {}

  static void run(int clients) throws Exception {
    Vertx vertx = Vertx.vertx();
    WebSocketClientOptions template = new WebSocketClientOptions() // as VertxTransport.clientOptions(defaults)
        .setTcpNoDelay(true)
        .setMaxFrameSize(16 * 1024 * 1024)
        .setMaxMessageSize(64 * 1024 * 1024)
        .setClosingTimeout(10)
        .setMaxConnections(Integer.MAX_VALUE)
        .setTryUsePerMessageCompression(false)
        .setTryUsePerFrameCompression(false);
    List<WebSocketClient> created = new ArrayList<>(clients);
    long baseline = Machine.heapAfterGc();
    long t0 = System.nanoTime();
    for (int i = 0; i < clients; i++) {
      created.add(vertx.createWebSocketClient(new WebSocketClientOptions(template).setConnectTimeout(60_000)));
    }
    long createNanos = System.nanoTime() - t0;
    long heap = Machine.heapAfterGc() - baseline;
    Reference.reachabilityFence(created);
    long t1 = System.nanoTime();
    for (WebSocketClient client : created) {
      client.close().toCompletionStage().toCompletableFuture().join();
    }
    long closeNanos = System.nanoTime() - t1;
    System.out.println("RESULT heapPerClient=" + (double) heap / clients + " createMicros=" + createNanos / 1e3 / clients
        + " closeMicros=" + closeNanos / 1e3 / clients);
  }
}
