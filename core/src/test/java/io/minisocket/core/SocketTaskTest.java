package io.minisocket.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minisocket.core.spi.PlatformProfile;
import io.minisocket.core.spi.Policies.CloseWhileConnecting;
import io.minisocket.core.spi.Policies.ConnectResultTiming;
import io.minisocket.core.spi.Policies.QueueOverflow;
import io.minisocket.core.spi.Policies.QueueUntilOpen;
import io.minisocket.core.testing.FakeTransport;
import io.minisocket.core.testing.FakeTransport.FakeConnection;
import io.minisocket.core.testing.Recorder;
import io.minisocket.core.transport.Frame;
import io.minisocket.core.transport.TransportFailure;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** SocketTask's rules, against the in-memory transport. */
class SocketTaskTest {
  private static final String URL = "wss://example.com/socket";

  private final FakeTransport transport = new FakeTransport();
  private final Recorder rec = new Recorder();
  private SocketRuntime runtime;

  @AfterEach
  void noCallbackEverRanConcurrently() {
    assertThat(rec.overlapped()).as("two callbacks or events of one task ran at the same time").isFalse();
    if (runtime != null) {
      runtime.close();
    }
  }

  private SocketTask connect(UnaryOperator<PlatformProfile.Builder> profile) {
    return connect(profile, SocketConfig.defaults());
  }

  private SocketTask connect(UnaryOperator<PlatformProfile.Builder> profile, SocketConfig config) {
    runtime = SocketRuntime.builder(profile.apply(TestProfiles.builder("test")).build(), transport)
        .config(config).build();
    SocketTask task = runtime.connectSocket(ConnectOptions.builder().url(URL)
        .success(rec.callbacks("connect").success()).fail(rec.callbacks("connect").fail())
        .complete(rec.callbacks("connect").complete()).build());
    return rec.listen(task);
  }

  private SocketTask openTask() {
    SocketTask task = connect(p -> p);
    transport.last().open();
    rec.awaitLine("open chat");
    return task;
  }

  @Test
  void connectSucceedsOnAcceptThenOpensWithResponseHeaders() {
    SocketTask task = connect(p -> p);
    assertThat(task.readyState()).isEqualTo(SocketTask.CONNECTING);
    rec.awaitLine("connect:complete");
    List<OpenEvent> opens = new java.util.concurrent.CopyOnWriteArrayList<>();
    task.onOpen(opens::add);
    transport.last().open();
    rec.awaitLine("open chat");
    assertThat(task.readyState()).isEqualTo(SocketTask.OPEN);
    assertThat(rec.lines()).containsExactly(
        "connect:success connectSocket:ok", "connect:complete", "open chat");
    assertThat(opens.get(0).header()).containsEntry("X-Two", "a, b").containsKey("Sec-WebSocket-Accept");
  }

  @Test
  void theOpenEventsHeaderIsLookedUpInAnyLetterCaseAndKeepsTheServersSpelling() {
    SocketTask task = connect(p -> p);
    List<OpenEvent> opens = new java.util.concurrent.CopyOnWriteArrayList<>();
    task.onOpen(opens::add);
    transport.last().open();
    rec.awaitLine("open chat");
    Map<String, String> header = opens.get(0).header();
    assertThat(header.get("x-two")).isEqualTo("a, b");
    assertThat(header.get("SEC-WEBSOCKET-ACCEPT")).isEqualTo("x");
    assertThat(header.containsKey("X-TWO")).isTrue();
    assertThat(header.get("X-Missing")).isNull();
    assertThat(header.keySet()).containsExactlyInAnyOrder("Sec-WebSocket-Accept", "X-Two");
    assertThat(header).isEqualTo(Map.of("Sec-WebSocket-Accept", "x", "X-Two", "a, b"));
  }

  @Test
  void onOpenTimingSucceedsJustBeforeTheOpenEvent() {
    connect(p -> p.connectResultTiming(ConnectResultTiming.ON_OPEN));
    transport.last().open();
    rec.awaitLine("open chat");
    assertThat(rec.lines()).containsExactly("connect:success connectSocket:ok", "connect:complete", "open chat");
  }

