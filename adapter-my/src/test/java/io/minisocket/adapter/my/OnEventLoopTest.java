package io.minisocket.adapter.my;

import static org.assertj.core.api.Assertions.assertThat;

import io.minisocket.core.JsOptions;
import io.minisocket.core.SocketResult;
import io.minisocket.core.SocketTask;
import io.minisocket.core.loop.EventLoop;
import io.minisocket.tck.ExampleConsole;
import io.minisocket.tck.LoopRepetition;
import io.minisocket.testkit.EchoServer;
import io.minisocket.transport.vertx.VertxTransport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Alipay's seed examples (seed 004) transcribed literally and run on an {@link EventLoop} 1,000 times each against a
 * local echo server: code that uses the variable its {@code my.connectSocket} call is assigned to inside that call's
 * {@code success} always finds it assigned, as in JavaScript. (The server is plain {@code ws://} with the url check
 * off, to keep a thousand handshakes cheap; wss changes nothing about the order of callbacks.)
 */
class OnEventLoopTest {
  private static final int RUNS = 1000;
  private static final Duration WAIT = Duration.ofSeconds(60);

  private static EchoServer server;
  private static VertxTransport transport;

  private final EventLoop loop = EventLoop.builder().name("my-seed-loop").build();
  private final My my = My.create(transport, MySettings.builder().eventLoop(loop)
      .config(MySettings.defaults().config().toBuilder().urlCheck(false).build()).build());

  @BeforeAll
  static void start() {
    server = EchoServer.plain();
    transport = VertxTransport.create();
  }

  @AfterAll
  static void stop() {
    transport.close();
    server.close();
  }

  @AfterEach
  void closeFacadeThenLoop() {
    my.close();
    loop.close();
  }

  /**
   * The seed's two-instance {@code index.js}, literally: two module-level variables and a {@code Page} whose
   * methods are the buttons. {@code success} of each connect uses the variable the connect is being assigned to.
   * The object literal defines {@code onSocketClose} twice; in JavaScript the second definition wins, so only
   * {@code socketTask2}'s {@code onClose} is ever registered — as here.
   */
  private final class TwoInstancePage {
    private final String url;
    private final ExampleConsole console;
    SocketTask socketTask1 = null;
    SocketTask socketTask2 = null;

    TwoInstancePage(String url, ExampleConsole console) {
      this.url = url;
      this.console = console;
    }

    void connectSocket1() {
      socketTask1 = my.connectSocket(Map.of("url", url, "multiple", true,
          "success", (Consumer<SocketResult>) res -> {
            socketTask1.onOpen(openRes -> console.log("socketTask1: 监听到连接开启"));
          })).orElseThrow();
    }

    void connectSocket2() {
      socketTask2 = my.connectSocket(Map.of("url", url, "multiple", true,
          "success", (Consumer<SocketResult>) res -> {
            socketTask2.onOpen(openRes -> console.log("socketTask2: 监听到连接开启"));
          })).orElseThrow();
    }

    void sendSocketMessage1() {
      socketTask1.send(My.sendOptions(Map.of("data", "socketTask1 发送的消息")));
    }

    void sendSocketMessage2() {
      socketTask2.send(My.sendOptions(Map.of("data", "socketTask2 发送的消息")));
    }

    void onSocketMessage() {
      socketTask1.onMessage(res -> console.log("socketTask1: 监听到收到服务器内容：" + res.data()));
      socketTask2.onMessage(res -> console.log("socketTask2: 监听到收到服务器内容：" + res.data()));
      console.log("开启监听");
    }

    void closeSocket() {
      socketTask1.close(JsOptions.closeOptions(Map.of("code", 1000, "reason", "socketTask1 正常关闭",
          "success", (Consumer<SocketResult>) res -> console.log("关闭连接"))));
      socketTask2.close(JsOptions.closeOptions(Map.of("code", 1000, "reason", "socketTAsk2 正常关闭",
          "success", (Consumer<SocketResult>) res -> console.log("关闭连接"))));
    }

    void onSocketClose() { // the second of the two definitions, which is the one JavaScript keeps
      socketTask2.onClose(res -> console.log("监听到 socketTask2 已关闭！" + res.code() + " " + res.reason()));
    }
  }

  /**
   * The single-instance example, on a new {@code my} per run (each has one single-instance socket), five at a time:
   * <pre>
   * my.connectSocket({
   *   url: this.data.websocketServer,
   *   data: {},
   *   header: { 'content-type': 'application/json' },
   *   success: (res) => { console.log('WebSocket 连接成功'); },
   *   fail: () => { my.showToast({ content: 'fail' }); }
   * });
   * </pre>
   * then the test closes the socket once {@code my.onSocketOpen} saw it open.
   */
  @Test
  void singleInstanceExampleRunsOnALoop() throws InterruptedException {
    List<ExampleConsole> logs = new CopyOnWriteArrayList<>();
    LoopRepetition.run(loop, RUNS, MySettings.DEFAULT_CONNECTION_LIMIT, WAIT, next -> {
      My my = My.create(transport, MySettings.builder().eventLoop(loop)
          .config(MySettings.defaults().config().toBuilder().urlCheck(false).build()).build());
      ExampleConsole console = new ExampleConsole(line -> { });
      logs.add(console);
      my.connectSocket(Map.of(
          "url", server.url(),
          "data", Map.of(),
          "header", Map.of("content-type", "application/json"),
          "success", (Consumer<SocketResult>) res -> console.log("WebSocket 连接成功"),
          "fail", (Consumer<SocketResult>) res -> console.log("showToast fail")));
      my.onSocketOpen(res -> my.closeSocket(Map.of()));
      my.onSocketClose(res -> {
        console.log("closed " + res.code());
        my.close();
        next.run();
      });
    });
    assertThat(logs).hasSize(RUNS).allSatisfy(console -> assertThat(console.lines())
        .containsExactly("WebSocket 连接成功", "closed 1000"));
  }

  @Test
  void twoInstanceExampleNeverSeesAnUnassignedTask() throws InterruptedException {
    List<ExampleConsole> logs = new CopyOnWriteArrayList<>();
    LoopRepetition.run(loop, RUNS, 2, WAIT, next -> {
      AtomicInteger opened = new AtomicInteger();
      AtomicInteger received = new AtomicInteger();
      TwoInstancePage[] page = new TwoInstancePage[1];
      ExampleConsole console = new ExampleConsole(line -> { // the user tapping the next buttons once the log says so
        if (line.endsWith("监听到连接开启") && opened.incrementAndGet() == 2) {
          loop.execute(page[0]::sendSocketMessage1);
          loop.execute(page[0]::sendSocketMessage2);
        } else if (line.contains("监听到收到服务器内容") && received.incrementAndGet() == 2) {
          loop.execute(page[0]::onSocketClose);
          loop.execute(page[0]::closeSocket);
        } else if (line.startsWith("监听到 socketTask2 已关闭")) {
          next.run();
        }
      });
      page[0] = new TwoInstancePage(server.url(), console);
      logs.add(console);
      loop.execute(page[0]::connectSocket1); // each button tap is a task of its own
      loop.execute(page[0]::connectSocket2);
      loop.execute(page[0]::onSocketMessage);
    });

    assertThat(logs).hasSize(RUNS).allSatisfy(console -> assertThat(console.lines()).containsExactlyInAnyOrder(
        "开启监听", "socketTask1: 监听到连接开启", "socketTask2: 监听到连接开启",
        "socketTask1: 监听到收到服务器内容：socketTask1 发送的消息", "socketTask2: 监听到收到服务器内容：socketTask2 发送的消息",
        "关闭连接", "关闭连接", "监听到 socketTask2 已关闭！1000 socketTAsk2 正常关闭"));
    assertThat(my.runtime().tasks()).isEmpty();
  }
}
