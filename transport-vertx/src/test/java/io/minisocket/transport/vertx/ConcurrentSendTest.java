package io.minisocket.transport.vertx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minisocket.core.transport.ConnectRequest;
import io.minisocket.core.transport.Connection;
import io.minisocket.core.transport.ConnectionEvents;
import io.minisocket.core.transport.Frame;
import io.minisocket.core.transport.TransportFailure;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Sends from several threads at once, including the connection's event loop: each thread's messages keep their
 * order, every send ends exactly once (also when the connection drops with writes in flight), and a message of
 * several frames is never interleaved with another.
 */
@Timeout(60)
class ConcurrentSendTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private static Vertx vertx;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopVertx() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static ConnectRequest request(int port) {
    return new ConnectRequest(URI.create("ws://127.0.0.1:" + port + "/"), "GET", Map.of(), List.of(), WAIT);
  }

  /** Counts the completions of each send by its number. */
  private static final class Outcomes {
    final AtomicIntegerArray calls;
    final AtomicIntegerArray failed;

    Outcomes(int sends) {
      calls = new AtomicIntegerArray(sends);
      failed = new AtomicIntegerArray(sends);
    }

    void send(Connection c, int id, Frame frame) {
      c.send(frame, failure -> {
        calls.incrementAndGet(id);
        if (failure != null) {
          failed.incrementAndGet(id);
        }
      });
    }

    boolean allEnded() {
      for (int i = 0; i < calls.length(); i++) {
        if (calls.get(i) == 0) {
          return false;
        }
      }
      return true;
    }

    int count(AtomicIntegerArray array) {
      int n = 0;
      for (int i = 0; i < array.length(); i++) {
        n += array.get(i);
      }
      return n;
    }
  }

  /** Opens, then hands every message to {@code onMessage} on the connection's event loop. */
  private static class Events implements ConnectionEvents {
    final CompletableFuture<Void> opened = new CompletableFuture<>();
    final CompletableFuture<Object> ended = new CompletableFuture<>();
    final BlockingQueue<Frame> messages = new LinkedBlockingQueue<>();
    volatile Consumer<Frame> onMessage = f -> { };

    @Override
    public void opened(Map<String, List<String>> responseHeaders, String protocol) {
      opened.complete(null);
    }

    @Override
    public void message(Frame frame) {
      messages.add(frame);
      onMessage.accept(frame);
    }

    @Override
    public void writable() {}

    @Override
    public void closed(int code, String reason) {
      ended.complete(code);
    }

    @Override
    public void failed(TransportFailure failure) {
      ended.complete(failure);
    }
  }

  /** Runs {@code senders} threads that start together; thread {@code t} runs {@code body.apply(t)}. */
  private static List<Thread> startTogether(int senders, IntFunction<Runnable> body) {
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < senders; t++) {
      Runnable work = body.apply(t);
      Thread thread = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        work.run();
      }, "sender-" + t);
      thread.start();
      threads.add(thread);
    }
    start.countDown();
    return threads;
  }

  private static void join(List<Thread> threads) throws InterruptedException {
    for (Thread t : threads) {
      t.join(WAIT.toMillis());
      assertThat(t.isAlive()).as("%s still sending", t.getName()).isFalse();
    }
  }

  @Test
  void sendsFromSeveralThreadsAndTheEventLoopKeepEachSendersOrderAndAllSucceed() throws Exception {
    int threads = 4;
    int perSender = 400;
    Outcomes outcomes = new Outcomes((threads + 1) * perSender);
    try (TestServer echo = TestServer.echo(vertx); VertxTransport transport = VertxTransport.create(vertx)) {
      Events events = new Events();
      Connection c = transport.connect(request(echo.port()), events);
      events.opened.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      // the event loop sends "loop-(i+1)" when "loop-i" comes back, in between the other threads' sends
      events.onMessage = f -> {
        String text = ((Frame.Text) f).text();
        if (text.startsWith("loop-")) {
          int next = Integer.parseInt(text.substring(5)) + 1;
          if (next < perSender) {
            outcomes.send(c, threads * perSender + next, Frame.text("loop-" + next));
          }
        }
      };
      List<Thread> senders = startTogether(threads, t -> () -> {
        for (int i = 0; i < perSender; i++) {
          if (t == 0 && i == 0) {
            outcomes.send(c, threads * perSender, Frame.text("loop-0"));
          }
          outcomes.send(c, t * perSender + i, Frame.text(t + "-" + i));
        }
      });
      join(senders);

      Map<String, List<Integer>> received = new ConcurrentHashMap<>();
      for (int n = 0; n < (threads + 1) * perSender; n++) {
        Frame f = events.messages.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(f).as("echo %s of %s", n, (threads + 1) * perSender).isNotNull();
        String[] parts = ((Frame.Text) f).text().split("-");
        received.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(Integer.parseInt(parts[1]));
      }
      List<Integer> inOrder = new ArrayList<>();
      for (int i = 0; i < perSender; i++) {
        inOrder.add(i);
      }
      assertThat(received).hasSize(threads + 1);
      received.forEach((sender, order) -> assertThat(order).as("order of %s", sender).isEqualTo(inOrder));
      await().atMost(WAIT).until(outcomes::allEnded);
      assertThat(outcomes.count(outcomes.calls)).as("completions").isEqualTo((threads + 1) * perSender);
      assertThat(outcomes.count(outcomes.failed)).as("failures").isZero();
      assertThat(events.ended).isNotDone();
    }
  }

  /**
   * Senders that respect backpressure from two threads: whenever one finds the write queue full, a writable() must
   * follow, also when the other thread refilled the queue while a completion was draining it.
   */
  @Test
  void sendersThatWaitForWritableOnSeveralThreadsAreNeverLeftWaiting() throws Exception {
    int threads = 3;
    int perSender = 300;
    Outcomes outcomes = new Outcomes(threads * perSender);
    try (TestServer echo = TestServer.start(vertx, o -> { }, ws -> { }); // reads and drops
        VertxTransport transport = VertxTransport.create(vertx,
            VertxTransportOptions.builder().writeQueueMaxSize(16 * 1024).build())) {
      AtomicInteger writables = new AtomicInteger();
      Events events = new Events() {
        @Override
        public void writable() {
          synchronized (writables) {
            writables.incrementAndGet();
            writables.notifyAll();
          }
        }
      };
      Connection c = transport.connect(request(echo.port()), events);
      events.opened.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      byte[] chunk = new byte[6 * 1024];
      List<String> lost = Collections.synchronizedList(new ArrayList<>());
      List<Thread> senders = startTogether(threads, t -> () -> {
        for (int i = 0; i < perSender && lost.isEmpty(); i++) {
          int seen = writables.get();
          if (c.writeQueueFull()) {
            synchronized (writables) {
              long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
              while (writables.get() == seen && System.nanoTime() < deadline) {
                try {
                  writables.wait(100);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return;
                }
              }
              if (writables.get() == seen) {
                lost.add("sender " + t + " waited 10 s for writable() at send " + i + " (queue full: "
                    + c.writeQueueFull() + ")");
                return;
              }
            }
          }
          outcomes.send(c, t * perSender + i, Frame.binary(ByteBuffer.wrap(chunk)));
        }
      });
      join(senders);
      assertThat(lost).isEmpty();
      await().atMost(WAIT).until(outcomes::allEnded);
      assertThat(outcomes.count(outcomes.failed)).isZero();
    }
  }

  /** The README's example ("Sending from any thread"), checked. */
  @Test
  void readmeExampleFourSendersEachKeepTheirOrder() throws Exception {
    try (TestServer echo = TestServer.echo(vertx); VertxTransport transport = VertxTransport.create(vertx)) {
      Events events = new Events();
      Connection c = transport.connect(request(echo.port()), events);
      events.opened.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
      AtomicInteger written = new AtomicInteger();

      ExecutorService senders = Executors.newFixedThreadPool(4);
      for (int t = 0; t < 4; t++) {
        int sender = t;
        senders.execute(() -> {
          for (int i = 0; i < 100; i++) {
            c.send(Frame.text(sender + "-" + i), failure -> {
              if (failure == null) {
                written.incrementAndGet();
              } else {
                failures.add(failure);
              }
            });
          }
        });
      }

      senders.shutdown();
      assertThat(senders.awaitTermination(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
      int[] next = new int[4];
      for (int n = 0; n < 400; n++) {
        Frame f = events.messages.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(f).as("echo %s of 400", n).isNotNull();
        String[] parts = ((Frame.Text) f).text().split("-");
        int sender = Integer.parseInt(parts[0]);
        assertThat(Integer.parseInt(parts[1])).as("next of sender %s", sender).isEqualTo(next[sender]++);
      }
      await().atMost(WAIT).until(() -> written.get() + failures.size() == 400);
      assertThat(failures).isEmpty();
    }
  }

  @Test
  void droppingTheConnectionWithWritesInFlightFromSeveralThreadsEndsEverySendExactlyOnce() throws Exception {
    int threads = 4;
    int perSender = 150;
    Outcomes outcomes = new Outcomes(threads * perSender);
    try (VertxTransport transport = VertxTransport.create(vertx);
        RawServer raw = new RawServer(64 * 1024, conn -> {
          conn.switchProtocols(conn.readRequest(), "");
          conn.awaitProceed(); // never reads: the client's writes back up
          conn.reset();
        })) {
      Events events = new Events();
      Connection c = transport.connect(request(raw.port()), events);
      events.opened.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      byte[] chunk = new byte[16 * 1024];
      CountDownLatch halfway = new CountDownLatch(threads);
      List<Thread> senders = startTogether(threads, t -> () -> {
        for (int i = 0; i < perSender; i++) {
          if (i == perSender / 2) {
            halfway.countDown();
          }
          outcomes.send(c, t * perSender + i, Frame.binary(ByteBuffer.wrap(chunk)));
        }
      });
      assertThat(halfway.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
      raw.awaitConnection().proceed.complete(null); // reset while the senders go on
      join(senders);

      assertThat(events.ended.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isInstanceOf(TransportFailure.class);
      await().atMost(WAIT).until(outcomes::allEnded);
      for (int i = 0; i < threads * perSender; i++) {
        assertThat(outcomes.calls.get(i)).as("completions of send %s", i).isEqualTo(1);
      }
      assertThat(outcomes.count(outcomes.failed)).as("failed sends (about 9 MiB never fit the socket buffers)")
          .isPositive();
    }
  }

  @Test
  void aMessageOfSeveralFramesIsNotInterleavedWithSendsFromOtherThreads() throws Exception {
    int frame = 16 * 1024;
    try (TestServer echo = TestServer.start(vertx, o -> o.setMaxWebSocketFrameSize(frame), TestServer::echo);
        VertxTransport transport = VertxTransport.create(vertx,
            VertxTransportOptions.builder().maxFrameSize(frame).build())) {
      Events events = new Events();
      Connection c = transport.connect(request(echo.port()), events);
      events.opened.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      int big = 8;
      int small = 200;
      Outcomes outcomes = new Outcomes(2 * big + 2 * small);
      List<Thread> senders = startTogether(4, t -> () -> {
        if (t < 2) {
          for (int i = 0; i < big; i++) {
            outcomes.send(c, t * big + i, Frame.text(String.valueOf((char) ('a' + t)).repeat(3 * frame + 100)));
          }
        } else {
          for (int i = 0; i < small; i++) {
            outcomes.send(c, 2 * big + (t - 2) * small + i, Frame.text("small " + t + " " + i));
          }
        }
      });
      join(senders);

      int bigSeen = 0;
      for (int n = 0; n < 2 * big + 2 * small; n++) {
        Frame f = events.messages.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(f).as("echo %s; ended: %s", n, events.ended.getNow(null)).isNotNull();
        String text = ((Frame.Text) f).text();
        if (!text.startsWith("small")) {
          bigSeen++;
          assertThat(text).hasSize(3 * frame + 100).matches(text.charAt(0) + "+");
        }
      }
      assertThat(bigSeen).isEqualTo(2 * big);
      await().atMost(WAIT).until(outcomes::allEnded);
      assertThat(outcomes.count(outcomes.failed)).isZero();
    }
  }
}
