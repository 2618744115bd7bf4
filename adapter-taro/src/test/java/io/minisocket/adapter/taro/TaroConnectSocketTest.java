package io.minisocket.adapter.taro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minisocket.core.CloseOptions;
import io.minisocket.core.ConnectOptions;
import io.minisocket.core.ErrorKind;
import io.minisocket.core.MessageEvent;
import io.minisocket.core.ReadyState;
import io.minisocket.core.SendOptions;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.SocketResult;
import io.minisocket.core.SocketTask;
import io.minisocket.core.spi.Policies.ConnectResultTiming;
import io.minisocket.testkit.Handshake;
import io.minisocket.testkit.MockWebSocketServer;
import io.minisocket.testkit.RecordedRequest;
import io.minisocket.testkit.Script;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Taro.connectSocket end to end: the Promise of the task, the task itself, and every way the Promise rejects. */
class TaroConnectSocketTest extends EndToEnd {

  /** The seed's example, as JavaScript passes it: an object literal, then {@code .then(task => ...)}. */
  @Test
  void theSeedsExampleOpensSendsReceivesAndCloses() throws Exception {
    Log log = new Log();
    Taro taro = taro(TaroSettings.defaults());
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("url", tls.url());
    options.put("success", (Consumer<SocketResult>) res -> log.add("connect success " + res.errMsg()));

    CompletableFuture<SocketTask> promise = taro.connectSocket(options).thenApply(task -> {
      task.onOpen(open -> {
        log.add("onOpen");
        task.send(SendOptions.of("xxx"));
      });
      task.onMessage(msg -> {
        log.add("onMessage: " + msg.data());
        task.close();
      });
      task.onError(err -> log.add("onError " + err.errMsg()));
      task.onClose(e -> log.add("onClose: " + e.code() + " " + e.reason()));
      return task;
    });

    SocketTask task = promise.get(10, TimeUnit.SECONDS);
    log.awaitLineStartingWith("onClose:");
    assertThat(log.lines()).containsExactly("connect success connectSocket:ok", "onOpen", "onMessage: xxx",
        "onClose: 1000 normal closure");
    assertThat(tls.received()).contains("xxx");
    assertThat(task.readyState()).isEqualTo(SocketTask.CLOSED);
    assertThat(taro.runtime().tasks()).isEmpty();
  }

  @Test
  void thePromiseSettlesAfterSuccessAndCompleteAndResolvesToALiveTask() throws Exception {
    Log log = new Log();
    Taro taro = taro(TaroSettings.defaults());
    CompletableFuture<SocketTask> promise = taro.connectSocket(ConnectOptions.builder().url(tls.url())
        .header("X-Token", "t1").method("GET").protocols("chat").callbacks(log.callbacks("connect")).build());
    SocketTask task = promise.whenComplete((t, e) -> log.add("resolved")).get(10, TimeUnit.SECONDS);

    assertThat(log.lines()).containsExactly("connect:success connectSocket:ok", "connect:complete connectSocket:ok", "resolved");
    assertThat(taro.runtime().tasks()).containsExactly(task);
    assertThat(List.of(SocketTask.CONNECTING, SocketTask.OPEN, SocketTask.CLOSING, SocketTask.CLOSED))
        .containsExactly(0, 1, 2, 3);
    await().atMost(Log.TIMEOUT).until(() -> task.readyState() == SocketTask.OPEN);
  }

