package io.minisocket.bench;

import io.minisocket.bench.BenchClient.Conn;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * One client and one workload, measured in this JVM after a time-based warm-up; the figures are printed as one
 * {@code RESULT name=value ...} line for the driver.
 */
final class Measure {
  /** The 64-byte text message every workload sends. */
  static final String MESSAGE = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
  private static final long WAIT_SECONDS = 300;
  private static final Consumer<String> IGNORE = text -> { };

  private final BenchClient client;
  private final URI uri;
  private final Args args;
  private final long warmupNanos;

  private Measure(BenchClient client, URI uri, Args args) {
    this.client = client;
    this.uri = uri;
    this.args = args;
    this.warmupNanos = (long) (args.number("warmup", 5) * 1e9);
  }

  /** Runs {@code --client} on {@code --workload} against {@code --uri} and prints the RESULT line. */
  static void run(Args args) throws Exception {
    String workload = args.string("workload", "throughput");
    URI uri = URI.create(args.string("uri", "ws://127.0.0.1:8080/"));
    Map<String, Double> result;
    try (BenchClient client = BenchClient.create(args.string("client", "vertx"))) {
      Measure measure = new Measure(client, uri, args);
      result = switch (workload) {
        case "throughput" -> measure.throughput();
        case "latency" -> measure.latency();
        case "scale" -> measure.scale();
        default -> throw new IllegalArgumentException("unknown workload " + workload);
      };
      StringBuilder line = new StringBuilder("RESULT");
      result.forEach((name, value) -> line.append(' ').append(name).append('=').append(value));
      System.out.println(line);
      System.out.flush();
    }
  }

  // ------------------------------------------------------------------------------------------- throughput

  private Map<String, Double> throughput() throws Exception {
    int messages = args.integer("messages", 200_000);
    int batches = args.integer("batches", 5);
    Pipeline pipeline = new Pipeline(args.integer("window", 1024));
    pipeline.conn = client.connect(uri, pipeline::received).get(WAIT_SECONDS, TimeUnit.SECONDS);
    long warmupEnd = System.nanoTime() + warmupNanos;
    while (System.nanoTime() < warmupEnd) {
      pipeline.run(Math.min(messages, 20_000));
    }
    long cpu0 = Machine.processCpuNanos();
    long allocated0 = Machine.allocatedBytes();
    long t0 = System.nanoTime();
    for (int i = 0; i < batches; i++) {
      pipeline.run(messages); // the rate of one batch varies by 2-3x with thread placement: average several
    }
    long wall = System.nanoTime() - t0;
    long cpu = Machine.processCpuNanos() - cpu0;
    long allocated = Machine.allocatedBytes() - allocated0;
    long echoes = (long) messages * batches;
    Map<String, Double> result = new LinkedHashMap<>();
    result.put("msgsPerSec", echoes / (wall / 1e9));
    result.put("cpu", (double) cpu / wall);
    result.put("allocPerMsg", (double) allocated / echoes);
    return result;
  }

  /** Echoes with at most {@code window} messages in flight; each echo sends the next message. */
  private static final class Pipeline {
    private final int window;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicReference<String> wrongEcho = new AtomicReference<>();
    private volatile Conn conn;
    private volatile long total;
    private volatile CountDownLatch done;

    Pipeline(int window) {
      this.window = window;
    }

    void run(long messages) throws InterruptedException, TimeoutException {
      total = messages;
      sent.set(0);
      received.set(0);
      done = new CountDownLatch(1);
      for (int i = 0; i < window && trySend(); i++) {
        // the first window of messages; each echo sends one more
      }
      await(done, "echoes (" + received.get() + " of " + messages + " received)");
      if (wrongEcho.get() != null) {
        throw new IllegalStateException("the echo differs from the message sent: " + wrongEcho.get());
      }
    }

    private boolean trySend() {
      if (sent.incrementAndGet() > total) {
        return false;
      }
      conn.send(MESSAGE);
      return true;
    }

    void received(String text) {
      if (text.length() != MESSAGE.length()) {
        wrongEcho.compareAndSet(null, text);
      }
      if (received.incrementAndGet() == total) {
        done.countDown();
      } else {
        trySend();
      }
    }
  }

  // ------------------------------------------------------------------------------------------- latency

  private Map<String, Double> latency() throws Exception {
    int roundTrips = args.integer("round-trips", 20_000);
    PingPong pingPong = new PingPong();
    pingPong.conn = client.connect(uri, pingPong::received).get(WAIT_SECONDS, TimeUnit.SECONDS);
    long warmupEnd = System.nanoTime() + warmupNanos;
    while (System.nanoTime() < warmupEnd) {
      pingPong.run(Math.min(roundTrips, 2_000), null);
    }
    Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
    for (int i = 0, batches = args.integer("batches", 5); i < batches; i++) {
      pingPong.run(roundTrips, histogram);
    }
    Map<String, Double> result = new LinkedHashMap<>();
    result.put("p50", histogram.getValueAtPercentile(50) / 1e3);
    result.put("p99", histogram.getValueAtPercentile(99) / 1e3);
    result.put("p999", histogram.getValueAtPercentile(99.9) / 1e3);
    result.put("max", histogram.getMaxValue() / 1e3);
    return result;
  }

