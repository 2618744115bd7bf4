package io.minisocket.adapter.uni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.minisocket.adapter.uni.UniConnection.Vue2Result;
import io.minisocket.core.ConnectOptions;
import io.minisocket.core.ErrorKind;
import io.minisocket.core.MessageEvent;
import io.minisocket.core.SocketResult;
import io.minisocket.core.SocketTask;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** uni-app's return rule: a SocketTask when a callback is given, otherwise a Promise (Vue 3 or Vue 2 style). */
class ReturnStyleTest extends UniE2eTest {

  static Stream<UnaryOperator<ConnectOptions.Builder>> oneCallback() {
    Consumer<SocketResult> noop = r -> { };
    return Stream.of(b -> b.success(noop), b -> b.fail(noop), b -> b.complete(noop));
  }

  @ParameterizedTest
  @MethodSource("oneCallback")
  void anyOneCallbackGivesTaskMode(UnaryOperator<ConnectOptions.Builder> callback) {
    Uni uni = uni(UniPlatform.MP_WEIXIN);

    UniConnection connection = uni.connectSocket(callback.apply(ConnectOptions.builder().url(url("/"))).build());

    assertThat(connection).isInstanceOf(UniConnection.TaskMode.class);
    SocketTask task = connection.task();
    await().atMost(WAIT).until(() -> task.readyState() == SocketTask.OPEN);
  }

  @Test
  void taskModeDeliversSuccessThenCompleteAndTheTaskWorks() {
    Uni uni = uni(UniPlatform.MP_WEIXIN);
    List<String> calls = new CopyOnWriteArrayList<>();

    SocketTask task = uni.connectSocket(ConnectOptions.builder().url(url("/"))
        .success(r -> calls.add("success " + r.errMsg()))
        .fail(r -> calls.add("fail " + r.errMsg()))
        .complete(r -> calls.add("complete " + r.errMsg()))
        .build()).task();

    await().atMost(WAIT).until(() -> calls.size() == 2);
    assertThat(calls).containsExactly("success connectSocket:ok", "complete connectSocket:ok");
    CompletableFuture<MessageEvent> echo = new CompletableFuture<>();
    task.onMessage(echo::complete);
    await().atMost(WAIT).until(() -> task.readyState() == SocketTask.OPEN);
    task.send("hi");
    assertThat(get(echo).data()).isEqualTo("hi");
  }

  @Test
  void taskModeFailsThroughFailAndComplete() {
    Uni uni = uni(UniPlatform.MP_WEIXIN);
    CompletableFuture<SocketResult> failed = new CompletableFuture<>();
    CompletableFuture<SocketResult> completed = new CompletableFuture<>();

    UniConnection connection = uni.connectSocket(ConnectOptions.builder().url("https://localhost/")
        .fail(failed::complete).complete(completed::complete).build());

    assertThat(get(failed).errMsg()).startsWith("connectSocket:fail url must start with ws:// or wss://");
    assertThat(get(completed)).isEqualTo(get(failed));
    assertThat(connection.task().readyState()).isEqualTo(SocketTask.CLOSED);
  }

  @Test
  void aMissingUrlFailsInUniAppsOwnWordsWithTheDetailAfter() {
    Uni uni = uni(UniPlatform.MP_WEIXIN);
    CompletableFuture<SocketResult> failed = new CompletableFuture<>();

    uni.connectSocket(Map.of("fail", (java.util.function.Consumer<SocketResult>) failed::complete));

    assertThat(get(failed).errMsg()).isEqualTo("connectSocket:fail Missing required parameter `url` (url is required)");
  }

  @Test
  void aSendOnATaskThatIsNotOpenFailsInUniAppsOwnWords() {
    Uni uni = uni(UniPlatform.MP_WEIXIN);
    SocketTask task = uni.connectSocket(ConnectOptions.builder().url("https://localhost/")
        .fail(r -> { }).build()).task();
    CompletableFuture<SocketResult> failed = new CompletableFuture<>();

    task.send(Map.of("data", "too late", "fail", (java.util.function.Consumer<SocketResult>) failed::complete));

    assertThat(get(failed).errMsg())
        .isEqualTo("sendSocketMessage:fail Error: SocketTask.readyState is not OPEN (readyState 3)");
  }