  @Test
  void connectFailureEndsInFailThenErrorThenCloseWithTheReason() {
    SocketTask task = connect(p -> p.connectResultTiming(ConnectResultTiming.ON_OPEN));
    transport.last().fail(TransportFailure.of(TransportFailure.Kind.TIMEOUT, "no answer", null));
    rec.awaitLine("close 1006 abnormal closure");
    assertThat(rec.lines()).containsExactly(
        "connect:fail connectSocket:fail Timed out connecting to server.",
        "connect:complete",
        "error Timed out connecting to server.",
        "close 1006 abnormal closure");
    assertThat(task.readyState()).isEqualTo(SocketTask.CLOSED);
  }

  @Test
  void handshakeRejectionNamesTheHttpStatus() {
    connect(p -> p);
    transport.last().fail(new TransportFailure(TransportFailure.Kind.HANDSHAKE_REJECTED, "forbidden", 403, null));
    rec.awaitLine("close 1006 abnormal closure");
    assertThat(rec.results()).last().satisfies(r -> {
      assertThat(r.errorKind()).isEqualTo(ErrorKind.HANDSHAKE);
      assertThat(r.errMsg()).contains("HTTP 403");
    });
  }

  @Test
  void textAndBinaryMessagesArriveInOrderWithTheirTypes() {
    SocketTask task = openTask();
    List<Object> data = new java.util.concurrent.CopyOnWriteArrayList<>();
    task.onMessage(e -> data.add(e.data()));
    transport.last().receive(Frame.text("one"));
    transport.last().receive(Frame.binary(ByteBuffer.wrap(new byte[] {1, 2, 3})));
    transport.last().receive(Frame.text("three"));
    rec.awaitLine("message three");
    assertThat(data).hasSize(3);
    assertThat(data.get(0)).isEqualTo("one");
    assertThat(data.get(1)).isInstanceOfSatisfying(ByteBuffer.class, b -> {
      assertThat(b.isReadOnly()).isTrue();
      assertThat(b.remaining()).isEqualTo(3);
    });
    assertThat(rec.lines()).containsSubsequence("message one", "message 3B", "message three");
  }

  @Test
  void sendDeliversTextAndBinaryFramesAndSucceeds() {
    SocketTask task = openTask();
    task.send(SendOptions.builder().data("hi").success(rec.consumer("s1")).build());
    task.send(SendOptions.builder().data(new byte[] {9, 8}).success(rec.consumer("s2")).build());
    task.send(SendOptions.builder().data(ByteBuffer.wrap("xyz".getBytes(StandardCharsets.UTF_8), 1, 2))
        .success(rec.consumer("s3")).build());
    rec.awaitLine("s3 sendSocketMessage:ok");
    List<Frame> sent = transport.last().sent();
    assertThat(sent.get(0)).isEqualTo(Frame.text("hi"));
    assertThat(((Frame.Binary) sent.get(1)).toByteArray()).containsExactly(9, 8);
    assertThat(((Frame.Binary) sent.get(2)).toByteArray()).containsExactly('y', 'z');
  }

  @Test
  void sendAndCloseTakeJavaScriptOptionObjects() {
    SocketTask task = openTask();
    task.send(Map.of("data", "from a map", "success", rec.consumer("map-send")));
    rec.awaitLine("map-send sendSocketMessage:ok");
    assertThat(transport.last().sent()).containsExactly(Frame.text("from a map"));
    task.send(Map.of("data", 42, "fail", rec.consumer("map-bad")));
    rec.awaitLine("map-bad sendSocketMessage:fail data must be a String, byte[] or ByteBuffer, got number");
    task.close(Map.of("code", 4000, "reason", "bye", "success", rec.consumer("map-close")));
    rec.awaitLine("map-close closeSocket:ok");
    assertThat(transport.last().closeCode()).isEqualTo(4000);
  }

