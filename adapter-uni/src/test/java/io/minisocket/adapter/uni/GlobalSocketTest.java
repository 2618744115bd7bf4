package io.minisocket.adapter.uni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.minisocket.core.CloseEvent;
import io.minisocket.core.ConnectOptions;
import io.minisocket.core.ErrorKind;
import io.minisocket.core.SendOptions;
import io.minisocket.core.SocketResult;
import io.minisocket.core.SocketTask;
import io.minisocket.testkit.Handshake;
import io.minisocket.testkit.RecordedMessage;
import io.minisocket.testkit.Script;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The one global socket and the deprecated global API that acts on it. */
class GlobalSocketTest extends UniE2eTest {

  private static ConnectOptions withComplete(String url) {
    return ConnectOptions.builder().url(url).complete(r -> { }).build();
  }

  /** @return the handshake path of the connection that carried the message */
  private String pathOf(RecordedMessage message) {
    return server.requests().stream().filter(r -> r.connectionId() == message.connectionId()).findFirst()
        .orElseThrow().path();
  }

  @Test
  void onlyOneGlobalSocketWhileItIsInUse() {
    Uni uni = uni(UniPlatform.MP_WEIXIN);
    CompletableFuture<CloseEvent> closed = new CompletableFuture<>();
    uni.onSocketClose(closed::complete);

    get(uni.connectSocket(ConnectOptions.of(url("/first"))).promise());
    Throwable second = awaitFailure(uni.connectSocket(ConnectOptions.of(url("/second"))).promise());

    assertThat(second).isInstanceOf(UniRejection.class).hasMessage("connectSocket:fail the global socket is in "
        + "use: only one can exist; pass success, fail or complete to get a SocketTask");
    assertThat(((UniRejection) second).result().kind()).contains(ErrorKind.CONNECTION_EXISTS);
    SocketTask task = uni.connectSocket(withComplete(url("/task"))).task();
    await().atMost(WAIT).until(() -> task.readyState() == SocketTask.OPEN);
    assertThat(server.requests()).extracting(r -> r.path()).containsExactlyInAnyOrder("/first", "/task");

    await().atMost(WAIT).until(() -> uni.runtime().globalSocket().map(SocketTask::readyState).orElse(-1)
        == SocketTask.OPEN);
    uni.closeSocket(Map.of());
    get(closed);
    get(uni.connectSocket(ConnectOptions.of(url("/third"))).promise());
    await().atMost(WAIT).until(() -> server.requests().size() == 3);
    assertThat(server.requests().get(2).path()).isEqualTo("/third");
  }

  @Test
  void globalApiActsOnTheGlobalSocketOnly() {
    Uni uni = uni(UniPlatform.MP_WEIXIN);
    List<Object> globalMessages = new CopyOnWriteArrayList<>();
    uni.onSocketMessage(res -> globalMessages.add(res.data()));
    CompletableFuture<Void> globalOpen = new CompletableFuture<>();
    uni.onSocketOpen(res -> globalOpen.complete(null));

    SocketTask task = uni.connectSocket(withComplete(url("/task"))).task();
    await().atMost(WAIT).until(() -> task.readyState() == SocketTask.OPEN);
    task.send("to the task");
    assertThat(server.takeMessage(WAIT).text()).isEqualTo("to the task");
    uni.connectSocket(ConnectOptions.of(url("/global")));
    get(globalOpen);
    CompletableFuture<SocketResult> sent = new CompletableFuture<>();
    uni.sendSocketMessage(SendOptions.builder().data("to the global socket").success(sent::complete).build());

    assertThat(get(sent).errMsg()).isEqualTo("sendSocketMessage:ok");
    await().atMost(WAIT).until(() -> globalMessages.contains("to the global socket"));
    assertThat(globalMessages).containsExactly("to the global socket");
    assertThat(pathOf(server.takeMessage(WAIT))).isEqualTo("/global");
  }

  @Test
  void closeSocketBeforeOpenNeverLeaksTheSocket() {
    Uni uni = uni(UniPlatform.MP_WEIXIN);
    server.enqueue(Handshake.stallHandshake());
    CompletableFuture<CloseEvent> closed = new CompletableFuture<>();
    uni.onSocketClose(closed::complete);
    CompletableFuture<SocketResult> closeResult = new CompletableFuture<>();

    get(uni.connectSocket(ConnectOptions.of(url("/stalled"))).promise());
    server.takeRequest(WAIT);
    uni.closeSocket(Map.of("success", (Consumer<SocketResult>) closeResult::complete));

    assertThat(get(closeResult).errMsg()).isEqualTo("closeSocket:ok");
    assertThat(get(closed).code()).as("WHATWG: a close while connecting ends in 1006").isEqualTo(1006);
    server.awaitDisconnect(WAIT);
    assertThat(uni.runtime().globalSocket()).isEmpty();
    assertThat(uni.runtime().tasks()).isEmpty();
    get(uni.connectSocket(ConnectOptions.of(url("/again"))).promise());
  }

