package io.minisocket.adapter.uni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minisocket.core.CloseEvent;
import io.minisocket.core.MessageEvent;
import io.minisocket.core.OpenEvent;
import io.minisocket.core.SocketResult;
import io.minisocket.core.SocketTask;
import io.minisocket.testkit.Handshake;
import io.minisocket.testkit.RecordedRequest;
import io.minisocket.testkit.Script;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every code example of uni-app's connectSocket documentation (seeds 000, the current page, and 001, the older
 * one), translated line by line to Java and run against a real server. The JavaScript is quoted above each test.
 * Seed 001 repeats seed 000's global-API examples word for word; its only different example is the connect with
 * {@code data()}, tested separately.
 */
class SeedExamplesTest extends UniE2eTest {

  /*
   * uni.connectSocket({
   *   url: 'wss://www.example.com/socket',
   *   header: { 'content-type': 'application/json' },
   *   protocols: ['protocol1'],
   *   method: 'GET'
   * });
   */
  @Test
  void connectWithHeaderProtocolsAndMethod() {
    Uni uni = uni(UniPlatform.MP_WEIXIN);
    CompletableFuture<OpenEvent> opened = new CompletableFuture<>();
    uni.onSocketOpen(opened::complete);

    UniConnection result = uni.connectSocket(Map.of(
        "url", url("/socket"),
        "header", Map.of("content-type", "application/json"),
        "protocols", List.of("protocol1"),
        "method", "GET"));

    assertThat(result).isInstanceOf(UniConnection.PromiseMode.class);
    assertThat(get(result.promise()).toMap()).isEqualTo(Map.of("errMsg", "connectSocket:ok"));
    assertThat(get(opened).protocol()).isEqualTo("protocol1");
    RecordedRequest request = server.takeRequest(WAIT);
    assertThat(request.path()).isEqualTo("/socket");
    assertThat(request.header("content-type")).isEqualTo("application/json");
    assertThat(request.subProtocols()).containsExactly("protocol1");
  }

  /*
   * Seed 001 (older page):
   * uni.connectSocket({
   *   url: 'wss://www.example.com/socket',
   *   data() { return { x: '', y: '' }; },
   *   header: { 'content-type': 'application/json' },
   *   protocols: ['protocol1'],
   *   method: 'GET'
   * });
   */
  @Test
  void olderConnectExampleWithDataFunctionIsAccepted() {
    Uni uni = uni(UniPlatform.MP_WEIXIN);
    Supplier<Map<String, String>> data = () -> Map.of("x", "", "y", "");
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("url", url("/socket"));
    options.put("data", data);
    options.put("header", Map.of("content-type", "application/json"));
    options.put("protocols", List.of("protocol1"));
    options.put("method", "GET");

    UniConnection result = uni.connectSocket(options);

    assertThat(get(result.promise()).errMsg()).isEqualTo("connectSocket:ok");
    assertThat(server.takeRequest(WAIT).header("content-type")).isEqualTo("application/json");
    await().atMost(WAIT).until(() -> uni.runtime().globalSocket().map(SocketTask::readyState)
        .orElse(-1) == SocketTask.OPEN);
  }

  /*
   * var socketTask = uni.connectSocket({
   *   url: 'wss://www.example.com/socket', //仅为示例，并非真实接口地址。
   *   complete: ()=> {}
   * });
   */
  @Test
  void completeCallbackReturnsSocketTask() {
    Uni uni = uni(UniPlatform.MP_WEIXIN);
    Consumer<SocketResult> complete = res -> { };

    SocketTask socketTask = uni.connectSocket(Map.of("url", url("/socket"), "complete", complete)).task();

    await().atMost(WAIT).until(() -> socketTask.readyState() == SocketTask.OPEN);
    CompletableFuture<MessageEvent> echoed = new CompletableFuture<>();
    socketTask.onMessage(echoed::complete);
    socketTask.send("ping");
    assertThat(get(echoed).data()).isEqualTo("ping");
    assertThat(uni.runtime().globalSocket()).as("a task is not the global socket").isEmpty();
  }

  /*
   * uni.connectSocket({ url: 'wss://www.example.com/socket' });
   * uni.onSocketOpen(function (res) { console.log('WebSocket连接已打开！'); });
   */
  @Test
  void onSocketOpen() {
    Uni uni = uni(UniPlatform.MP_WEIXIN);
    List<String> log = new CopyOnWriteArrayList<>();
    server.enqueue(Handshake.accept().withHeader("X-Server", "mock"));

    uni.connectSocket(Map.of("url", url("/socket")));
    uni.onSocketOpen(res -> log.add("WebSocket连接已打开！ " + res.header().get("X-Server")));

    await().atMost(WAIT).until(() -> log.contains("WebSocket连接已打开！ mock"));
  }