  @Test
  @SuppressWarnings("deprecation")
  void resultsHaveOneAccessorForAlipaysErrorAndTheOtherIsDeprecated() throws Exception {
    SocketResult alipay = new SocketResult("connectSocket", ErrorKind.URL_EMPTY, null, 3, "URL is empty");
    assertThat(alipay.error()).hasValue(3);
    assertThat(alipay.errorCode()).isEqualTo(3);
    assertThat(SocketResult.class.getMethod("errorCode").isAnnotationPresent(Deprecated.class)).isTrue();
    assertThat(SocketResult.class.getMethod("error").isAnnotationPresent(Deprecated.class)).isFalse();
  }

  @Test
  void badSendDataFailsWithAMessageSayingWhatWasWrong() {
    SocketTask task = openTask();
    task.send(SendOptions.builder().callbacks(rec.callbacks("null")).build());
    task.send(SendOptions.builder().data(42).success(rec.consumer("ok")).fail(rec.consumer("int"))
        .complete(rec.consumer("int-complete")).build());
    rec.awaitLine("int-complete sendSocketMessage:fail data must be a String, byte[] or ByteBuffer, got "
        + "number");
    assertThat(rec.lines()).contains("null:fail sendSocketMessage:fail data is required",
        "int sendSocketMessage:fail data must be a String, byte[] or ByteBuffer, got number");
    assertThat(transport.last().sent()).isEmpty();
    assertThat(task.readyState()).isEqualTo(SocketTask.OPEN);
  }

  @Test
  void sendWhileConnectingFailsByDefault() {
    SocketTask task = connect(p -> p);
    task.send(SendOptions.builder().data("early").fail(rec.consumer("early")).build());
    rec.awaitLine("early sendSocketMessage:fail WebSocket is not connected");
  }

  @Test
  void queueUntilOpenFlushesInOrderOnOpen() {
    SocketTask task = connect(p -> p.queueUntilOpen(QueueUntilOpen.QUEUE));
    for (int i = 0; i < 5; i++) {
      task.send(SendOptions.builder().data("m" + i).success(rec.consumer("sent" + i)).build());
    }
    assertThat(task.queuedBytes()).isEqualTo(10);
    transport.last().open();
    rec.awaitLine("sent4 sendSocketMessage:ok");
    assertThat(transport.last().sent()).containsExactly(
        Frame.text("m0"), Frame.text("m1"), Frame.text("m2"), Frame.text("m3"), Frame.text("m4"));
    assertThat(rec.lines()).containsSubsequence("open chat", "sent0 sendSocketMessage:ok", "sent4 sendSocketMessage:ok");
    assertThat(task.queuedBytes()).isZero();
  }

  @Test
  void queueUntilOpenFailsEveryQueuedSendWhenTheConnectFails() {
    SocketTask task = connect(p -> p.queueUntilOpen(QueueUntilOpen.QUEUE));
    for (int i = 0; i < 3; i++) {
      task.send(SendOptions.builder().data("m" + i).callbacks(rec.callbacks("q" + i)).build());
    }
    transport.last().fail(TransportFailure.of(TransportFailure.Kind.REFUSED, "Connection refused", null));
    rec.awaitLine("close 1006 abnormal closure");
    assertThat(rec.count("q")).isEqualTo(6);
    assertThat(rec.lines()).filteredOn(l -> l.startsWith("q") && l.contains(":fail"))
        .hasSize(3)
        .allSatisfy(l -> assertThat(l).contains("WebSocket is not connected").contains("connection refused"));
  }

