package io.minisocket.bench;

import io.minisocket.bench.BenchClient.Conn;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
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
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/**
 * One client and one workload, measured in this JVM after a time-based warm-up; the figures are printed as one
 * {@code RESULT name=value ...} line for the driver.
 */
final class Measure {
  /** The workloads, in the order of the comparison. */
  static final List<String> WORKLOADS = List.of("throughput", "throughput-other-thread", "latency", "scale",
      "many-connections", "alloc");
  /** The 64-byte text message every workload sends. */
  static final String MESSAGE = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
  private static final long WAIT_SECONDS = 300;
  private static final int WARMUP_BATCH = 20_000;
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
        case "throughput-other-thread" -> measure.throughputFromUserThread();
        case "latency" -> measure.latency();
        case "scale" -> measure.scale();
        case "many-connections" -> measure.manyConnections();
        case "alloc" -> measure.alloc();
        default -> throw new IllegalArgumentException("unknown workload " + workload + " " + WORKLOADS);
      };
      StringBuilder line = new StringBuilder("RESULT");
      result.forEach((name, value) -> line.append(' ').append(name).append('=').append(value));
      System.out.println(line);
      System.out.flush();
    }
  }

  // ------------------------------------------------------------------------------------------- echo rates

  /** One batch of echoes: returns once all {@code messages} sent have come back. */
  @FunctionalInterface
  private interface Batch {
    void run(long messages) throws Exception;
  }

  /**
   * throughput: one connection, {@code --window} messages in flight, each echo sending the next on the client's
   * thread.
   */
  private Map<String, Double> throughput() throws Exception {
    return rate("", onePipeline()::run);
  }

  /** @return a pipeline of {@code --window} messages on one connection */
  private Pipeline onePipeline() throws Exception {
    Pipeline pipeline = new Pipeline(args.integer("window", 1024));
    pipeline.conns = new Conn[] {connect(text -> pipeline.received(0, text))};
    return pipeline;
  }

  /**
   * throughput-other-thread: one connection, at most {@code --window} messages in flight, all sent from this (a
   * user's) thread, never from the client's: the way a Java caller sends.
   */
  private Map<String, Double> throughputFromUserThread() throws Exception {
    FromUserThread sender = new FromUserThread(args.integer("window", 1024));
    sender.conn = connect(sender::received);
    return rate("ot", sender::run);
  }

  /** many-connections: {@code --many} connections with one message in flight each. */
  private Map<String, Double> manyConnections() throws Exception {
    int connections = args.integer("many", 1000);
    Pipeline pipeline = new Pipeline(1);
    AtomicReference<Throwable> firstFailure = new AtomicReference<>();
    Conn[] open = openAll(connections, args.integer("handshakes", 200), firstFailure,
        slot -> text -> pipeline.received(slot, text));
    if (firstFailure.get() != null) {
      throw new IllegalStateException("not all " + connections + " connections opened", firstFailure.get());
    }
    pipeline.conns = open;
    Map<String, Double> result = rate("mc", pipeline::run);
    result.put("mcConnections", (double) connections);
    return result;
  }

  /**
   * Warms up with the batch, then measures {@code --batches} batches of {@code --messages} echoes: echoes per
   * second ({@code <prefix>MsgsPerSec}) and client CPU in cores ({@code <prefix>Cpu}, or {@code cpu} without a
   * prefix).
   */
  private Map<String, Double> rate(String prefix, Batch batch) throws Exception {
    int messages = args.integer("messages", 200_000);
    int batches = args.integer("batches", 5);
    warmUp(batch, messages);
    long cpu0 = Machine.processCpuNanos();
    long t0 = System.nanoTime();
    for (int i = 0; i < batches; i++) {
      batch.run(messages); // the rate of one batch varies by 2-3x with thread placement: average several
    }
    long wall = System.nanoTime() - t0;
    long cpu = Machine.processCpuNanos() - cpu0;
    Map<String, Double> result = new LinkedHashMap<>();
    result.put(prefix.isEmpty() ? "msgsPerSec" : prefix + "MsgsPerSec", (long) messages * batches / (wall / 1e9));
    result.put(prefix.isEmpty() ? "cpu" : prefix + "Cpu", (double) cpu / wall);
    return result;
  }

  private void warmUp(Batch batch, int messages) throws Exception {
    long warmupEnd = System.nanoTime() + warmupNanos;
    while (System.nanoTime() < warmupEnd) {
      batch.run(Math.min(messages, WARMUP_BATCH));
    }
  }

  // ------------------------------------------------------------------------------------------- alloc

  /**
   * alloc: the throughput pipeline, warmed up, then {@code --batches} × {@code --messages} echoes counted in heap
   * bytes allocated by all threads of this JVM (see {@link ThreadAllocations}), divided by the echoes. Nothing is
   * timed. {@code allocThreadsEnded} > 0 marks a lower bound.
   */
  private Map<String, Double> alloc() throws Exception {
    int messages = args.integer("messages", 200_000);
    int batches = args.integer("batches", 5);
    Pipeline pipeline = onePipeline();
    warmUp(pipeline::run, messages);
    ThreadAllocations before = ThreadAllocations.now();
    for (int i = 0; i < batches; i++) {
      pipeline.run(messages);
    }
    ThreadAllocations.Delta allocated = ThreadAllocations.now().since(before);
    if (allocated.threadsEnded() > 0) {
      System.err.println("[alloc] " + allocated.threadsEnded() + " threads ended while counting: their allocation "
          + "after the start is not counted, the figure is a lower bound");
    }
    Map<String, Double> result = new LinkedHashMap<>();
    result.put("allocPerMsg", (double) allocated.bytes() / ((long) messages * batches));
    result.put("allocThreadsEnded", (double) allocated.threadsEnded());
    return result;
  }

  // ------------------------------------------------------------------------------------------- the echo loops

  /** Counts the echoes of one batch and checks that each is the message sent. */
  private abstract static class Echoes {
    private final AtomicLong received = new AtomicLong();
    private final AtomicReference<String> wrongEcho = new AtomicReference<>();
    private volatile long total;
    private volatile CountDownLatch done;

    /** Starts a batch of {@code messages} echoes. */
    void begin(long messages) {
      total = messages;
      received.set(0);
      done = new CountDownLatch(1);
    }

    /** @return whether this was the batch's last echo */
    boolean echoed(String text) {
      if (text.length() != MESSAGE.length()) {
        wrongEcho.compareAndSet(null, text);
      }
      if (received.incrementAndGet() == total) {
        done.countDown();
        return true;
      }
      return false;
    }

    long total() {
      return total;
    }

    /** Waits for the batch's last echo. */
    void awaitAll() throws InterruptedException, TimeoutException {
      await(done, "echoes (" + received.get() + " of " + total + " received)");
      if (wrongEcho.get() != null) {
        throw new IllegalStateException("the echo differs from the message sent: " + wrongEcho.get());
      }
    }
  }

  /**
   * Echoes with at most {@code window} messages in flight on each connection; each echo sends the next message on
   * the connection it came from, on the client's thread. The first window is sent from the caller's thread.
   */
  private static final class Pipeline extends Echoes {
    private final int window;
    private final AtomicLong sent = new AtomicLong();
    private volatile Conn[] conns;

    Pipeline(int window) {
      this.window = window;
    }

    void run(long messages) throws InterruptedException, TimeoutException {
      begin(messages);
      sent.set(0);
      first:
      for (int i = 0; i < window; i++) {
        for (Conn conn : conns) {
          if (!trySend(conn)) {
            break first;
          }
        }
      }
      awaitAll();
    }

    private boolean trySend(Conn conn) {
      if (sent.incrementAndGet() > total()) {
        return false;
      }
      conn.send(MESSAGE);
      return true;
    }

    void received(int connection, String text) {
      if (!echoed(text)) {
        trySend(conns[connection]);
      }
    }
  }

  /**
   * Sends every message of a batch from the caller's thread, waiting for a free slot of the window (released by
   * each echo) when {@code window} messages are in flight.
   */
  private static final class FromUserThread extends Echoes {
    private final Semaphore window;
    private volatile Conn conn;

    FromUserThread(int window) {
      this.window = new Semaphore(window);
    }

    void run(long messages) throws InterruptedException, TimeoutException {
      begin(messages);
      for (long i = 0; i < messages; i++) {
        if (!window.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
          throw new TimeoutException("no echo within " + WAIT_SECONDS + " s (" + i + " of " + messages + " sent)");
        }
        conn.send(MESSAGE);
      }
      awaitAll();
    }

    void received(String text) {
      window.release();
      echoed(text);
    }
  }

  private Conn connect(Consumer<String> onText) throws Exception {
    return client.connect(uri, onText).get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  // ------------------------------------------------------------------------------------------- latency

  private Map<String, Double> latency() throws Exception {
    int roundTrips = args.integer("round-trips", 20_000);
    PingPong pingPong = new PingPong();
    pingPong.conn = connect(pingPong::received);
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
      Conn[] batch = openAll(Math.min(connections, 500), inFlight, new AtomicReference<>(), slot -> IGNORE);
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
    Conn[] open = openAll(connections, inFlight, firstFailure, slot -> IGNORE);
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
    if (opened == connections) { // a run that failed to open them all is not the figure the target is about
      result.put("heapPerConn", (double) heap / opened);
    }
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

  /**
   * Opens {@code n} connections with at most {@code inFlight} handshakes at once, connection {@code i} delivering its
   * messages to {@code onText.apply(i)}; failed ones stay null.
   */
  private Conn[] openAll(int n, int inFlight, AtomicReference<Throwable> firstFailure,
      IntFunction<Consumer<String>> onText) throws Exception {
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
        connecting = client.connect(uri, onText.apply(slot));
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
