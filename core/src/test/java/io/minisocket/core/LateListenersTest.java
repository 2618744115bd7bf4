package io.minisocket.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minisocket.core.testing.FakeTransport;
import io.minisocket.core.testing.Recorder;
import io.minisocket.core.transport.Frame;
import io.minisocket.core.transport.TransportFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A listener registered after a once-only event (open, error, close) still receives it, exactly once, in the task's
 * order — not only the first listener of its kind (issue 17, point 12).
 */
class LateListenersTest {
  private static final String URL = "wss://example.com/socket";

  private final FakeTransport transport = new FakeTransport();
  private SocketRuntime runtime;

  @AfterEach
  void close() {
    runtime.close();
  }

  private SocketTask connect() {
    runtime = SocketRuntime.builder(TestProfiles.builder("test").build(), transport).build();
    return runtime.connectSocket(ConnectOptions.of(URL));
  }

  private static Recorder listen(SocketTask task) {
    Recorder recorder = new Recorder();
    recorder.listen(task);
    return recorder;
  }

  @Test
  void everyListenerRegisteredAfterAFailedConnectGetsErrorThenClose() {
    SocketTask task = connect();
    Recorder first = listen(task);
    transport.last().fail(TransportFailure.of(TransportFailure.Kind.REFUSED, "Connection refused", null));
    first.awaitLine("close 1006 abnormal closure");

    List<Recorder> late = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      late.add(listen(task));
    }
    for (Recorder recorder : late) {
      recorder.awaitLine("close 1006 abnormal closure");
      assertThat(recorder.lines()).containsExactly("error connection refused (Connection refused)",
          "close 1006 abnormal closure");
    }
    assertThat(first.lines()).hasSize(2);
  }

  @Test
  void aListenerRegisteredAfterOpenAndCloseGetsOpenThenCloseButNoMessage() {
    SocketTask task = connect();
    Recorder first = listen(task);
    transport.last().open();
    transport.last().receive(Frame.text("before"));
    transport.last().serverClose(4000, "bye");
    first.awaitLine("close 4000 bye");

    Recorder second = listen(task);
    Recorder third = listen(task);
    second.awaitLine("close 4000 bye");
    third.awaitLine("close 4000 bye");
    assertThat(second.lines()).containsExactly("open chat", "close 4000 bye");
    assertThat(third.lines()).containsExactly("open chat", "close 4000 bye");
    assertThat(first.lines()).containsExactly("open chat", "message before", "close 4000 bye");
  }

  @Test
  void listenersRegisteredWhileTheEventsRaceGetEachEventExactlyOnce() throws InterruptedException {
    for (int round = 0; round < 200; round++) {
      SocketTask task = connect();
      Thread failer = new Thread(() -> transport.last().fail(
          TransportFailure.of(TransportFailure.Kind.REFUSED, "Connection refused", null)));
      failer.start();
      List<Recorder> recorders = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        recorders.add(listen(task));
      }
      await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).atMost(Duration.ofSeconds(10))
          .until(() -> recorders.stream().allMatch(r -> r.lines().contains("close 1006 abnormal closure")));
      for (Recorder recorder : recorders) {
        assertThat(recorder.lines()).as("round %s", round).containsExactly(
            "error connection refused (Connection refused)", "close 1006 abnormal closure");
      }
      failer.join();
      runtime.close();
    }
  }
}
