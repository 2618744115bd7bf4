package io.minisocket.adapter.my;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minisocket.core.CloseEvent;
import io.minisocket.core.CloseOptions;
import io.minisocket.core.ConnectOptions;
import io.minisocket.core.JsOptions;
import io.minisocket.core.MessageEvent;
import io.minisocket.core.OpenEvent;
import io.minisocket.core.SendOptions;
import io.minisocket.core.SocketResult;
import io.minisocket.core.SocketTask;
import io.minisocket.testkit.MockWebSocketServer;
import io.minisocket.testkit.RecordedClose;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** multiple: true — one SocketTask per connection, at most five at once. */
class MultipleInstanceTest extends MyTestBase {

  /**
   * The seed's "多实例" example: two tasks, onOpen registered inside success (so success must run after
   * connectSocket returned the task), onMessage on each, then close with code and reason. The echo server answers
   * each connection on that connection only, so each task must see exactly its own message.
   */
  @Test
  void seedMultipleInstanceExample() {
    MockWebSocketServer server = wssServer();
    My my = my();
    // In JavaScript `socketTask1 = my.connectSocket({success: () => socketTask1.onOpen(..)})` relies on the
    // assignment running before success; in Java success may run on another thread first, so the variable is a
    // future that success waits on. onOpen registered late still gets the open event (core keeps it).
    CompletableFuture<SocketTask> socketTask1 = new CompletableFuture<>();
    CompletableFuture<SocketTask> socketTask2 = new CompletableFuture<>();
    Events<OpenEvent> opened1 = new Events<>();
    Events<OpenEvent> opened2 = new Events<>();

    // connectSocket1(), connectSocket2()
    socketTask1.complete(my.connectSocket(js("url", server.url(), "multiple", true,
        "success", (Consumer<SocketResult>) res -> socketTask1.thenAccept(t -> t.onOpen(opened1))))
        .orElseThrow());
    socketTask2.complete(my.connectSocket(js("url", server.url(), "multiple", true,
        "success", (Consumer<SocketResult>) res -> socketTask2.thenAccept(t -> t.onOpen(opened2))))
        .orElseThrow());
    opened1.next();
    opened2.next();

    // onSocketMessage()
    Events<MessageEvent> messages1 = new Events<>();
    Events<MessageEvent> messages2 = new Events<>();
    socketTask1.join().onMessage(messages1);
    socketTask2.join().onMessage(messages2);

    // sendSocketMessage1(), sendSocketMessage2()
    socketTask1.join().send(SendOptions.of("socketTask1 发送的消息"));
    socketTask2.join().send(SendOptions.of("socketTask2 发送的消息"));
    assertThat(messages1.next().data()).isEqualTo("socketTask1 发送的消息");
    assertThat(messages2.next().data()).isEqualTo("socketTask2 发送的消息");

    // onSocketClose() x2, closeSocket()
    Events<CloseEvent> closed1 = new Events<>();
    Events<CloseEvent> closed2 = new Events<>();
    socketTask1.join().onClose(closed1);
    socketTask2.join().onClose(closed2);
    Events<SocketResult> closeResults = new Events<>();
    socketTask1.join().close(jsClose(1000, "socketTask1 正常关闭", closeResults));
    socketTask2.join().close(jsClose(1000, "socketTAsk2 正常关闭", closeResults));
    assertThat(closeResults.next().ok()).isTrue();
    assertThat(closeResults.next().ok()).isTrue();
    assertThat(closed1.next().code()).isEqualTo(1000);
    assertThat(closed2.next().code()).isEqualTo(1000);
    assertThat(List.of(server.awaitClose(WAIT), server.awaitClose(WAIT))).extracting(RecordedClose::reason)
        .containsExactlyInAnyOrder("socketTask1 正常关闭", "socketTAsk2 正常关闭");

    assertThat(messages1.pending()).as("task 1 got only its own echo").isZero();
    assertThat(messages2.pending()).as("task 2 got only its own echo").isZero();
    assertThat(server.connectionCount()).isEqualTo(2);
    assertThat(my.runtime().globalSocket()).as("multiple tasks are not the global socket").isEmpty();
  }

  @Test
  void aSixthSocketIsRefusedWithError1AndASlotFreedByCloseCanBeUsedAgain() {
    MockWebSocketServer server = wssServer();
    My my = my();
    List<SocketTask> tasks = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      tasks.add(openTask(my, server.url()));
    }

    Events<SocketResult> fail = new Events<>();
    SocketTask sixth = my.connectSocketTask(ConnectOptions.builder().url(server.url()).fail(fail).build());
    SocketResult refused = fail.next();
    assertAlipayError(refused, 1);
    assertThat(refused.errorMessage()).isEqualTo("最多支持 5 个 WebSocket 实例");
    assertThat(sixth.readyState()).isEqualTo(SocketTask.CLOSED);
    assertThat(server.connectionCount()).isEqualTo(5);