  @Test
  void backpressureQueuesThenFlushesWhenWritableAndTheByteBoundRefusesTheRest() {
    SocketTask task = connect(p -> p, SocketConfig.builder().maxQueueBytes(10).build());
    transport.last().open();
    rec.awaitLine("open chat");
    transport.last().writeQueueFull(true);
    task.send(SendOptions.builder().data("12345").success(rec.consumer("a")).build());
    task.send(SendOptions.builder().data("12345").success(rec.consumer("b")).build());
    task.send(SendOptions.builder().data("1").fail(rec.consumer("c")).build());
    rec.awaitLine("c sendSocketMessage:fail send queue is full: 10 bytes queued, 1 more would exceed the bound of "
        + "10 bytes");
    assertThat(transport.last().sent()).isEmpty();
    assertThat(task.readyState()).isEqualTo(SocketTask.OPEN);
    transport.last().writeQueueFull(false);
    rec.awaitLine("b sendSocketMessage:ok");
    assertThat(transport.last().sent()).containsExactly(Frame.text("12345"), Frame.text("12345"));
  }

  @Test
  void overflowCanCloseTheConnectionWhenTheProfileSaysSo() {
    SocketTask task = connect(p -> p.queueOverflow(QueueOverflow.CLOSE_CONNECTION)
        .message(ErrorKind.QUEUE_FULL, "The queue memory exceeds 16 MiB and the connection will be closed"),
        SocketConfig.builder().maxQueueBytes(4).build());
    transport.last().open();
    transport.last().writeQueueFull(true);
    task.send(SendOptions.builder().data("1234").callbacks(rec.callbacks("queued")).build());
    task.send(SendOptions.builder().data("5").callbacks(rec.callbacks("over")).build());
    rec.awaitLine("close 1006 abnormal closure");
    assertThat(rec.lines()).anySatisfy(l -> assertThat(l).startsWith(
        "over:fail sendSocketMessage:fail The queue memory exceeds 16 MiB and the connection will be closed"));
    assertThat(rec.lines()).anySatisfy(l -> assertThat(l).startsWith(
        "error The queue memory exceeds 16 MiB and the connection will be closed"));
    assertThat(rec.lines()).anySatisfy(l -> assertThat(l).startsWith("queued:fail"));
    assertThat(transport.last().abortCalls()).isEqualTo(1);
    assertThat(task.readyState()).isEqualTo(SocketTask.CLOSED);
  }

  @Test
  void connectionDropFailsQueuedAndInFlightSends() {
    SocketTask task = openTask();
    transport.autoCompleteWrites(false);
    task.send(SendOptions.builder().data("in-flight").callbacks(rec.callbacks("f1")).build());
    transport.last().writeQueueFull(true);
    task.send(SendOptions.builder().data("queued").callbacks(rec.callbacks("f2")).build());
    transport.last().fail(TransportFailure.of(TransportFailure.Kind.IO, "Connection reset", null));
    rec.awaitLine("close 1006 abnormal closure");
    await().atMost(Duration.ofSeconds(5)).until(() -> rec.count("f") == 4);
    assertThat(rec.lines()).contains(
        "f1:fail sendSocketMessage:fail message send failed: the connection ended (connection reset)",
        "f2:fail sendSocketMessage:fail message send failed: the connection ended", "f1:complete", "f2:complete");
    assertThat(rec.lines()).contains("error network error (Connection reset)");
  }

  @Test
  void closeFromEitherSideCarriesCodeAndReason() {
    SocketTask task = openTask();
    task.close(CloseOptions.builder().code(4001).reason("bye").callbacks(rec.callbacks("close")).build());
    rec.awaitLine("close:success closeSocket:ok");
    assertThat(task.readyState()).isEqualTo(SocketTask.CLOSING);
    assertThat(transport.last().closeCode()).isEqualTo(4001);
    transport.last().serverClose(4001, "bye");
    rec.awaitLine("close 4001 bye");
    assertThat(task.readyState()).isEqualTo(SocketTask.CLOSED);

    SocketTask second = runtime.connectSocket(ConnectOptions.of(URL));
    Recorder rec2 = new Recorder();
    rec2.listen(second);
    transport.last().open();
    transport.last().serverClose(1000, "");
    rec2.awaitLine("close 1000 normal closure");
  }

