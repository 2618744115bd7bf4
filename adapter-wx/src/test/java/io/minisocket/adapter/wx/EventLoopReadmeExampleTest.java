package io.minisocket.adapter.wx;

import static org.assertj.core.api.Assertions.assertThat;

import io.minisocket.core.ConnectOptions;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.SocketTask;
import io.minisocket.core.loop.EventLoop;
import io.minisocket.testkit.EchoServer;
import io.minisocket.transport.vertx.VertxTransport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The example of the README's event-loop section, run as written there (printing to {@code out}). */
class EventLoopReadmeExampleTest {
  private static final ByteArrayOutputStream BYTES = new ByteArrayOutputStream();
  private static final PrintStream out = new PrintStream(BYTES, true, StandardCharsets.UTF_8);

  // ---- the README example, from here
  /** Mini-program code, as it is written for JavaScript: a module-level variable, used in callbacks. */
  static final class Chat {
    private SocketTask socketTask;   // let socketTask = null

    void connect(Wx wx, String url) {
      socketTask = wx.connectSocket(ConnectOptions.builder().url(url)
          .success(res -> socketTask.onOpen(open -> socketTask.send("hello")))   // assigned: this runs later
          .build());
      socketTask.onMessage(res -> {
        out.println("onMessage " + res.data() + " on " + Thread.currentThread().getName());
        socketTask.close();
      });
      socketTask.onClose(res -> out.println("onClose " + res.code()));
    }
  }

  static void main(String[] args) throws Exception {
    try (EchoServer server = EchoServer.plain();
         VertxTransport transport = VertxTransport.create();
         EventLoop loop = EventLoop.builder().name("main-loop").build();
         Wx wx = Wx.create(transport, WxSettings.builder()
             .eventLoop(loop)                                                  // every callback on the loop
             .config(SocketConfig.builder().urlCheck(false).build())           // ws:// for this local demo
             .build())) {
      Chat chat = new Chat();
      loop.execute(() -> chat.connect(wx, server.url()));
      EventLoop.Timer ticker = loop.setInterval(() -> { }, Duration.ofSeconds(1));
      loop.setTimeout(ticker::cancel, Duration.ofMillis(50));
      boolean idle = loop.awaitIdle(Duration.ofSeconds(10));    // until no socket, timer or task is left
      out.println("idle " + idle + ", sockets " + wx.runtime().tasks().size());
    }
  }
  // ---- to here

  @Test
  void theReadmeExampleRunsAndPrintsWhatTheReadmeShows() throws Exception {
    main(new String[0]);
    assertThat(BYTES.toString(StandardCharsets.UTF_8).lines()).containsExactly(
        "onMessage hello on main-loop", "onClose 1000", "idle true, sockets 0");
  }
}