  @Test
  void globalCallsWithoutAGlobalSocketFail() {
    Uni uni = uni(UniPlatform.MP_WEIXIN);
    CompletableFuture<SocketResult> send = new CompletableFuture<>();
    CompletableFuture<SocketResult> close = new CompletableFuture<>();
    SocketTask task = uni.connectSocket(withComplete(url("/task"))).task();
    await().atMost(WAIT).until(() -> task.readyState() == SocketTask.OPEN);

    uni.sendSocketMessage(Map.of("data", "x", "fail", (Consumer<SocketResult>) send::complete));
    uni.closeSocket(Map.of("fail", (Consumer<SocketResult>) close::complete));

    assertThat(get(send).errMsg()).isEqualTo("sendSocketMessage:fail WebSocket is not connected");
    assertThat(get(close).errMsg()).isEqualTo("closeSocket:fail WebSocket is not connected");
    assertThat(task.readyState()).as("a task is not the global socket").isEqualTo(SocketTask.OPEN);
  }

  @Test
  void douyinHasNoGlobalApi() {
    Uni uni = uni(UniPlatform.MP_TOUTIAO);
    CompletableFuture<SocketResult> send = new CompletableFuture<>();
    CompletableFuture<SocketResult> close = new CompletableFuture<>();

    assertThatThrownBy(() -> uni.onSocketOpen(res -> { })).isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("onSocketOpen is not supported on uni-app (mp-toutiao)");
    assertThatThrownBy(() -> uni.onSocketMessage(res -> { })).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> uni.onSocketError(res -> { })).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> uni.onSocketClose(res -> { })).isInstanceOf(UnsupportedOperationException.class);
    uni.sendSocketMessage(Map.of("data", "x", "fail", (Consumer<SocketResult>) send::complete));
    uni.closeSocket(Map.of("fail", (Consumer<SocketResult>) close::complete));

    assertThat(get(send).errMsg()).isEqualTo("sendSocketMessage:fail sendSocketMessage is not supported on "
        + "uni-app (mp-toutiao)");
    assertThat(get(send).kind()).contains(ErrorKind.UNSUPPORTED);
    assertThat(get(close).errMsg()).isEqualTo("closeSocket:fail closeSocket is not supported on uni-app (mp-toutiao)");
  }

  @Test
  void douyinPromisesAreNotAGlobalSocket() {
    Uni uni = uni(UniPlatform.MP_TOUTIAO);

    get(uni.connectSocket(ConnectOptions.of(url("/a"))).promise());
    get(uni.connectSocket(ConnectOptions.of(url("/b"))).promise());

    await().atMost(WAIT).until(() -> uni.runtime().tasks().stream()
        .filter(t -> t.readyState() == SocketTask.OPEN).count() == 2);
    assertThat(uni.runtime().globalSocket()).isEmpty();
  }

  @Test
  void weixinKeepsTheLastHandlerAppKeepsEvery() {
    Uni weixin = uni(UniPlatform.MP_WEIXIN);
    Uni app = uni(UniPlatform.APP);
    List<String> calls = new CopyOnWriteArrayList<>();
    weixin.onSocketOpen(res -> calls.add("weixin first"));
    weixin.onSocketOpen(res -> calls.add("weixin second"));
    app.onSocketOpen(res -> calls.add("app first"));
    app.onSocketOpen(res -> calls.add("app second"));

    weixin.connectSocket(ConnectOptions.of(url("/weixin")));
    app.connectSocket(ConnectOptions.of(url("/app")));

    await().atMost(WAIT).until(() -> calls.size() == 3);
    assertThat(calls).containsExactlyInAnyOrder("weixin second", "app first", "app second");
  }

  @Test
  void alipaySingleInstanceUnlessMultiple() {
    Uni uni = uni(UniPlatform.MP_ALIPAY);
    CompletableFuture<Void> open = new CompletableFuture<>();
    uni.onSocketOpen(res -> open.complete(null));
    CompletableFuture<SocketResult> refused = new CompletableFuture<>();

    SocketTask single = uni.connectSocket(withComplete(url("/single"))).task();
    get(open);
    uni.connectSocket(ConnectOptions.builder().url(url("/second")).fail(refused::complete).build());
    SocketTask multiple = uni.connectSocket(ConnectOptions.builder().url(url("/multiple")).multiple(true)
        .complete(r -> { }).build()).task();

    assertThat(get(refused).errMsg()).isEqualTo("connectSocket:fail a connection already exists: only one socket "
        + "without multiple: true can be open");
    assertThat(uni.runtime().globalSocket()).containsSame(single);
    await().atMost(WAIT).until(() -> multiple.readyState() == SocketTask.OPEN);
    uni.sendSocketMessage(Map.of("data", "single instance"));
    RecordedMessage message = server.takeMessage(WAIT);
    assertThat(message.text()).isEqualTo("single instance");
    assertThat(pathOf(message)).isEqualTo("/single");
  }

  @Test
  void aThrowingGlobalHandlerDoesNotBreakTheSocket() {
    Uni uni = uni(UniSettings.of(UniPlatform.H5));
    server.enqueue(Script.echo().sendOnOpen("one", "two"));
    List<Object> received = new CopyOnWriteArrayList<>();
    uni.onSocketMessage(res -> {
      throw new IllegalStateException("handler bug");
    });
    uni.onSocketMessage(res -> received.add(res.data()));

    uni.connectSocket(ConnectOptions.of(url("/")));

    await().atMost(WAIT).until(() -> received.size() == 2);
    assertThat(received).containsExactly("one", "two");
  }
}