  @Test
  void invalidCloseCodeOrReasonFailsAndKeepsTheSocketOpen() {
    SocketTask task = openTask();
    task.close(CloseOptions.builder().code(1006).callbacks(rec.callbacks("code")).build());
    task.close(CloseOptions.builder().reason("é".repeat(62)).callbacks(rec.callbacks("reason")).build());
    rec.awaitLine("reason:complete");
    assertThat(rec.lines()).contains(
        "code:fail closeSocket:fail code must be 1000 or between 3000 and 4999, got 1006",
        "reason:fail closeSocket:fail reason must be at most 123 bytes of UTF-8, got 124");
    assertThat(task.readyState()).isEqualTo(SocketTask.OPEN);
    task.close(CloseOptions.builder().code(3000).reason("é".repeat(61) + "a").callbacks(rec.callbacks("ok")).build());
    rec.awaitLine("ok:success closeSocket:ok");
  }

  @Test
  void closeWhileConnectingIsClosingAtOnceThenErrorThenClose1006ByDefault() {
    transport.abortEndsAtOnce(false);
    SocketTask task = connect(p -> p);
    task.close(CloseOptions.builder().code(3001).reason("changed my mind").callbacks(rec.callbacks("close")).build());
    assertThat(task.readyState()).as("WHATWG: CLOSING at once").isEqualTo(SocketTask.CLOSING);
    rec.awaitLine("close:complete");
    assertThat(task.readyState()).as("until the transport reports the end").isEqualTo(SocketTask.CLOSING);
    transport.last().fail(TransportFailure.of(TransportFailure.Kind.ABORTED, "aborted", null));
    rec.awaitLine("close 1006 abnormal closure");
    assertThat(transport.last().abortCalls()).isEqualTo(1);
    assertThat(task.readyState()).isEqualTo(SocketTask.CLOSED);
    assertThat(rec.lines()).contains("close:success closeSocket:ok")
        .containsSubsequence("error closed before the connection opened", "close 1006 abnormal closure");
    transport.last().open(); // a late handshake completion must not resurrect the task
    assertThat(task.readyState()).isEqualTo(SocketTask.CLOSED);
  }

  @Test
  void closeWhileConnectingCanCloseRightAfterOpen() {
    SocketTask task = connect(p -> p.closeWhileConnecting(CloseWhileConnecting.CLOSE_AFTER_OPEN));
    task.close(CloseOptions.builder().code(3002).callbacks(rec.callbacks("close")).build());
    rec.awaitLine("close:complete");
    assertThat(transport.last().closeCode()).isEqualTo(-1);
    transport.last().open();
    assertThat(transport.last().closeCode()).isEqualTo(3002);
    assertThat(task.readyState()).isEqualTo(SocketTask.CLOSING);
    transport.last().serverClose(3002, "");
    rec.awaitLine("close 3002 ");
    assertThat(rec.lines()).containsSubsequence("open chat", "close 3002 ");
  }

  @Test
  void closeTwiceOrAfterCloseIsAHarmlessSuccess() {
    SocketTask task = openTask();
    task.close();
    task.close(CloseOptions.builder().callbacks(rec.callbacks("again")).build());
    rec.awaitLine("again:success closeSocket:ok");
    assertThat(transport.last().closeCode()).isEqualTo(1000);
    transport.last().serverClose(1000, "");
    rec.awaitLine("close 1000 normal closure");
    task.close(CloseOptions.builder().code(4000).callbacks(rec.callbacks("after")).build());
    rec.awaitLine("after:success closeSocket:ok");
    task.close(CloseOptions.builder().code(1001).callbacks(rec.callbacks("bad")).build());
    rec.awaitLine("bad:fail closeSocket:fail code must be 1000 or between 3000 and 4999, got 1001");
    task.send(SendOptions.builder().data("late").callbacks(rec.callbacks("late")).build());
    rec.awaitLine("late:fail sendSocketMessage:fail WebSocket is not connected");
    assertThat(rec.count("close ")).isEqualTo(1);
  }

