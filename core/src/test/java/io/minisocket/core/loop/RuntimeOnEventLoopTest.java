package io.minisocket.core.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minisocket.core.ConnectOptions;
import io.minisocket.core.SendOptions;
import io.minisocket.core.SocketRuntime;
import io.minisocket.core.SocketTask;
import io.minisocket.core.TestProfiles;
import io.minisocket.core.testing.FakeTransport;
import io.minisocket.core.transport.Frame;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A runtime created on an event loop: every callback and event runs on the loop, after the code that caused it. */
class RuntimeOnEventLoopTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String URL = "wss://example.com/socket";

  private final EventLoop loop = EventLoop.builder().name("runtime-loop").build();
  private final FakeTransport transport = new FakeTransport();
  private final SocketRuntime runtime = SocketRuntime.builder(TestProfiles.builder("test").build(), transport)
      .eventLoop(loop).build();
  private final List<String> log = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    runtime.close();
    loop.close();
  }

  private void record(String what) {
    log.add(what + (loop.inLoop() ? "" : " OFF THE LOOP on " + Thread.currentThread().getName()));
  }

  private void awaitIdle() throws InterruptedException {
    assertThat(loop.awaitIdle(WAIT)).as("the loop became idle").isTrue();
  }

  @Test
  void transportEventsAndCallbacksRunOnTheLoopAfterTheCallThatCausedThem() throws Exception {
    assertThat(runtime.eventLoop()).containsSame(loop);
    CompletableFuture<SocketTask> connected = loop.submit(() -> {
      SocketTask task = runtime.connectSocket(ConnectOptions.builder().url(URL)
          .success(res -> record("success " + res.errMsg())).build());
      task.onOpen(res -> record("open"));
      task.onMessage(res -> {
        record("message " + res.text());
        task.send(SendOptions.builder().data("echo " + res.text()).success(r -> record("sent")).build());
        record("message listener returns"); // the write completes inline in the fake: its success waits
      });
      task.onClose(res -> record("close " + res.code()));
      transport.last().open(); // an event inside a call on the loop: delivered after this task
      record("connecting task returns");
      return task;
    });
    SocketTask task = connected.get(10, TimeUnit.SECONDS);
    transport.last().receive(new Frame.Text("hi")); // from the test thread, standing in for a transport thread
    await().atMost(WAIT).until(() -> log.contains("sent"));
    assertThat(loop.awaitIdle(Duration.ofMillis(20))).as("an open socket is pending work").isFalse();
    transport.last().serverClose(1000, "bye");
    awaitIdle();

    assertThat(log).containsExactly("connecting task returns", "success connectSocket:ok", "open", "message hi",
        "message listener returns", "sent", "close 1000");
    assertThat(task.readyState()).isEqualTo(SocketTask.CLOSED);
    assertThat(loop.hasPendingWork()).as("the close event ran: nothing is pending").isFalse();
  }

  @Test
  void aThrowingListenerOrCallbackIsReportedToTheLoopAndTheTaskCarriesOn() throws Exception {
    List<String> reported = new CopyOnWriteArrayList<>();
    loop.onUncaughtException(e -> reported.add(e.getMessage()));
    loop.execute(() -> {
      SocketTask task = runtime.connectSocket(ConnectOptions.builder().url(URL).success(res -> {
        throw new IllegalStateException("success threw");
      }).build());
      task.onOpen(res -> {
        throw new IllegalStateException("listener threw");
      });
      task.onOpen(res -> record("second listener"));
      transport.last().open();
    });
    await().atMost(WAIT).until(() -> reported.size() == 2 && log.size() == 1);

    assertThat(reported).containsExactly("success threw", "listener threw");
    assertThat(log).containsExactly("second listener");
  }

  @Test
  void aRefusedConnectFailsOnTheLoopAndLeavesNothingPending() throws Exception {
    SocketTask task = runtime.connectSocket(ConnectOptions.builder().url("ws://example.com")
        .fail(res -> record("fail " + res.errMsg())).build());
    awaitIdle();
    assertThat(log).containsExactly("fail connectSocket:fail url must use wss://");
    assertThat(task.readyState()).isEqualTo(SocketTask.CLOSED);
    assertThat(loop.hasPendingWork()).isFalse();
  }

  @Test
  void aLoopClosedUnderAnOpenSocketDropsItsLaterEventsAndTheFacadeStillCloses() throws Exception {
    SocketTask task = loop.submit(() -> {
      SocketTask connecting = runtime.connectSocket(ConnectOptions.of(URL));
      connecting.onMessage(res -> record("message " + res.text()));
      return connecting;
    }).get(10, TimeUnit.SECONDS);
    transport.last().open();
    await().atMost(WAIT).until(() -> task.readyState() == SocketTask.OPEN);

    loop.close();
    transport.last().receive(new Frame.Text("after the loop closed")); // dropped with a warning, nothing thrown
    runtime.close();

    assertThat(task.readyState()).isEqualTo(SocketTask.CLOSED);
    assertThat(transport.last().abortCalls()).isEqualTo(1);
    assertThat(log).isEmpty();
    assertThat(loop.hasPendingWork()).isFalse();
  }
}