  @Test
  void promiseModeResolvesWithConnectSocketOk() {
    Uni uni = uni(UniPlatform.MP_WEIXIN);

    UniConnection connection = uni.connectSocket(ConnectOptions.of(url("/")));

    assertThat(connection).isInstanceOf(UniConnection.PromiseMode.class);
    SocketResult res = get(connection.promise());
    assertThat(res.ok()).isTrue();
    assertThat(res.toMap()).isEqualTo(Map.of("errMsg", "connectSocket:ok"));
    server.takeRequest(WAIT);
  }

  @Test
  void promiseModeRejectsWithTheFailResultAndOpensNothing() {
    Uni uni = uni(UniPlatform.MP_WEIXIN);

    UniConnection connection = uni.connectSocket(ConnectOptions.of("ws://localhost:" + server.port() + "/"));

    Throwable rejection = awaitFailure(connection.promise());
    assertThat(rejection).isInstanceOf(UniRejection.class).hasMessage("connectSocket:fail url must use wss://");
    SocketResult result = ((UniRejection) rejection).result();
    assertThat(result.kind()).contains(ErrorKind.WSS_REQUIRED);
    assertThat(result.toMap()).isEqualTo(Map.of("errMsg", "connectSocket:fail url must use wss://"));
    assertThat(uni.runtime().tasks()).isEmpty();
    assertThat(server.connectionCount()).isZero();
  }

  @Test
  void askingAPromiseForItsTaskExplainsTheRule() {
    Uni uni = uni(UniPlatform.MP_WEIXIN);

    UniConnection connection = uni.connectSocket(ConnectOptions.of(url("/")));

    assertThatThrownBy(connection::task).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("returned a Promise, not a SocketTask")
        .hasMessageContaining("at least one of success, fail or complete");
    assertThatThrownBy(connection::vue2Promise).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("promise()");
    get(connection.promise());
  }

  @Test
  void askingATaskForAPromiseExplainsTheRule() {
    Uni uni = uni(UniPlatform.MP_WEIXIN);

    UniConnection connection = uni.connectSocket(ConnectOptions.builder().url(url("/")).complete(r -> { }).build());

    assertThatThrownBy(connection::promise).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("returned a SocketTask, not a Promise");
    assertThatThrownBy(connection::vue2Promise).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("returned a SocketTask, not a Promise");
  }

  @Test
  void vue2StyleResolvesWithNullAndRes() {
    Uni uni = uni(UniSettings.builder().promiseStyle(UniSettings.PromiseStyle.VUE2).build());

    UniConnection connection = uni.connectSocket(ConnectOptions.of(url("/")));

    assertThat(connection).isInstanceOf(UniConnection.Vue2Mode.class);
    Vue2Result result = get(connection.vue2Promise());
    assertThat(result.ok()).isTrue();
    assertThat(result.err()).isNull();
    assertThat(result.res().errMsg()).isEqualTo("connectSocket:ok");
    assertThatThrownBy(connection::promise).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("vue2Promise()");
    assertThatThrownBy(connection::task).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void vue2StyleResolvesAFailureWithErr() {
    Uni uni = uni(UniSettings.builder().promiseStyle(UniSettings.PromiseStyle.VUE2).build());

    UniConnection connection = uni.connectSocket(ConnectOptions.builder().url(url("/"))
        .header("Referer", "https://example.com").build());

    Vue2Result result = get(connection.vue2Promise());
    assertThat(result.ok()).isFalse();
    assertThat(result.res()).isNull();
    assertThat(result.err().errMsg()).isEqualTo("connectSocket:fail header 'Referer' cannot be set");
  }

  @Test
  void javaScriptStyleObjectFollowsTheSameRule() {
    Uni uni = uni(UniPlatform.MP_WEIXIN);
    Consumer<SocketResult> success = r -> { };

    assertThat(uni.connectSocket(Map.of("url", url("/a"), "success", success)))
        .isInstanceOf(UniConnection.TaskMode.class);
    assertThat(uni.connectSocket(Map.of("url", url("/b")))).isInstanceOf(UniConnection.PromiseMode.class);
  }

  @Test
  void aWronglyTypedOptionRejectsThePromise() {
    Uni uni = uni(UniPlatform.MP_WEIXIN);

    UniConnection connection = uni.connectSocket(Map.of("url", url("/"), "protocols", "protocol1"));

    assertThat(awaitFailure(connection.promise()))
        .hasMessage("connectSocket:fail protocols must be an array of strings, got string");
  }
}
