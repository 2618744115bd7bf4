package io.minisocket.transport.vertx.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minisocket.core.CloseEvent;
import io.minisocket.core.ErrorKind;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.SocketResult;
import io.minisocket.core.SocketRuntime;
import io.minisocket.core.SocketTask;
import io.minisocket.core.spi.Policies.QueueUntilOpen;
import io.minisocket.transport.vertx.RawServer;
import io.minisocket.transport.vertx.TestServer;
import io.minisocket.transport.vertx.VertxTransportOptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Sending: the queue's byte bound, backpressure, a connection lost with sends queued, concurrency, queue-until-open.
 */
@Timeout(90) // above several E2e.WAITs: a guard against hangs, not a speed check
class SendQueueE2eTest extends E2e {

  /** Waits until the task's queue has not changed for a while: the server is not reading, nothing moves. */
  private static long awaitQueueSettled(SocketTask task) {
    AtomicLong last = new AtomicLong(-1);
    await().pollInterval(Duration.ofMillis(20)).during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(10))
        .until(() -> last.getAndSet(task.queuedBytes()) == task.queuedBytes());
    return task.queuedBytes();
  }

  @Test
  void connectionResetWithSendsQueuedEndsEverySendExactlyOnce() throws Exception {
    RawServer raw = track(new RawServer(64 * 1024, conn -> {
      conn.switchProtocols(conn.readRequest(), "");
      conn.awaitProceed(); // never reads: the client's writes back up into the transport and the task
      conn.reset();
    }));
    int chunk = 64 * 1024;
    SocketRuntime runtime = runtime(profile().build(), SocketConfig.builder().build(),
        VertxTransportOptions.builder().writeQueueMaxSize(chunk).build());
    Connected c = connect(runtime, ws(raw.port(), "/"));
    c.events().awaitOpen();

    List<Outcome> sends = new ArrayList<>();
    byte[] data = new byte[chunk];
    long queued = 0;
    while (queued < 1024 * 1024) {
      assertThat(sends.size()).as("the task never queued: the server kept reading?").isLessThan(4_000);
      sends.add(sendQuietly(c.task(), data, "send " + sends.size()));
      if (c.task().queuedBytes() >= 1024 * 1024) {
        queued = awaitQueueSettled(c.task());
      }
    }
    int queuedSends = (int) (queued / chunk);
    assertThat(sends).allSatisfy(o -> assertThat(o.failed()).isFalse());

    raw.awaitConnection().proceed.complete(null); // TCP reset

    SocketResult error = c.events().awaitError();
    assertThat(error.errorKind()).as("%s", error).isEqualTo(ErrorKind.NETWORK);
    assertThat(c.events().awaitClose()).isEqualTo(new CloseEvent(1006, "abnormal closure"));
    int successes = 0;
    int failures = 0;
    for (Outcome o : sends) {
      SocketResult r = o.await();
      o.assertDeliveredOnce();
      if (r.ok()) {
        successes++;
      } else {
        failures++;
        assertThat(r.errorKind()).as("%s", r).isEqualTo(ErrorKind.SEND_FAILED);
      }
    }
    assertThat(successes + failures).isEqualTo(sends.size());
    assertThat(failures).as("at least the %s sends still queued in the task failed", queuedSends)
        .isGreaterThanOrEqualTo(queuedSends);
    assertThat(c.task().queuedBytes()).isZero();
    assertThat(c.events().log).containsSubsequence("error NETWORK", "close 1006");
  }

  @Test
  void sendBeyondTheQueueBoundFailsWithQueueFullAndTheRestIsDeliveredWhenTheServerReadsAgain() throws Exception {
    BlockingQueue<Integer> received = new LinkedBlockingQueue<>();
    RawServer raw = track(new RawServer(64 * 1024, conn -> {
      conn.switchProtocols(conn.readRequest(), "");
      conn.awaitProceed(); // stops reading until the test says so
      while (true) {
        byte[] frame;
        try {
          frame = conn.readFrame();
        } catch (IOException gone) {
          return;
        }
        if (frame[0] == 0x8) {
          conn.writeFrame(0x8, true, Arrays.copyOfRange(frame, 1, frame.length));
          conn.closeQuietly();
          return;
        }
        received.add(ByteBuffer.wrap(frame, 1, 4).getInt());
      }
    }));
    int bound = 64 * 1024;
    int size = 16 * 1024;
    SocketRuntime runtime = runtime(profile().build(), SocketConfig.builder().maxQueueBytes(bound).build(),
        VertxTransportOptions.builder().writeQueueMaxSize(32 * 1024).build());
    Connected c = connect(runtime, ws(raw.port(), "/slow"));
    c.events().awaitOpen();

    // Send until a send is refused. A refusal is reported asynchronously, so a few more sends may go out (and be
    // refused, or queued if the transport drained meanwhile) before the loop sees it.
    List<Outcome> sends = new ArrayList<>();
    while (sends.stream().noneMatch(Outcome::failed)) {
      assertThat(sends.size()).as("no send was refused: the server kept reading?").isLessThan(20_000);
      int seq = sends.size();
      sends.add(sendQuietly(c.task(), ByteBuffer.allocate(size).putInt(0, seq), "send " + seq));
      assertThat(c.task().queuedBytes()).isLessThanOrEqualTo(bound);
    }

    SocketResult full = sends.stream().filter(Outcome::failed).findFirst().orElseThrow().result.join();
    assertThat(full.errorKind()).as("%s", full).isEqualTo(ErrorKind.QUEUE_FULL);
    assertThat(full.errMsg()).startsWith("sendSocketMessage:fail send queue is full").contains(String.valueOf(bound));
    assertThat(c.task().readyState()).isEqualTo(SocketTask.OPEN);
    assertThat(c.events().errors).hasValue(0);

    raw.awaitConnection().proceed.complete(null); // the server reads again

    List<Integer> accepted = new ArrayList<>();
    int refused = 0;
    for (Outcome o : sends) {
      SocketResult r = o.await();
      o.assertDeliveredOnce();
      if (r.ok()) {
        accepted.add(Integer.parseInt(o.name.substring("send ".length())));
      } else {
        assertThat(r.errorKind()).as("%s: %s", o.name, r).isEqualTo(ErrorKind.QUEUE_FULL);
        refused++;
      }
    }
    assertThat(refused).isPositive();
    assertThat(accepted.size()).as("some sends were queued past the transport").isGreaterThan(bound / size);
    List<Integer> got = new ArrayList<>();
    while (got.size() < accepted.size()) {
      Integer seq = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(seq).as("message %s of %s at the server", got.size(), accepted.size()).isNotNull();
      got.add(seq);
    }
    assertThat(got).isEqualTo(accepted);
    assertThat(c.task().readyState()).isEqualTo(SocketTask.OPEN);
    assertThat(send(c, ByteBuffer.allocate(4).putInt(0, -1), "after").await().ok()).isTrue();
    assertThat(received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(-1);
  }

  @Test
  void sixteenThreadsSendingOnOneTaskKeepEachThreadsOrderAndAllSucceed() throws Exception {
    int threads = 16;
    int perThread = 1_000;
    ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
    TestServer server = track(TestServer.start(serverVertx, o -> { }, ws -> ws.textMessageHandler(text -> {
      received.add(text);
      ws.writeTextMessage(text);
    })));
    Connected c = connect(runtime(), ws(server.port(), "/many"));
    c.events().awaitOpen();

    ExecutorService pool = Executors.newFixedThreadPool(threads);
    track(pool::shutdownNow);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<Outcome>>> results = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      results.add(pool.submit(() -> {
        start.await();
        List<Outcome> mine = new ArrayList<>(perThread);
        for (int seq = 0; seq < perThread; seq++) {
          mine.add(sendQuietly(c.task(), thread + ":" + seq, thread + ":" + seq));
        }
        return mine;
      }));
    }
    start.countDown();
    List<Outcome> all = new ArrayList<>();
    for (Future<List<Outcome>> f : results) {
      all.addAll(f.get(20, TimeUnit.SECONDS));
    }

    await().atMost(Duration.ofSeconds(15)).until(() -> received.size() >= threads * perThread);
    assertThat(received).hasSize(threads * perThread);
    Map<Integer, Integer> next = new HashMap<>();
    for (String text : received) {
      String[] parts = text.split(":");
      int thread = Integer.parseInt(parts[0]);
      int seq = Integer.parseInt(parts[1]);
      int expected = next.getOrDefault(thread, 0);
      assertThat(seq).as("thread %s's messages in order", thread).isEqualTo(expected);
      next.put(thread, expected + 1);
    }
    for (Outcome o : all) {
      assertThat(o.await().ok()).as("%s", o.name).isTrue();
      o.assertDeliveredOnce();
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> c.events().messages.size() == threads * perThread);
    assertThat(c.task().queuedBytes()).isZero();
  }

  @Test
  void underQueueUntilOpenSendsBeforeOpenArriveInOrderAfterOpen() throws Exception {
    BlockingQueue<String> received = new LinkedBlockingQueue<>();
    RawServer raw = track(new RawServer(conn -> {
      Map<String, String> request = conn.readRequest();
      conn.awaitProceed(); // hold the handshake while the client sends
      conn.switchProtocols(request, "");
      for (int i = 0; i < 10; i++) {
        byte[] frame = conn.readFrame();
        String text = new String(frame, 1, frame.length - 1, StandardCharsets.UTF_8);
        received.add(text);
        conn.writeFrame(0x1, true, text.getBytes(StandardCharsets.UTF_8));
      }
      conn.awaitEof();
    }));
    SocketRuntime runtime = runtime(profile().queueUntilOpen(QueueUntilOpen.QUEUE).build(),
        SocketConfig.builder().connectTimeout(Duration.ofSeconds(20)).build());
    Connected c = connect(runtime, ws(raw.port(), "/queued"));
    RawServer.Conn conn = raw.awaitConnection();
    conn.requestSeen.get(5, TimeUnit.SECONDS);

    List<Outcome> sends = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      sends.add(send(c, "q" + i, "send " + i));
    }
    assertThat(c.task().readyState()).isEqualTo(SocketTask.CONNECTING);
    assertThat(c.task().queuedBytes()).isEqualTo(20);
    assertThat(sends).noneMatch(o -> o.result.isDone());
    conn.proceed.complete(null);

    c.events().awaitOpen();
    for (int i = 0; i < 10; i++) {
      assertThat(received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("q" + i);
    }
    for (int i = 0; i < 10; i++) {
      assertThat(c.events().nextMessage().data()).isEqualTo("q" + i);
      assertThat(sends.get(i).await().ok()).isTrue();
      sends.get(i).assertDeliveredOnce();
    }
    assertThat(c.events().log).containsSubsequence("open", "send 0:success");
    assertThat(c.task().queuedBytes()).isZero();
  }

  @Test
  void underQueueUntilOpenQueuedSendsFailWhenTheConnectFails() throws Exception {
    RawServer raw = track(new RawServer(conn -> {
      conn.readRequest();
      conn.awaitEof(); // never answers
    }));
    SocketRuntime runtime = runtime(profile().queueUntilOpen(QueueUntilOpen.QUEUE).build(),
        SocketConfig.builder().connectTimeout(Duration.ofMillis(500)).build());
    Connected c = connect(runtime, ws(raw.port(), "/never"));
    List<Outcome> sends = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      sends.add(send(c, "q" + i, "send " + i));
    }

    assertThat(c.events().awaitError().errorKind()).isEqualTo(ErrorKind.CONNECT_TIMEOUT);
    for (Outcome o : sends) {
      SocketResult r = o.await();
      assertThat(r.errorKind()).as("%s", r).isEqualTo(ErrorKind.NOT_OPEN);
      assertThat(r.errMsg()).contains("Timed out connecting to server.");
      o.assertDeliveredOnce();
    }
    assertThat(c.events().awaitClose().code()).isEqualTo(1006);
  }
}