  @Test
  void noEventIsDeliveredAfterTheCloseEvent() {
    openTask();
    FakeConnection connection = transport.last();
    connection.serverClose(1000, "done");
    connection.misbehaveAfterEnd(Frame.text("ghost"));
    connection.fail(TransportFailure.of(TransportFailure.Kind.IO, "late", null));
    rec.awaitLine("close 1000 done");
    assertThat(rec.lines()).last().isEqualTo("close 1000 done");
    assertThat(rec.lines()).noneMatch(l -> l.contains("ghost") || l.startsWith("error"));
  }

  @Test
  void aThrowingListenerIsIsolated() {
    SocketTask task = connect(p -> p);
    task.onOpen(e -> {
      throw new IllegalStateException("listener bug (expected in this test)");
    });
    task.onOpen(e -> rec.consumer("second-open")
        .accept(null == e ? null : runtime.profile().resultStyle().success("x")));
    task.onMessage(e -> {
      throw new IllegalStateException("listener bug (expected in this test)");
    });
    transport.last().open();
    transport.last().receive(Frame.text("still works"));
    rec.awaitLine("message still works");
    assertThat(rec.lines()).contains("open chat", "second-open x:ok");
    assertThat(task.readyState()).isEqualTo(SocketTask.OPEN);
  }

  @Test
  void offRemovesExactlyTheListenerGiven() {
    SocketTask task = openTask();
    Recorder other = new Recorder();
    java.util.function.Consumer<MessageEvent> a =
        e -> other.consumer("a").accept(runtime.profile().resultStyle().success("m"));
    java.util.function.Consumer<MessageEvent> b =
        e -> other.consumer("b").accept(runtime.profile().resultStyle().success("m"));
    task.onMessage(a);
    task.onMessage(b);
    task.offMessage(a);
    transport.last().receive(Frame.text("x"));
    rec.awaitLine("message x");
    other.awaitLine("b m:ok");
    assertThat(other.lines()).containsExactly("b m:ok");
  }

  @Test
  void aSlowListenerDoesNotLetEventsOverlapOrReorder() throws Exception {
    SocketTask task = openTask();
    List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
    task.onMessage(e -> order.add(e.text()));
    Thread[] senders = new Thread[4];
    for (int t = 0; t < senders.length; t++) {
      int id = t;
      senders[t] = new Thread(() -> {
        for (int i = 0; i < 200; i++) {
          task.send(SendOptions.builder().data("x").callbacks(rec.callbacks("t" + id)).build());
        }
      });
      senders[t].start();
    }
    for (int i = 0; i < 500; i++) {
      transport.last().receive(Frame.text(Integer.toString(i)));
    }
    for (Thread sender : senders) {
      sender.join();
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> order.size() == 500 && rec.count("t") == 1600);
    for (int i = 0; i < 500; i++) {
      assertThat(order.get(i)).isEqualTo(Integer.toString(i));
    }
  }

  // ---------------------------------------------------------------- the send fast path and the inline dispatch
  // (an open task with nothing queued writes straight to the transport; a transport event runs its listeners at once
  // when nothing of the task is pending): what they must not break

  @RepeatedTest(20)
  void sendsRacingACloseEachEndOnceAndTheTransportGetsAPrefixInOrder() throws Exception {
    SocketTask task = openTask();
    CountDownLatch go = new CountDownLatch(1);
    Thread sender = new Thread(() -> {
      awaitLatch(go);
      for (int i = 0; i < 200; i++) {
        task.send(SendOptions.builder().data("m" + i).callbacks(rec.callbacks("send")).build());
      }
    });
    sender.start();
    go.countDown();
    task.close(CloseOptions.builder().callbacks(rec.callbacks("close")).build());
    sender.join();
    transport.last().serverClose(1000, "");
    await().atMost(Duration.ofSeconds(10)).until(() -> rec.count("send:complete") == 200 && rec.count("close ") == 1);
    assertThat(rec.count("send:success") + rec.count("send:fail")).isEqualTo(200);
    List<Frame> sent = transport.last().sent();
    assertThat(rec.count("send:success")).isEqualTo(sent.size());
    for (int i = 0; i < sent.size(); i++) {
      assertThat(sent.get(i)).isEqualTo(Frame.text("m" + i));
    }
  }