  @Test
  void theTaskSendsTextAndBinaryWithCallbacksAndClosesWithCodeAndReason() throws Exception {
    Log log = new Log();
    Taro taro = taro(TaroSettings.builder().connectResultTiming(ConnectResultTiming.ON_OPEN).build());
    SocketTask task = taro.connectSocket(ConnectOptions.of(tls.url())).get(10, TimeUnit.SECONDS);
    List<Object> received = new ArrayList<>();
    task.onMessage(m -> received.add(m.data()));
    task.onMessage(log.message("onMessage"));
    task.onClose(log.close("onClose"));

    task.send(SendOptions.builder().data("hello").callbacks(log.callbacks("send-text")).build());
    task.send(SendOptions.builder().data(new byte[] {1, 2, 3}).callbacks(log.callbacks("send-binary")).build());
    await().atMost(Log.TIMEOUT).until(() -> received.size() == 2);
    assertThat(received.get(0)).isEqualTo("hello");
    assertThat(received.get(1)).isInstanceOf(ByteBuffer.class);
    assertThat(new MessageEvent(received.get(1)).bytes()).containsExactly(1, 2, 3);
    assertThat(log.lines()).contains("send-text:success sendSocketMessage:ok", "send-text:complete sendSocketMessage:ok",
        "send-binary:success sendSocketMessage:ok", "send-binary:complete sendSocketMessage:ok");

    task.close(CloseOptions.builder().code(3001).reason("bye").callbacks(log.callbacks("close")).build());
    log.awaitLineStartingWith("onClose");
    assertThat(log.lines()).contains("close:success closeSocket:ok", "onClose 3001 bye");
    assertThat(task.state()).isEqualTo(ReadyState.CLOSED);

    task.send(SendOptions.builder().data("late").callbacks(log.callbacks("late")).build());
    log.awaitLineStartingWith("late:complete");
    assertThat(log.lines()).contains("late:fail sendSocketMessage:fail WebSocket is not connected");
  }

  @Test
  void byDefaultThePromiseResolvesOnAcceptSoANetworkFailureReachesOnlyOnErrorAndOnClose() throws Exception {
    Log log = new Log();
    Taro taro = taro(TaroSettings.defaults(), SocketConfig.builder().connectTimeout(Duration.ofMillis(500)).build());
    try (MockWebSocketServer silent = MockWebSocketServer.builder().tls(CERTIFICATE)
        .handshake(Handshake.stallHandshake()).start()) {
      SocketTask task = taro.connectSocket(ConnectOptions.builder().url(silent.url())
              .callbacks(log.callbacks("connect")).build())
          .thenApply(t -> {
            t.onError(log.result("onError"));
            t.onClose(log.close("onClose"));
            return t;
          })
          .get(10, TimeUnit.SECONDS);

      log.awaitLineStartingWith("onClose");
      assertThat(log.lines()).containsExactly("connect:success connectSocket:ok",
          "connect:complete connectSocket:ok", "onError Timed out connecting to server.",
          "onClose 1006 abnormal closure");
      assertThat(task.readyState()).isEqualTo(SocketTask.CLOSED);
      silent.awaitDisconnect(Log.TIMEOUT);
    }
  }

  @Test
  void theOptionsReachTheServerAndItsMessagesAndCloseReachTheTask() throws Exception {
    Log log = new Log();
    Taro taro = taro(TaroSettings.builder().connectResultTiming(ConnectResultTiming.ON_OPEN).build());
    try (MockWebSocketServer server = MockWebSocketServer.builder().tls(CERTIFICATE)
        .handshake(Handshake.acceptSubProtocols("chat"))
        .script(Script.reply(text -> "re: " + text).closeAfter(1, 4000, "server bye")).start()) {
      Map<String, Object> options = new LinkedHashMap<>();
      options.put("url", server.url("/room?id=7"));
      options.put("header", Map.of("X-Token", "t1"));
      options.put("method", "GET");
      options.put("protocols", List.of("chat", "superchat"));
      SocketTask task = taro.connectSocket(options).get(10, TimeUnit.SECONDS);
      task.onMessage(log.message("onMessage"));
      task.onClose(log.close("onClose"));

      RecordedRequest request = server.takeRequest(Log.TIMEOUT);
      assertThat(request.path()).isEqualTo("/room?id=7");
      assertThat(request.header("X-Token")).isEqualTo("t1");
      assertThat(request.subProtocols()).containsExactly("chat", "superchat");

      task.send("hi");
      log.awaitLineStartingWith("onClose");
      assertThat(log.lines()).containsExactly("onMessage re: hi", "onClose 4000 server bye");
    }
  }

