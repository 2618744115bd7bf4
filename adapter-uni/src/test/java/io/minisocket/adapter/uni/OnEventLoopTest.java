package io.minisocket.adapter.uni;

import io.minisocket.core.SocketConfig;
import io.minisocket.core.loop.EventLoop;
import io.minisocket.tck.GlobalSocketExamples;
import io.minisocket.transport.vertx.VertxTransport;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * uni-app's seed examples (seed 000; seed 001 repeats them) transcribed literally and run on an {@link EventLoop}
 * against local servers, 1,000 runs each kind: they run as in a mini-program. (Plain {@code ws://} with the url
 * check off keeps a thousand handshakes cheap.)
 */
class OnEventLoopTest {
  private final EventLoop loop = EventLoop.builder().name("uni-seed-loop").build();
  private final VertxTransport transport = VertxTransport.create();
  private final SocketConfig config = SocketConfig.builder().urlCheck(false).build();
  private final UniSettings settings = UniSettings.builder().eventLoop(loop).build();

  @AfterEach
  void close() {
    loop.close();
    transport.close();
  }

  @Test
  void globalApiExamplesRunOnALoopAsInAMiniProgram() throws InterruptedException {
    GlobalSocketExamples.run(loop, () -> Uni.create(transport, settings, config), Uni::connectSocket, 1000,
        settings.connectionLimit(), Duration.ofSeconds(60));
  }
}
