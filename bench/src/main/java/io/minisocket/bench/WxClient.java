package io.minisocket.bench;

import io.minisocket.adapter.wx.Wx;
import io.minisocket.adapter.wx.WxSettings;
import io.minisocket.core.ConnectOptions;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.SocketTask;
import io.minisocket.core.loop.EventLoop;
import io.minisocket.transport.vertx.VertxTransport;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * MiniSocket: the WeChat facade over transport-vertx with its defaults (TCP_NODELAY on, no compression, no pings).
 * One facade whose connection limit is lifted ({@code WxSettings.connectionLimit(0)}; WeChat allows 5), so that the
 * scale workload can open its 10,000 sockets through one {@code Wx} and one {@link VertxTransport}. The url check
 * is off because the echo server is {@code ws://127.0.0.1}. As the diagnostic {@code wx-loop}, the facade is created
 * on an {@link EventLoop}: every event then hops from the Vert.x thread to the loop's thread, which is what running
 * on a loop (and so JavaScript) costs.
 */
final class WxClient implements BenchClient {
  private final VertxTransport transport = VertxTransport.create();
  private final EventLoop loop;
  private final Wx wx;

  /** @param onLoop whether the facade runs its callbacks on an event loop */
  WxClient(boolean onLoop) {
    loop = onLoop ? EventLoop.builder().name("bench-loop").build() : null;
    wx = Wx.create(transport, WxSettings.builder()
        .connectionLimit(0)
        .config(SocketConfig.builder().urlCheck(false).build())
        .eventLoop(loop)
        .build());
  }

  @Override
  public CompletableFuture<Conn> connect(URI uri, Consumer<String> onText) {
    CompletableFuture<Conn> opened = new CompletableFuture<>();
    SocketTask task = wx.connectSocket(ConnectOptions.of(uri.toString()));
    task.onOpen(open -> opened.complete(Conn.of(task::send, task::close)));
    task.onMessage(message -> onText.accept((String) message.data()));
    task.onError(error -> opened.completeExceptionally(new IllegalStateException(error.describe())));
    return opened;
  }

  @Override
  public void close() {
    wx.close();
    if (loop != null) {
      loop.close();
    }
    transport.close();
  }
}