  @Test
  void settlingOnOpenResolvesWithAnOpenTaskAndRejectsWhenTheSocketCannotOpen() throws Exception {
    Log log = new Log();
    Taro taro = taro(TaroSettings.builder().target(TaroTarget.H5)
        .connectResultTiming(ConnectResultTiming.ON_OPEN).build());

    SocketTask open = taro.connectSocket(ConnectOptions.builder().url(plain.url())
        .callbacks(log.callbacks("open")).build()).get(10, TimeUnit.SECONDS);
    assertThat(open.readyState()).isEqualTo(SocketTask.OPEN);
    assertThat(log.lines()).containsExactly("open:success connectSocket:ok", "open:complete connectSocket:ok");

    TaroSocketException refused = rejection(taro.connectSocket(ConnectOptions.builder().url(refusedUrl())
        .callbacks(log.callbacks("refused")).build()));
    assertThat(refused.errMsg()).startsWith("connectSocket:fail connection refused");
    assertThat(refused.result().kind()).contains(ErrorKind.REFUSED);
    assertThat(log.lines()).containsExactly("open:success connectSocket:ok", "open:complete connectSocket:ok",
        "refused:fail " + refused.errMsg(), "refused:complete " + refused.errMsg());

    try (MockWebSocketServer forbidding = MockWebSocketServer.builder()
        .handshake(Handshake.rejectWith(403)).start()) {
      TaroSocketException forbidden = rejection(taro.connectSocket(ConnectOptions.of(forbidding.url())));
      assertThat(forbidden.errMsg())
          .startsWith("connectSocket:fail the server returned an invalid handshake response (HTTP 403");
      assertThat(forbidden.result().kind()).contains(ErrorKind.HANDSHAKE);
    }
  }

  @Test
  void atMostTwoSocketsByDefaultWithTarosMessageAndASlotFreesOnClose() throws Exception {
    Log log = new Log();
    Taro taro = taro(TaroSettings.defaults());
    SocketTask first = taro.connectSocket(ConnectOptions.of(tls.url())).get(10, TimeUnit.SECONDS);
    taro.connectSocket(ConnectOptions.of(tls.url())).get(10, TimeUnit.SECONDS);

    TaroSocketException third = rejection(taro.connectSocket(ConnectOptions.builder().url(tls.url())
        .callbacks(log.callbacks("third")).build()));
    String errMsg = "connectSocket:fail 同时最多发起 2 个 socket 请求，更多请参考文档。";
    assertThat(third.errMsg()).isEqualTo(errMsg);
    assertThat(third.getMessage()).isEqualTo(errMsg);
    assertThat(third.result().kind()).contains(ErrorKind.LIMIT_EXCEEDED);
    assertThat(log.lines()).containsExactly("third:fail " + errMsg, "third:complete " + errMsg);
    assertThat(taro.runtime().tasks()).hasSize(2);

    first.close();
    SocketTask again = taro.connectSocket(ConnectOptions.of(tls.url())).get(10, TimeUnit.SECONDS);
    assertThat(again.state()).isNotEqualTo(ReadyState.CLOSED);
  }

  @Test
  void theLimitIsASettingAndItsMessageFollowsIt() throws Exception {
    Taro taro = taro(TaroSettings.builder().connectionLimit(5).build());
    for (int i = 0; i < 5; i++) {
      taro.connectSocket(ConnectOptions.of(tls.url())).get(10, TimeUnit.SECONDS);
    }
    assertThat(rejection(taro.connectSocket(ConnectOptions.of(tls.url()))).errMsg())
        .isEqualTo("connectSocket:fail 同时最多发起 5 个 socket 请求，更多请参考文档。");
  }

