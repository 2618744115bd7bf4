package io.minisocket.adapter.wx;

import io.minisocket.core.SocketConfig;
import io.minisocket.core.loop.EventLoop;
import io.minisocket.tck.GlobalSocketExamples;
import io.minisocket.transport.vertx.VertxTransport;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * WeChat's seed examples (seed 002) transcribed literally and run on an {@link EventLoop}, 1,000 runs in all (each
 * example 200 times, five sockets at a time) against local servers: they run as in a mini-program. (Plain
 * {@code ws://} with the url check off keeps a thousand handshakes cheap.)
 */
class OnEventLoopTest {
  private final EventLoop loop = EventLoop.builder().name("wx-seed-loop").build();
  private final VertxTransport transport = VertxTransport.create();

  @AfterEach
  void close() {
    loop.close();
    transport.close();
  }

  @Test
  void seedExamplesRunOnALoopAsInAMiniProgram() throws InterruptedException {
    WxSettings settings = WxSettings.builder().eventLoop(loop)
        .config(SocketConfig.builder().urlCheck(false).build()).build();
    GlobalSocketExamples.run(loop, () -> Wx.create(transport, settings), Wx::connectSocket, 1000,
        WxSettings.DEFAULT_CONNECTION_LIMIT, Duration.ofSeconds(60));
  }
}