  @Test
  void sendsFromManyThreadsKeepEachThreadsOrderAndAllArrive() throws Exception {
    SocketTask task = openTask();
    int threads = 4;
    int perThread = 300;
    AtomicInteger succeeded = new AtomicInteger();
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> senders = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      String name = "t" + t + ":";
      boolean withCallbacks = t % 2 == 0;
      Thread sender = new Thread(() -> {
        awaitLatch(go);
        for (int i = 0; i < perThread; i++) {
          if (i == perThread / 3 && withCallbacks) {
            transport.last().writeQueueFull(true); // some messages wait in the queue, then flush in order
          } else if (i == perThread / 2 && withCallbacks) {
            transport.last().writeQueueFull(false);
          }
          if (withCallbacks) {
            task.send(SendOptions.builder().data(name + i).success(r -> succeeded.incrementAndGet()).build());
          } else {
            task.send(name + i);
          }
        }
      });
      senders.add(sender);
      sender.start();
    }
    go.countDown();
    for (Thread sender : senders) {
      sender.join();
    }
    transport.last().writeQueueFull(false);
    await().atMost(Duration.ofSeconds(10)).until(() -> transport.last().sent().size() == threads * perThread);
    await().atMost(Duration.ofSeconds(10)).until(() -> succeeded.get() == threads / 2 * perThread);
    for (int t = 0; t < threads; t++) {
      String name = "t" + t + ":";
      List<String> ofThread = transport.last().sent().stream().map(f -> ((Frame.Text) f).text())
          .filter(s -> s.startsWith(name)).toList();
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < perThread; i++) {
        expected.add(name + i);
      }
      assertThat(ofThread).as("the order of thread %d", t).isEqualTo(expected);
    }
    assertThat(task.queuedBytes()).isZero();
  }

  /** When the task next asks the transport whether it is full, another thread sends {@code data} (callbacks "2"). */
  private void sendFromAnotherThreadOnNextFullCheck(SocketTask task, String data) {
    transport.last().onNextFullCheck(() -> {
      Thread other = new Thread(() -> task.send(SendOptions.builder().data(data).callbacks(rec.callbacks("2"))
          .build()));
      other.start();
      try {
        other.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }

  @Test
  void aFastPathSendThatFindsTheTransportFullStaysAheadOfASendQueuedMeanwhile() {
    SocketTask task = openTask();
    transport.last().writeQueueFull(true);
    sendFromAnotherThreadOnNextFullCheck(task, "second"); // while "first" holds the writer role and asks the transport
    task.send(SendOptions.builder().data("first").callbacks(rec.callbacks("1")).build());
    assertThat(task.queuedBytes()).isEqualTo(11);
    transport.last().writeQueueFull(false);
    rec.awaitLine("2:complete");
    assertThat(transport.last().sent()).containsExactly(Frame.text("first"), Frame.text("second"));
    assertThat(rec.lines()).containsSubsequence("1:success sendSocketMessage:ok", "2:success sendSocketMessage:ok");
  }

  @Test
  void aFastPathSendThatFindsTheTransportFullIsNotRefusedForWhatWasQueuedAfterIt() {
    SocketTask task = connect(p -> p, SocketConfig.builder().maxQueueBytes(10).build());
    transport.last().open();
    rec.awaitLine("open chat");
    transport.last().writeQueueFull(true);
    sendFromAnotherThreadOnNextFullCheck(task, "12345678"); // 8 bytes queued behind "abc" while it holds the role
    task.send(SendOptions.builder().data("abc").callbacks(rec.callbacks("1")).build());
    assertThat(task.queuedBytes()).isEqualTo(11);
    transport.last().writeQueueFull(false);
    rec.awaitLine("2:complete");
    assertThat(transport.last().sent()).containsExactly(Frame.text("abc"), Frame.text("12345678"));
    assertThat(rec.lines()).containsSubsequence("1:success sendSocketMessage:ok", "2:success sendSocketMessage:ok");
  }

  @Test
  void aFastPathSendWhoseWriteFailsGetsFailAndTheNextSendStillGoesOut() {
    SocketTask task = openTask();
    transport.last().failWrites(2);
    task.send("no callbacks: logged, nothing thrown");
    task.send(SendOptions.builder().data("second").callbacks(rec.callbacks("second")).build());
    task.send(SendOptions.builder().data("third").callbacks(rec.callbacks("third")).build());
    rec.awaitLine("third:complete");
    List<String> lines = rec.lines().stream().filter(l -> l.startsWith("second") || l.startsWith("third")).toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).startsWith("second:fail sendSocketMessage:fail ").endsWith("(broken pipe)");
    assertThat(lines.subList(1, 4)).containsExactly(
        "second:complete", "third:success sendSocketMessage:ok", "third:complete");
    assertThat(transport.last().sent()).containsExactly(Frame.text("third"));
    assertThat(task.readyState()).isEqualTo(SocketTask.OPEN);
  }

  @Test
  void aListenerThatSendsRunsItsCallbackAfterItReturnedAndBeforeTheNextMessage() {
    SocketTask task = openTask();
    task.onMessage(event -> {
      if (event.text().startsWith("ping")) {
        task.send(SendOptions.builder().data("pong").callbacks(rec.callbacks("pong " + event.text())).build());
        rec.note("listener returns " + event.text());
      }
    });
    transport.last().receive(Frame.text("ping1"));
    transport.last().receive(Frame.text("ping2"));
    rec.awaitLine("pong ping2:complete");
    assertThat(rec.lines()).filteredOn(l -> !l.startsWith("open") && !l.startsWith("connect")).containsExactly(
        "message ping1", "listener returns ping1", "pong ping1:success sendSocketMessage:ok", "pong ping1:complete",
        "message ping2", "listener returns ping2", "pong ping2:success sendSocketMessage:ok", "pong ping2:complete");
    assertThat(transport.last().sent()).containsExactly(Frame.text("pong"), Frame.text("pong"));
  }

  @Test
  void aListenerThatClosesEndsTheTaskOnceWithCloseLast() {
    SocketTask task = openTask();
    task.onMessage(event -> task.close(CloseOptions.builder().code(4000).callbacks(rec.callbacks("close")).build()));
    transport.last().receive(Frame.text("bye"));
    rec.awaitLine("close:complete");
    assertThat(task.readyState()).isEqualTo(SocketTask.CLOSING);
    assertThat(transport.last().closeCode()).isEqualTo(4000);
    task.send(SendOptions.builder().data("too late").callbacks(rec.callbacks("late")).build());
    transport.last().serverClose(4000, "");
    rec.awaitLine("close 4000 ");
    rec.awaitLine("late:complete");
    assertThat(rec.lines()).containsSubsequence("message bye", "close:success closeSocket:ok", "close:complete",
        "close 4000 ");
    assertThat(rec.count("late:fail")).isEqualTo(1);
    assertThat(transport.last().sent()).isEmpty();
  }

  @Test
  void listenersAddedDuringAnInlineDispatchGetLaterMessagesAndTheOpenOnce() {
    SocketTask task = openTask();
    List<String> added = new CopyOnWriteArrayList<>();
    task.onMessage(event -> {
      if (event.text().equals("first")) {
        task.onMessage(later -> added.add("message " + later.text()));
        task.onOpen(open -> added.add("open " + open.protocol()));
      }
    });
    transport.last().receive(Frame.text("first"));
    transport.last().receive(Frame.text("second"));
    await().atMost(Duration.ofSeconds(10)).until(() -> added.size() == 2);
    transport.last().receive(Frame.text("third"));
    await().atMost(Duration.ofSeconds(10)).until(() -> added.size() == 3);
    assertThat(added).containsExactly("open chat", "message second", "message third");
  }

  private static void awaitLatch(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
