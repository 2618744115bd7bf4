package io.minisocket.adapter.uni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minisocket.core.SocketConfig;
import io.minisocket.core.SocketResult;
import io.minisocket.core.SocketTask;
import io.minisocket.core.loop.EventLoop;
import io.minisocket.tck.ExampleConsole;
import io.minisocket.tck.GlobalSocketExamples;
import io.minisocket.tck.LoopRepetition;
import io.minisocket.testkit.EchoServer;
import io.minisocket.transport.vertx.VertxTransport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
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
    GlobalSocketExamples.run(loop, () -> Uni.create(transport, settings.toBuilder().config(config).build()),
        Uni::connectSocket, 1000,
        settings.connectionLimit(), Duration.ofSeconds(60));
  }

  /**
   * <pre>
   * var socketTask = uni.connectSocket({
   *   url: 'wss://www.example.com/socket', //仅为示例，并非真实接口地址。
   *   complete: ()=> {}
   * });
   * </pre>
   * then the test uses {@code socketTask} in its own listeners: send once open, close on the echo.
   */
  @Test
  void socketTaskExampleRunsOnALoop() throws InterruptedException {
    List<ExampleConsole> consoles = new CopyOnWriteArrayList<>();
    try (EchoServer echo = EchoServer.plain()) {
      Uni uni = Uni.create(transport, settings.toBuilder().config(config).build());
      LoopRepetition.run(loop, 1000, settings.connectionLimit(), Duration.ofSeconds(60), next -> {
        ExampleConsole console = new ExampleConsole(line -> { });
        consoles.add(console);
        Consumer<SocketResult> complete = res -> console.log("complete " + res.errMsg());
        SocketTask socketTask = uni.connectSocket(Map.of("url", echo.url(), "complete", complete)).task();
        socketTask.onOpen(res -> socketTask.send("ping"));
        socketTask.onMessage(res -> {
          console.log("echo " + res.data());
          socketTask.close();
        });
        socketTask.onClose(res -> {
          console.log("close " + res.code());
          next.run();
        });
      });
      uni.close();
    }
    assertThat(consoles).hasSize(1000).allSatisfy(console -> assertThat(console.lines())
        .containsExactly("complete connectSocket:ok", "echo ping", "close 1000"));
  }

  /** Promise mode: the Promise (Vue 3, and Vue 2's {@code [err, res]}) settles on the loop, after the connecting task. */
  @Test
  void promisesSettleOnTheLoop() throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    Uni vue2 = Uni.create(transport, UniSettings.builder()
        .promiseStyle(UniSettings.PromiseStyle.VUE2).eventLoop(loop).config(config).build());
    Uni vue3 = Uni.create(transport, settings.toBuilder().config(config).build());
    try (EchoServer echo = EchoServer.plain()) {
      loop.submit(() -> {
        vue3.connectSocket(Map.of("url", echo.url())).promise()
            .thenAccept(res -> log.add("vue3 " + res.errMsg() + " on " + Thread.currentThread().getName()));
        vue2.connectSocket(Map.of("url", "wss://")).vue2Promise()
            .thenAccept(res -> log.add("vue2 err " + (res.err() != null) + " on " + Thread.currentThread().getName()));
        log.add("connecting task returns");
        return null;
      }).get(10, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(10)).until(() -> log.size() == 3);
      vue3.close();
      vue2.close();
    }
    assertThat(log).first().isEqualTo("connecting task returns");
    assertThat(log).containsExactlyInAnyOrder("connecting task returns", "vue3 connectSocket:ok on uni-seed-loop",
        "vue2 err true on uni-seed-loop");
  }
}