  @Test
  void badOptionsRejectThePromiseAfterFailAndComplete() {
    Taro taro = taro(TaroSettings.defaults());
    Map<String, String> expected = new LinkedHashMap<>();
    Map<String, CompletableFuture<SocketTask>> promises = new LinkedHashMap<>();
    Log log = new Log();

    expected.put("no-url", "connectSocket:fail url is required");
    promises.put("no-url", taro.connectSocket(Map.of("fail", log.result("no-url:fail"),
        "complete", log.result("no-url:complete"))));
    expected.put("ws", "connectSocket:fail url must use wss://");
    promises.put("ws", taro.connectSocket(ConnectOptions.builder().url(plain.url())
        .callbacks(log.callbacks("ws")).build()));
    expected.put("referer", "connectSocket:fail header 'Referer' cannot be set");
    promises.put("referer", taro.connectSocket(ConnectOptions.builder().url(tls.url())
        .header("Referer", "https://example.com").callbacks(log.callbacks("referer")).build()));
    expected.put("method", "connectSocket:fail method must be one of OPTIONS, GET, HEAD, POST, PUT, DELETE, TRACE, "
        + "CONNECT, got 'PATCH'");
    promises.put("method", taro.connectSocket(ConnectOptions.builder().url(tls.url()).method("PATCH")
        .callbacks(log.callbacks("method")).build()));
    expected.put("wrong-type", "connectSocket:fail parameter error: parameter.url should be String instead of Number "
        + "(url must be a string, got number)");
    promises.put("wrong-type", taro.connectSocket(Map.of("url", 42, "fail", log.result("wrong-type:fail"),
        "complete", log.result("wrong-type:complete"))));

    for (Map.Entry<String, String> e : expected.entrySet()) {
      TaroSocketException rejected = rejection(promises.get(e.getKey()));
      assertThat(rejected.errMsg()).as(e.getKey()).isEqualTo(e.getValue());
      log.awaitLine(e.getKey() + ":complete " + e.getValue());
      assertThat(log.lines()).as(e.getKey()).containsSubsequence(e.getKey() + ":fail " + e.getValue(),
          e.getKey() + ":complete " + e.getValue());
    }
    assertThat(log.lines()).noneMatch(l -> l.contains(":success"));
    assertThat(taro.runtime().tasks()).isEmpty();
  }

  @Test
  void theUrlCheckOffAllowsWsOnAMiniProgramTargetAndH5AllowsItWithTheCheckOn() throws Exception {
    Taro unchecked = taro(TaroSettings.defaults(), SocketConfig.builder().urlCheck(false).build());
    Taro h5 = taro(TaroSettings.builder().target(TaroTarget.H5).build());
    for (Taro taro : List.of(unchecked, h5)) {
      SocketTask task = taro.connectSocket(ConnectOptions.of(plain.url())).get(10, TimeUnit.SECONDS);
      await().atMost(Log.TIMEOUT).until(() -> task.readyState() == SocketTask.OPEN);
    }
  }

  @Test
  void closingTheFacadeEndsItsSocketsButNotTheCallersTransport() throws Exception {
    Log log = new Log();
    Taro taro = Taro.create(transport, TaroSettings.builder()
        .connectResultTiming(ConnectResultTiming.ON_OPEN).build());
    SocketTask task = taro.connectSocket(ConnectOptions.of(tls.url())).get(10, TimeUnit.SECONDS);
    task.onClose(log.close("onClose"));
    taro.close();
    log.awaitLineStartingWith("onClose");
    assertThat(log.lines()).containsExactly("onClose 1006 abnormal closure");

    Taro other = taro(TaroSettings.builder().connectResultTiming(ConnectResultTiming.ON_OPEN).build());
    assertThat(other.connectSocket(ConnectOptions.of(tls.url())).get(10, TimeUnit.SECONDS).readyState())
        .isEqualTo(SocketTask.OPEN);
  }

  static TaroSocketException rejection(CompletableFuture<SocketTask> promise) {
    CompletionException thrown = org.assertj.core.api.Assertions.catchThrowableOfType(CompletionException.class,
        () -> promise.orTimeout(10, TimeUnit.SECONDS).join());
    assertThat(thrown).as("the promise should be rejected").isNotNull();
    assertThat(thrown.getCause()).isInstanceOf(TaroSocketException.class);
    return (TaroSocketException) thrown.getCause();
  }
}