  /*
   * uni.connectSocket({ url: 'wss://www.example.com/socket' });
   * uni.onSocketOpen(function (res) { console.log('WebSocket连接已打开！'); });
   * uni.onSocketError(function (res) { console.log('WebSocket连接打开失败，请检查！'); });
   */
  @Test
  void onSocketError() {
    Uni uni = uni(UniPlatform.MP_WEIXIN);
    List<String> log = new CopyOnWriteArrayList<>();
    server.enqueue(Handshake.rejectWith(503));

    uni.connectSocket(Map.of("url", url("/socket")));
    uni.onSocketOpen(res -> log.add("WebSocket连接已打开！"));
    uni.onSocketError(res -> log.add("WebSocket连接打开失败，请检查！ " + res.errMsg()));

    await().atMost(WAIT).until(() -> log.size() == 1);
    assertThat(log.get(0)).startsWith("WebSocket连接打开失败，请检查！ ").contains("503");
    await().atMost(WAIT).until(() -> uni.runtime().globalSocket().isEmpty());
  }

  /*
   * var socketOpen = false;
   * var socketMsgQueue = [];
   * uni.connectSocket({ url: 'wss://www.example.com/socket' });
   * uni.onSocketOpen(function (res) {
   *   socketOpen = true;
   *   for (var i = 0; i < socketMsgQueue.length; i++) { sendSocketMessage(socketMsgQueue[i]); }
   *   socketMsgQueue = [];
   * });
   * function sendSocketMessage(msg) {
   *   if (socketOpen) { uni.sendSocketMessage({ data: msg }); } else { socketMsgQueue.push(msg); }
   * }
   */
  @Test
  void sendSocketMessageWithHandMadeQueue() {
    Uni uni = uni(UniPlatform.MP_WEIXIN);
    SendExample example = new SendExample(uni);
    server.enqueue(Handshake.accept().delayed(Duration.ofMillis(200)));

    uni.connectSocket(Map.of("url", url("/socket")));
    uni.onSocketOpen(res -> example.opened());
    example.sendSocketMessage("queued before open");

    await().atMost(WAIT).until(() -> example.socketOpen);
    example.sendSocketMessage("sent after open");

    assertThat(server.takeMessage(WAIT).text()).isEqualTo("queued before open");
    assertThat(server.takeMessage(WAIT).text()).isEqualTo("sent after open");
  }

  /** The example's page state: {@code socketOpen} and {@code socketMsgQueue}. */
  private static final class SendExample {
    private final Uni uni;
    volatile boolean socketOpen = false;
    private List<Object> socketMsgQueue = new ArrayList<>();

    SendExample(Uni uni) {
      this.uni = uni;
    }

    synchronized void opened() {
      socketOpen = true;
      for (int i = 0; i < socketMsgQueue.size(); i++) {
        sendSocketMessage(socketMsgQueue.get(i));
      }
      socketMsgQueue = new ArrayList<>();
    }

    synchronized void sendSocketMessage(Object msg) {
      if (socketOpen) {
        uni.sendSocketMessage(Map.of("data", msg));
      } else {
        socketMsgQueue.add(msg);
      }
    }
  }

  /*
   * uni.connectSocket({ url: 'wss://www.example.com/socket' });
   * uni.onSocketMessage(function (res) { console.log('收到服务器内容：' + res.data); });
   */
  @Test
  void onSocketMessage() {
    Uni uni = uni(UniPlatform.MP_WEIXIN);
    List<String> log = new CopyOnWriteArrayList<>();
    server.enqueue(Script.echo().sendOnOpen("hello from the server"));

    uni.connectSocket(Map.of("url", url("/socket")));
    uni.onSocketMessage(res -> log.add("收到服务器内容：" + res.data()));

    await().atMost(WAIT).until(() -> log.contains("收到服务器内容：hello from the server"));
  }

  /*
   * uni.connectSocket({ url: 'wss://www.example.com/socket' });
   * // 注意这里有时序问题 ... 必须在 WebSocket 打开期间调用 uni.closeSocket 才能关闭。
   * uni.onSocketOpen(function () { uni.closeSocket(); });
   * uni.onSocketClose(function (res) { console.log('WebSocket 已关闭！'); });
   */
  @Test
  void closeSocketOnOpenAndOnSocketClose() {
    Uni uni = uni(UniPlatform.MP_WEIXIN);
    CompletableFuture<CloseEvent> closed = new CompletableFuture<>();

    uni.connectSocket(Map.of("url", url("/socket")));
    uni.onSocketOpen(res -> uni.closeSocket(Map.of()));
    uni.onSocketClose(closed::complete);

    assertThat(get(closed).code()).isEqualTo(1000);
    assertThat(server.awaitClose(WAIT).code()).isEqualTo(1000);
    assertThat(uni.runtime().globalSocket()).isEmpty();
  }
}
