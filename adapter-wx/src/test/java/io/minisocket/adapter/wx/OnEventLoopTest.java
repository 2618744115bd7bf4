package io.minisocket.adapter.wx;

import static org.assertj.core.api.Assertions.assertThat;

import io.minisocket.core.SocketConfig;
import io.minisocket.core.SocketTask;
import io.minisocket.core.loop.EventLoop;
import io.minisocket.tck.ExampleConsole;
import io.minisocket.tck.LoopRepetition;
import io.minisocket.testkit.EchoServer;
import io.minisocket.testkit.Handshake;
import io.minisocket.testkit.MockWebSocketServer;
import io.minisocket.transport.vertx.VertxTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * WeChat's seed examples (seed 002) transcribed literally and run on an {@link EventLoop}, 1,000 runs in all (each
 * example 200 times, five sockets at a time) against local servers. On the loop the examples' code runs as in a
 * mini-program: handlers registered on the line after {@code wx.connectSocket} see the open, the sample's
 * hand-written queue needs no lock. (Plain {@code ws://} with the url check off keeps a thousand handshakes cheap.)
 */
class OnEventLoopTest {
  private static final int RUNS = 1000;
  private static final Duration WAIT = Duration.ofSeconds(60);

  private static EchoServer echo;
  private static MockWebSocketServer refusing;
  private static VertxTransport transport;

  private final EventLoop loop = EventLoop.builder().name("wx-seed-loop").build();
  private final WxSettings settings = WxSettings.builder().eventLoop(loop)
      .config(SocketConfig.builder().urlCheck(false).build()).build();

  @BeforeAll
  static void start() {
    echo = EchoServer.plain("protocol1");
    refusing = MockWebSocketServer.builder().handshake(Handshake.rejectWith(403)).start();
    transport = VertxTransport.create();
  }

  @AfterAll
  static void stop() {
    transport.close();
    refusing.close();
    echo.close();
  }

  @AfterEach
  void closeLoop() {
    loop.close();
  }

  /** One example: runs the seed's code on a fresh {@code wx}, returns the task its connectSocket returned. */
  private interface Example extends BiFunction<Wx, ExampleConsole, SocketTask> {}

  /** {@code wx.connectSocket({url, data, header, protocols, method})} and {@code wx.onSocketOpen}. */
  private static SocketTask connectSocket(Wx wx, ExampleConsole console) {
    SocketTask task = wx.connectSocket(Map.of(
        "url", echo.url(),
        "data", Map.of("x", "", "y", ""),
        "header", Map.of("content-type", "application/json"),
        "protocols", List.of("protocol1"),
        "method", "GET"));
    wx.onSocketOpen(res -> console.log("WebSocket连接已打开！"));
    return task;
  }

  /** {@code wx.onSocketError}: the server refuses the handshake. */
  private static SocketTask onSocketError(Wx wx, ExampleConsole console) {
    SocketTask task = wx.connectSocket(Map.of("url", refusing.url()));
    wx.onSocketOpen(res -> console.log("WebSocket连接已打开！"));
    wx.onSocketError(res -> console.log("WebSocket连接打开失败，请检查！"));
    return task;
  }

  /** {@code wx.sendSocketMessage} with the sample's hand-written queue until {@code onSocketOpen}. */
  private static SocketTask sendSocketMessage(Wx wx, ExampleConsole console) {
    var page = new Object() {
      boolean socketOpen = false;
      List<String> socketMsgQueue = new ArrayList<>();

      void sendSocketMessage(String msg) {
        if (socketOpen) {
          wx.sendSocketMessage(Map.of("data", msg));
        } else {
          socketMsgQueue.add(msg);
        }
      }
    };
    SocketTask task = wx.connectSocket(Map.of("url", echo.url()));
    wx.onSocketOpen(res -> {
      page.socketOpen = true;
      for (int i = 0; i < page.socketMsgQueue.size(); i++) {
        page.sendSocketMessage(page.socketMsgQueue.get(i));
      }
      page.socketMsgQueue = new ArrayList<>();
    });
    page.sendSocketMessage("first");
    page.sendSocketMessage("second");
    task.onMessage(res -> console.log("echo " + res.data())); // the test watching the server's answers
    return task;
  }

  /** {@code wx.onSocketMessage}. */
  private static SocketTask onSocketMessage(Wx wx, ExampleConsole console) {
    SocketTask task = wx.connectSocket(Map.of("url", echo.url()));
    wx.onSocketMessage(res -> console.log("收到服务器内容：" + res.data()));
    task.onOpen(res -> task.send("你好")); // the test making the echo server say something
    return task;
  }

  /** {@code wx.onSocketClose}, with {@code wx.closeSocket()} inside {@code onSocketOpen} as the timing note says. */
  private static SocketTask onSocketClose(Wx wx, ExampleConsole console) {
    SocketTask task = wx.connectSocket(Map.of("url", echo.url()));
    wx.onSocketOpen(res -> wx.closeSocket(Map.of()));
    wx.onSocketClose(res -> console.log("WebSocket 已关闭！"));
    return task;
  }

  @Test
  void seedExamplesRunOnALoopAsInAMiniProgram() throws InterruptedException {
    List<Example> examples = List.of(OnEventLoopTest::connectSocket, OnEventLoopTest::onSocketError,
        OnEventLoopTest::sendSocketMessage, OnEventLoopTest::onSocketMessage, OnEventLoopTest::onSocketClose);
    List<List<String>> expected = List.of(
        List.of("WebSocket连接已打开！"),
        List.of("WebSocket连接打开失败，请检查！"),
        List.of("echo first", "echo second"),
        List.of("收到服务器内容：你好"),
        List.of("WebSocket 已关闭！"));
    Map<Integer, List<String>> logs = new ConcurrentHashMap<>();
    AtomicInteger runs = new AtomicInteger();

    LoopRepetition.run(loop, RUNS, WxSettings.DEFAULT_CONNECTION_LIMIT, WAIT, next -> {
      int run = runs.getAndIncrement();
      int example = run % examples.size();
      Wx wx = Wx.create(transport, settings);
      ExampleConsole console = new ExampleConsole(line -> { // the user closing once the example has shown its part
        if (line.startsWith("WebSocket连接已打开") || line.startsWith("收到服务器内容") || line.equals("echo second")) {
          wx.closeSocket(Map.of());
        }
      });
      SocketTask task = examples.get(example).apply(wx, console);
      task.onClose(res -> {
        logs.put(run, console.lines());
        wx.close();
        next.run();
      });
    });

    assertThat(logs).hasSize(RUNS);
    logs.forEach((run, lines) -> assertThat(lines).as("run %d", run)
        .containsExactlyElementsOf(expected.get(run % examples.size())));
  }
}
