package io.minisocket.adapter.taro;

import static org.assertj.core.api.Assertions.assertThat;

import io.minisocket.core.SendOptions;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.SocketResult;
import io.minisocket.core.loop.EventLoop;
import io.minisocket.tck.ExampleConsole;
import io.minisocket.tck.LoopRepetition;
import io.minisocket.testkit.EchoServer;
import io.minisocket.transport.vertx.VertxTransport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Taro's seed example (seed 003) transcribed literally and run on an {@link EventLoop} 1,000 times, two sockets at a
 * time (Taro's limit), against a local echo server: the Promise settles on the loop and the listeners its
 * {@code then} adds see every event. (Plain {@code ws://}, as in the example, with the url check off.)
 */
class OnEventLoopTest {
  private final EventLoop loop = EventLoop.builder().name("taro-seed-loop").build();
  private final VertxTransport transport = VertxTransport.create();

  @AfterEach
  void close() {
    loop.close();
    transport.close();
  }

  /**
   * <pre>
   * Taro.connectSocket({
   *   url: 'ws://echo.websocket.org/echo',
   *   success: function () { console.log('connect success') }
   * }).then(task => {
   *   task.onOpen(function () { console.log('onOpen'); task.send({ data: 'xxx' }) })
   *   task.onMessage(function (msg) { console.log('onMessage: ', msg); task.close() })
   *   task.onError(function () { console.log('onError') })
   *   task.onClose(function (e) { console.log('onClose: ', e) })
   * })
   * </pre>
   */
  @Test
  void seedExampleRunsOnALoopAsInAMiniProgram() throws InterruptedException {
    List<ExampleConsole> consoles = new CopyOnWriteArrayList<>();
    List<String> promiseThreads = new CopyOnWriteArrayList<>();
    try (EchoServer echo = EchoServer.plain();
         Taro taro = Taro.create(transport, TaroSettings.builder().eventLoop(loop)
             .config(SocketConfig.builder().urlCheck(false).build()).build())) {
      LoopRepetition.run(loop, 1000, TaroSettings.DEFAULT_CONNECTION_LIMIT, Duration.ofSeconds(60), next -> {
        ExampleConsole console = new ExampleConsole(line -> {
          if (line.startsWith("onClose: ")) {
            next.run();
          }
        });
        consoles.add(console);
        taro.connectSocket(Map.of(
            "url", echo.url(),
            "success", (Consumer<SocketResult>) res -> console.log("connect success")
        )).thenAccept(task -> {
          promiseThreads.add(Thread.currentThread().getName());
          task.onOpen(open -> {
            console.log("onOpen");
            task.send(SendOptions.of("xxx"));
          });
          task.onMessage(msg -> {
            console.log("onMessage: " + msg.data());
            task.close();
          });
          task.onError(err -> console.log("onError"));
          task.onClose(e -> console.log("onClose: " + e.code()));
        });
      });
    }
    assertThat(consoles).hasSize(1000).allSatisfy(console -> assertThat(console.lines())
        .containsExactly("connect success", "onOpen", "onMessage: xxx", "onClose: 1000"));
    assertThat(promiseThreads).hasSize(1000).containsOnly("taro-seed-loop");
  }
}
