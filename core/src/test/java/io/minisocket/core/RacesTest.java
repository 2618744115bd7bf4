package io.minisocket.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minisocket.core.testing.FakeTransport;
import io.minisocket.core.testing.Recorder;
import io.minisocket.core.transport.TransportFailure;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.RepeatedTest;

/** Exactly one of success or fail, then complete, when a remote close races a local send or close. */
class RacesTest {

  @RepeatedTest(50)
  void remoteEndRacingLocalSendsAndCloseStillCallsBackExactlyOnce() throws Exception {
    FakeTransport transport = new FakeTransport();
    SocketRuntime runtime = SocketRuntime.builder(TestProfiles.builder("t").build(), transport).build();
    Recorder rec = new Recorder();
    SocketTask task = rec.listen(runtime.connectSocket(ConnectOptions.of("wss://a.example")));
    transport.last().open();
    transport.autoCompleteWrites(false);
    CountDownLatch go = new CountDownLatch(1);
    Thread sender = new Thread(() -> {
      awaitLatch(go);
      for (int i = 0; i < 50; i++) {
        task.send(SendOptions.builder().data("m").callbacks(rec.callbacks("send")).build());
      }
    });
    Thread closer = new Thread(() -> {
      awaitLatch(go);
      task.close(CloseOptions.builder().callbacks(rec.callbacks("close")).build());
    });
    Thread remote = new Thread(() -> {
      awaitLatch(go);
      transport.last().fail(TransportFailure.of(TransportFailure.Kind.IO, "reset", null));
    });
    sender.start();
    closer.start();
    remote.start();
    go.countDown();
    sender.join();
    closer.join();
    remote.join();
    transport.last().completePendingWrites(); // writes the transport still holds finish (or already failed)
    await().atMost(Duration.ofSeconds(10)).until(() -> rec.count("send:complete") == 50
        && rec.count("close:complete") == 1 && rec.count("close ") == 1);
    assertThat(rec.count("send:success") + rec.count("send:fail")).isEqualTo(50);
    assertThat(rec.count("close:success") + rec.count("close:fail")).isEqualTo(1);
    assertThat(rec.lines()).as("the close event is the last event (callbacks of writes may still follow)")
        .filteredOn(l -> l.startsWith("open ") || l.startsWith("error ") || l.startsWith("close "))
        .last().asString().startsWith("close ");
    assertThat(rec.overlapped()).isFalse();
  }

  private static void awaitLatch(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