  /**
   * One message in flight: each echo records its round trip and sends the next message, on the client's own thread,
   * so no thread hand-off of the harness is measured.
   */
  private static final class PingPong {
    private volatile Conn conn;
    private Histogram histogram;
    private long remaining;
    private long sentAt;
    private CountDownLatch done;

    void run(int roundTrips, Histogram record) throws InterruptedException, TimeoutException {
      histogram = record;
      remaining = roundTrips;
      CountDownLatch finished = new CountDownLatch(1);
      done = finished;
      sentAt = System.nanoTime();
      conn.send(MESSAGE);
      await(finished, "round trips");
    }

    void received(String text) {
      long now = System.nanoTime();
      if (histogram != null) {
        histogram.recordValue(Math.min(now - sentAt, histogram.getHighestTrackableValue()));
      }
      if (--remaining == 0) {
        done.countDown();
      } else {
        sentAt = System.nanoTime();
        conn.send(MESSAGE);
      }
    }
  }

  // ------------------------------------------------------------------------------------------- scale

  private Map<String, Double> scale() throws Exception {
    int connections = args.integer("connections", 10_000);
    int inFlight = args.integer("handshakes", 200);
    long warmupEnd = System.nanoTime() + warmupNanos;
    while (System.nanoTime() < warmupEnd) {
      Conn[] batch = openAll(Math.min(connections, 500), inFlight, new AtomicReference<>());
      for (Conn conn : batch) {
        if (conn != null) {
          conn.close();
        }
      }
      ServerStats.awaitIdle(uri);
    }
    long baseline = Machine.heapAfterGc();
    AtomicReference<Throwable> firstFailure = new AtomicReference<>();
    long t0 = System.nanoTime();
    Conn[] open = openAll(connections, inFlight, firstFailure);
    long wall = System.nanoTime() - t0;
    int opened = 0;
    for (Conn conn : open) {
      opened += conn == null ? 0 : 1;
    }
    if (firstFailure.get() != null) {
      System.err.println("[scale] " + (connections - opened) + " of " + connections
          + " connections failed; the first: " + firstFailure.get());
    }
    long heap = Machine.heapAfterGc() - baseline;
    Map<String, Double> result = new LinkedHashMap<>();
    result.put("connections", (double) opened);
    result.put("connectsPerSec", opened / (wall / 1e9));
    result.put("heapPerConn", opened == 0 ? 0.0 : (double) heap / opened);
    result.put("rssMiB", Machine.rssBytes() / 1048576.0);
    result.put("threads", (double) ManagementFactory.getThreadMXBean().getThreadCount());
    String histo = args.string("histo", null);
    if (histo != null) {
      Path file = Path.of(histo);
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.write(file, Machine.classHistogram(150));
    }
    Reference.reachabilityFence(open);
    return result;
  }

  /** Opens {@code n} connections with at most {@code inFlight} handshakes at once; failed ones stay null. */
  private Conn[] openAll(int n, int inFlight, AtomicReference<Throwable> firstFailure) throws Exception {
    Conn[] open = new Conn[n];
    Semaphore handshakes = new Semaphore(inFlight);
    AtomicInteger failed = new AtomicInteger();
    for (int i = 0; i < n; i++) {
      if (!handshakes.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
        throw new TimeoutException("no handshake completed within " + WAIT_SECONDS + " s");
      }
      int slot = i;
      CompletableFuture<Conn> connecting;
      try {
        connecting = client.connect(uri, IGNORE);
      } catch (RuntimeException e) {
        connecting = CompletableFuture.failedFuture(e);
      }
      connecting.whenComplete((conn, failure) -> {
        if (conn != null) {
          open[slot] = conn;
        } else {
          failed.incrementAndGet();
          firstFailure.compareAndSet(null, failure);
        }
        handshakes.release();
      });
    }
    if (!handshakes.tryAcquire(inFlight, WAIT_SECONDS, TimeUnit.SECONDS)) {
      throw new TimeoutException("the last handshakes did not complete within " + WAIT_SECONDS + " s");
    }
    return open;
  }

  private static void await(CountDownLatch latch, String what) throws InterruptedException, TimeoutException {
    if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
      throw new TimeoutException("timed out after " + WAIT_SECONDS + " s waiting for " + what);
    }
  }
}