    Events<SocketResult> singleFail = new Events<>();
    my.connectSocket(ConnectOptions.builder().url(server.url()).fail(singleFail).build());
    assertThat(singleFail.next().errorMessage()).as("the single-instance socket counts too")
        .isEqualTo("最多支持 5 个 WebSocket 实例");

    tasks.get(0).close();
    SocketTask again = openTask(my, server.url());
    assertThat(my.runtime().tasks()).hasSize(5).contains(again).doesNotContain(tasks.get(0));
  }

  @Test
  void offOpenOffMessageOffErrorOffCloseRemoveExactlyTheListenerGiven() {
    MockWebSocketServer server = wssServer();
    My my = my();
    SocketTask task = my.connectSocketTask(ConnectOptions.of(server.url()));
    Events<OpenEvent> openA = new Events<>();
    Events<OpenEvent> openB = new Events<>();
    Events<MessageEvent> messageA = new Events<>();
    Events<MessageEvent> messageB = new Events<>();
    Events<SocketResult> errorA = new Events<>();
    Events<SocketResult> errorB = new Events<>();
    Events<CloseEvent> closeA = new Events<>();
    Events<CloseEvent> closeB = new Events<>();
    task.onOpen(openA);
    task.onOpen(openB);
    task.onMessage(messageA);
    task.onMessage(messageB);
    task.onError(errorA);
    task.onError(errorB);
    task.onClose(closeA);
    task.onClose(closeB);
    task.offOpen(openA);
    task.offMessage(messageA);
    task.offError(errorA);
    task.offClose(closeA);

    openB.next();
    task.send(SendOptions.of("one"));
    assertThat(messageB.next().data()).isEqualTo("one");
    task.offMessage(messageB);
    Events<SocketResult> sent = new Events<>();
    task.send(SendOptions.builder().data("two").success(sent).build());
    sent.next();
    assertThat(server.takeMessage(WAIT).text()).isEqualTo("one");
    assertThat(server.takeMessage(WAIT).text()).isEqualTo("two");
    server.takeConnection(WAIT).reset();
    assertAlipayError(errorB.next(), 1);
    assertThat(closeB.next().code()).isEqualTo(1006);

    assertThat(openA.pending()).isZero();
    assertThat(messageA.pending()).isZero();
    assertThat(messageB.pending()).as("removed before the second echo").isZero();
    assertThat(errorA.pending()).isZero();
    assertThat(closeA.pending()).isZero();
  }

  @Test
  void taskSendTakesAlipaysIsBufferThroughSendOptions() {
    MockWebSocketServer server = wssServer();
    My my = my();
    SocketTask task = openTask(my, server.url());
    Events<SocketResult> sent = new Events<>();

    task.send(My.sendOptions(js("data", "3q2+7w==", "isBuffer", true, "success", sent)));

    assertThat(sent.next().ok()).isTrue();
    assertThat(server.takeMessage(WAIT).bytes()).containsExactly(0xde, 0xad, 0xbe, 0xef);
  }

  @Test
  void connectSocketDefaultMultipleMakesTheMapFormReturnATaskUnlessMultipleIsFalse() {
    MockWebSocketServer server = wssServer();
    My my = my(MySettings.builder().defaultMultiple(true).build());

    Optional<SocketTask> task = my.connectSocket(js("url", server.url()));
    assertThat(task).isPresent();
    awaitOpen(task.get());
    assertThat(my.runtime().globalSocket()).isEmpty();

    Events<OpenEvent> globalOpen = new Events<>();
    my.onSocketOpen(globalOpen);
    assertThat(my.connectSocket(js("url", server.url(), "multiple", false))).isEmpty();
    globalOpen.next();
    assertThat(my.runtime().globalSocket()).isPresent().get().isNotSameAs(task.get());
  }

  @Test
  void withoutTheSettingTheMapFormIsSingleInstance() {
    MockWebSocketServer server = wssServer();
    My my = my();
    Events<OpenEvent> globalOpen = new Events<>();
    my.onSocketOpen(globalOpen);

    assertThat(my.connectSocket(js("url", server.url()))).isEmpty();

    globalOpen.next();
    assertThat(my.runtime().globalSocket()).isPresent();
  }

  @Test
  void connectSocketTaskWithMultipleFalseFailsWithError1() {
    MockWebSocketServer server = wssServer();
    My my = my();
    Events<SocketResult> fail = new Events<>();

    SocketTask task = my.connectSocketTask(
        ConnectOptions.builder().url(server.url()).multiple(false).fail(fail).build());

    SocketResult result = fail.next();
    assertAlipayError(result, 1);
    assertThat(result.errorMessage()).contains("connectSocket(options)");
    assertThat(task.readyState()).isEqualTo(SocketTask.CLOSED);
    await().during(Duration.ofMillis(100)).atMost(WAIT).until(() -> server.connectionCount() == 0);
  }

  /** {@code close({code, reason, success})} as the seed writes it. */
  private static CloseOptions jsClose(int code, String reason, Consumer<SocketResult> success) {
    return JsOptions.closeOptions(Map.of("code", code, "reason", reason, "success", success));
  }
}
