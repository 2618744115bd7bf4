package io.minisocket.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minisocket.core.spi.Policies.SecondGlobalConnect;
import io.minisocket.core.testing.FakeTransport;
import io.minisocket.core.testing.Recorder;
import io.minisocket.core.transport.TransportFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The profile's limit on simultaneous sockets, and the single global socket. */
class ConnectionLimitTest {
  private static final String LIMIT_MESSAGE = "同时最多发起 5 个 socket 请求，更多请参考文档。";
  private final FakeTransport transport = new FakeTransport();
  private final SocketRuntime runtime = SocketRuntime.builder(TestProfiles.builder("taro-h5")
      .connectionLimit(5).message(ErrorKind.LIMIT_EXCEEDED, LIMIT_MESSAGE).build(), transport).build();

  @Test
  void thirtyTwoThreadsRacingForFiveSlotsGetExactlyFive() throws Exception {
    int threads = 32;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    Recorder rec = new Recorder();
    List<Future<SocketTask>> futures = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      int id = i;
      Callable<SocketTask> racer = () -> {
        start.await();
        return runtime.connectSocket(ConnectOptions.builder().url("wss://a.example/" + id)
            .callbacks(rec.callbacks("c")).build());
      };
      futures.add(pool.submit(racer));
    }
    start.countDown();
    List<SocketTask> tasks = new ArrayList<>();
    for (Future<SocketTask> future : futures) {
      tasks.add(future.get(10, TimeUnit.SECONDS));
    }
    pool.shutdown();
    assertThat(tasks.stream().filter(t -> t.readyState() == SocketTask.CONNECTING)).hasSize(5);
    assertThat(transport.connections()).hasSize(5);
    await().atMost(Duration.ofSeconds(10)).until(() -> rec.count("c:complete") == threads);
    assertThat(rec.lines()).filteredOn(l -> l.startsWith("c:fail"))
        .hasSize(27).allMatch(l -> l.equals("c:fail connectSocket:fail " + LIMIT_MESSAGE));
    assertThat(rec.results()).filteredOn(r -> !r.ok())
        .allMatch(r -> r.errorKind() == ErrorKind.LIMIT_EXCEEDED);
  }

  @Test
  void aSlotIsFreedOnCloseAndOnFailure() {
    List<SocketTask> tasks = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      tasks.add(runtime.connectSocket(ConnectOptions.of("wss://a.example")));
    }
    assertThat(runtime.connectSocket(ConnectOptions.of("wss://a.example")).readyState())
        .isEqualTo(SocketTask.CLOSED);

    transport.connections().get(0).fail(TransportFailure.of(TransportFailure.Kind.REFUSED, "refused", null));
    assertThat(runtime.connectSocket(ConnectOptions.of("wss://a.example")).readyState())
        .as("a failed connect frees its slot").isEqualTo(SocketTask.CONNECTING);

    transport.connections().get(1).open();
    tasks.get(1).close();
    assertThat(runtime.connectSocket(ConnectOptions.of("wss://a.example")).readyState())
        .as("closing frees the slot at once").isEqualTo(SocketTask.CONNECTING);
    assertThat(runtime.connectSocket(ConnectOptions.of("wss://a.example")).readyState())
        .isEqualTo(SocketTask.CLOSED);
    assertThat(runtime.tasks()).as("the closing task stays listed until it is closed").hasSize(6);
    transport.connections().get(1).serverClose(1000, "");
    assertThat(runtime.tasks()).hasSize(5);
  }

  @Test
  void aSecondGlobalConnectIsRefusedWhileTheFirstIsNotClosed() {
    Recorder rec = new Recorder();
    SocketTask first = runtime.connectGlobalSocket(ConnectOptions.of("wss://a.example"));
    SocketTask second = runtime.connectGlobalSocket(ConnectOptions.builder().url("wss://a.example")
        .callbacks(rec.callbacks("second")).build());
    rec.awaitLine("second:complete");
    assertThat(rec.lines()).contains("second:fail connectSocket:fail connection already exists");
    assertThat(second.readyState()).isEqualTo(SocketTask.CLOSED);
    assertThat(runtime.globalSocket()).containsSame(first);

    transport.last().fail(TransportFailure.of(TransportFailure.Kind.REFUSED, "refused", null));
    assertThat(runtime.globalSocket()).isEmpty();
    SocketTask third = runtime.connectGlobalSocket(ConnectOptions.of("wss://a.example"));
    assertThat(runtime.globalSocket()).containsSame(third);
  }

  @Test
  void aReplacingProfileClosesTheOldGlobalSocketAndOpensTheNewOne() {
    SocketRuntime legacy = SocketRuntime.builder(TestProfiles.builder("wx-legacy").connectionLimit(1)
        .secondGlobalConnect(SecondGlobalConnect.REPLACE).build(), transport).build();
    SocketTask first = legacy.connectGlobalSocket(ConnectOptions.of("wss://a.example"));
    transport.last().open();
    SocketTask second = legacy.connectGlobalSocket(ConnectOptions.of("wss://b.example"));
    assertThat(first.readyState()).isEqualTo(SocketTask.CLOSING);
    assertThat(transport.connections().get(0).closeCode()).isEqualTo(1000);
    assertThat(second.readyState()).isEqualTo(SocketTask.CONNECTING);
    assertThat(legacy.globalSocket()).containsSame(second);
  }

  @Test
  void closingTheRuntimeEndsEveryTaskWithoutLeaks() {
    Recorder rec = new Recorder();
    SocketTask connecting = rec.listen(runtime.connectSocket(ConnectOptions.of("wss://a.example")));
    SocketTask open = runtime.connectSocket(ConnectOptions.of("wss://a.example"));
    transport.last().open();
    runtime.close();
    assertThat(connecting.readyState()).isEqualTo(SocketTask.CLOSED);
    assertThat(open.readyState()).isEqualTo(SocketTask.CLOSED);
    assertThat(transport.connections()).allMatch(c -> c.abortCalls() == 1);
    rec.awaitLine("close 1006 abnormal closure");
    assertThat(rec.lines()).contains("error the socket runtime was closed");
    assertThat(runtime.tasks()).isEmpty();
  }
}
