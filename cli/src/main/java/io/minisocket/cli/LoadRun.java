package io.minisocket.cli;

import io.minisocket.core.CloseEvent;
import io.minisocket.core.ConnectOptions;
import io.minisocket.core.ErrorKind;
import io.minisocket.core.MessageEvent;
import io.minisocket.core.SendOptions;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.SocketResult;
import io.minisocket.core.SocketTask;
import io.minisocket.core.transport.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * One {@code load} run: opens the connections through several facades of one platform, sends text messages at the
 * total rate with a scheduler that skips connections whose window of unanswered messages is full, measures connect
 * time and round trips (by the sequence number that starts every message), shows progress once per second and keeps
 * it as the run's series, and ends by itself after the duration, or earlier on Ctrl-C: it stops sending, waits a
 * little for the last echoes, and closes every socket.
 */
final class LoadRun {
  /** How often the scheduler sends what is due. */
  private static final long TICK_MILLIS = 5;
  /** How long the end waits for the sockets to close. */
  private static final Duration CLOSING = Duration.ofSeconds(10);

  /**
   * What to run.
   *
   * @param platform      whose facades and rules
   * @param base          url, headers and protocols of every connection
   * @param config        the app configuration of every facade
   * @param connections   how many connections to open
   * @param clients       how many facades to spread them over
   * @param rate          messages per second in total; 0 only holds the connections open
   * @param duration      how long the run lasts from its start, connects included
   * @param size          characters of every message: the sequence number, a space, padding
   * @param window        the most unanswered messages per connection
   * @param maxConnecting the most connects in progress at once
   * @param drain         how long the end waits for echoes still on their way
   */
  record Plan(Platform platform, ConnectOptions base, SocketConfig config, int connections, int clients,
      double rate, Duration duration, int size, int window, int maxConnecting, Duration drain) {}

  private final Plan plan;
  private final Progress progress;
  private final Interrupt interrupt;
  private final String padding;
  private final AtomicReferenceArray<Conn> conns;
  private final Semaphore connecting;
  private final CountDownLatch ended;
  private final CompletableFuture<Void> allEnded = new CompletableFuture<>();
  private final CompletableFuture<Void> drained = new CompletableFuture<>();
  private final CompletableFuture<Void> interrupted = new CompletableFuture<>();
  private final Histogram connectMicros = new ConcurrentHistogram(3);
  private final Histogram roundTripMicros = new ConcurrentHistogram(3);
  private final Recorder roundTripsThisSecond = new Recorder(3);
  private final List<LoadSecond> series = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicLong inFlight = new AtomicLong();
  private final AtomicInteger open = new AtomicInteger();
  private final LongAdder opened = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder unfinished = new LongAdder();
  private final LongAdder closedAbnormally = new LongAdder();
  private final LongAdder sent = new LongAdder();
  private final LongAdder echoed = new LongAdder();
  private final LongAdder sendFailed = new LongAdder();
  private final LongAdder unexpected = new LongAdder();
  private volatile int attempted;
  private volatile boolean stopping;
  private long start;
  // Only the sender thread writes these; the summary reads the volatile ones.
  private volatile long sendStart;
  private volatile long skipped;
  private long slots;
  private int cursor;
  // Only the progress thread uses these.
  private long lastSent;
  private long lastEchoed;
  private long seconds;
  private Histogram interval;
  private volatile long sendEnd;
  private volatile long stoppedAt;

  /**
   * @param plan      what to run
   * @param progress  where the progress goes
   * @param interrupt Ctrl-C, which ends the run early
   */
  LoadRun(Plan plan, Progress progress, Interrupt interrupt) {
    this.plan = plan;
    this.progress = progress;
    this.interrupt = interrupt;
    this.padding = "x".repeat(plan.size());
    this.conns = new AtomicReferenceArray<>(plan.connections());
    this.connecting = new Semaphore(plan.maxConnecting());
    this.ended = new CountDownLatch(plan.connections());
  }

  /**
   * Runs the plan to its end, or until Ctrl-C.
   *
   * @param transport the transport every facade connects through
   * @return the summary
   */
  LoadSummary run(Transport transport) throws InterruptedException {
    List<Client> clients = new ArrayList<>();
    ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, runnable -> {
      Thread thread = new Thread(runnable, "minisocket-load");
      thread.setDaemon(true);
      return thread;
    });
    try {
      for (int i = 0; i < plan.clients(); i++) {
        clients.add(plan.platform().client(transport, plan.config()));
      }
      start = System.nanoTime();
      long deadline = start + plan.duration().toNanos();
      interrupt.whenRequested(this::interrupt);
      scheduler.scheduleAtFixedRate(this::report, 1, 1, TimeUnit.SECONDS);
      if (plan.rate() > 0) {
        scheduler.scheduleAtFixedRate(this::sendDue, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
      }
      connectAll(clients, deadline);
      await(CompletableFuture.anyOf(allEnded, interrupted), deadline - System.nanoTime());
      stopping = true;
      sendEnd = System.nanoTime();
      if (inFlight.get() == 0) {
        drained.complete(null);
      }
      await(drained, plan.drain().toNanos());
      for (int i = 0; i < attempted; i++) {
        SocketTask task = conns.get(i).task;
        if (task != null) {
          task.close();
        }
      }
      ended.await(CLOSING.toNanos(), TimeUnit.NANOSECONDS);
    } finally {
      scheduler.shutdownNow();
      clients.forEach(Client::close);
    }
    scheduler.awaitTermination(1, TimeUnit.SECONDS);
    progress.end();
    return summary();
  }

  private void connectAll(List<Client> clients, long deadline) throws InterruptedException {
    for (int i = 0; i < plan.connections(); i++) {
      if (!connecting.tryAcquire(deadline - System.nanoTime(), TimeUnit.NANOSECONDS) || interrupted.isDone()) {
        break;
      }
      Conn conn = new Conn();
      conns.set(i, conn);
      attempted = i + 1;
      clients.get(i % clients.size()).connect(plan.base().toBuilder()
          .fail(result -> {
            error(result);
            conn.end(false);
          }).build(), conn::listen);
    }
    for (int i = attempted; i < plan.connections(); i++) {
      ended.countDown();
    }
    if (ended.getCount() == 0) {
      allEnded.complete(null);
    }
  }

  /** Sends the messages due by now; a connection whose window is full is skipped, and if all are, so is the slot. */
  private void sendDue() {
    if (stopping) {
      return;
    }
    long now = System.nanoTime();
    if (sendStart == 0) {
      if (open.get() == 0) {
        return;
      }
      sendStart = now;
    }
    long due = (long) ((now - sendStart) / 1e9 * plan.rate()) - slots;
    for (; due > 0; due--) {
      Conn conn = nextReady();
      if (conn == null) {
        skipped += due;
        slots += due;
        return;
      }
      conn.send();
      slots++;
    }
  }

  private Conn nextReady() {
    int count = attempted;
    for (int tried = 0; tried < count; tried++) {
      cursor = (cursor + 1) % count;
      Conn conn = conns.get(cursor);
      if (conn.open && conn.inFlight.get() < plan.window()) {
        return conn;
      }
    }
    return null;
  }

  /** Ends the run early: no more connects, and the main thread goes on to drain and close. */
  private void interrupt() {
    stoppedAt = System.nanoTime();
    interrupted.complete(null);
    connecting.release(plan.connections()); // wakes connectAll, which then sees the interrupt
  }

  private void report() {
    long now = System.nanoTime();
    long sentNow = sent.sum();
    long echoedNow = echoed.sum();
    long errorCount = errors.values().stream().mapToLong(LongAdder::sum).sum();
    interval = roundTripsThisSecond.getIntervalHistogram(interval);
    boolean none = interval.getTotalCount() == 0;
    // numbered by the report, not by the clock: a report the loaded JVM runs late is still that second's
    LoadSecond second = new LoadSecond(++seconds, open.get(), sentNow - lastSent,
        echoedNow - lastEchoed, inFlight.get(), errorCount,
        none ? null : LoadSummary.millis(interval.getValueAtPercentile(50)),
        none ? null : LoadSummary.millis(interval.getValueAtPercentile(99)));
    series.add(second);
    progress.show(second, !stopping ? null : interrupted.isDone() ? "interrupted, ending" : "ending");
    lastSent = sentNow;
    lastEchoed = echoedNow;
  }

  private void error(SocketResult result) {
    if (stopping && result.errorKind() == ErrorKind.ABORTED) {
      return; // a connect still in progress at the end, counted as unfinished
    }
    count(key(result));
  }

  private void count(String key) {
    errors.computeIfAbsent(key, k -> new LongAdder()).increment();
  }

  /**
   * @param result a failure
   * @return the platform's errMsg (naming the API) or Alipay's code and message, prefixed with {@code onError} for
   *     an error event
   */
  static String key(SocketResult result) {
    String api = result.api() == null ? "onError" : result.api();
    if (result.errMsg() != null) {
      return result.api() == null ? "onError " + result.errMsg() : result.errMsg();
    }
    String code = result.error().isPresent() ? String.valueOf(result.error().getAsInt()) : "null";
    return api + " error " + code + " " + result.errorMessage();
  }

  private void answered() {
    if (inFlight.decrementAndGet() == 0 && stopping) {
      drained.complete(null);
    }
  }

  private LoadSummary summary() {
    Map<String, Long> counted = new TreeMap<>();
    errors.forEach((key, count) -> counted.put(key, count.sum()));
    long end = sendEnd == 0 ? System.nanoTime() : sendEnd;
    double sendSeconds = sendStart == 0 ? 0 : (end - sendStart) / 1e9;
    Duration stoppedAfter = interrupted.isDone() ? Duration.ofNanos(stoppedAt - start) : null;
    return new LoadSummary(plan, stoppedAfter, opened.sum(), failed.sum(), plan.connections() - attempted,
        unfinished.sum(), closedAbnormally.sum(), connectMicros.copy(), roundTripMicros.copy(), sent.sum(),
        echoed.sum(), sendFailed.sum(), unexpected.sum(), skipped, sendSeconds, counted, List.copyOf(series));
  }

  private static void await(CompletableFuture<?> future, long nanos) throws InterruptedException {
    try {
      future.get(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      // the time is up: go on
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** One connection. */
  private final class Conn {
    private final long connectStart = System.nanoTime();
    private final AtomicBoolean done = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<Long, Long> pending = new ConcurrentHashMap<>();
    private volatile SocketTask task;
    private volatile boolean open;
    private volatile boolean wasOpen;

    void listen(SocketTask socket) {
      task = socket;
      socket.onOpen(event -> {
        connectMicros.recordValue((System.nanoTime() - connectStart) / 1000);
        opened.increment();
        LoadRun.this.open.incrementAndGet();
        wasOpen = true;
        open = true;
        connecting.release();
      });
      socket.onMessage(this::echo);
      socket.onError(LoadRun.this::error);
      socket.onClose(this::closed);
    }

    void send() {
      long seq = sequence.incrementAndGet();
      String prefix = seq + " ";
      String text = prefix + padding.substring(0, Math.max(0, plan.size() - prefix.length()));
      pending.put(seq, System.nanoTime());
      inFlight.incrementAndGet();
      LoadRun.this.inFlight.incrementAndGet();
      sent.increment();
      task.send(SendOptions.builder().data(text).fail(result -> {
        if (pending.remove(seq) != null) {
          inFlight.decrementAndGet();
          sendFailed.increment();
          answered();
        }
        error(result);
      }).build());
    }

    private void echo(MessageEvent message) {
      long now = System.nanoTime();
      String text = message.text();
      int space = text.indexOf(' ');
      Long sentAt = null;
      try {
        sentAt = pending.remove(Long.parseLong(space < 0 ? text : text.substring(0, space)));
      } catch (NumberFormatException e) {
        // not one of ours: counted below
      }
      if (sentAt == null) {
        unexpected.increment();
        return;
      }
      roundTripMicros.recordValue((now - sentAt) / 1000);
      roundTripsThisSecond.recordValue((now - sentAt) / 1000);
      echoed.increment();
      inFlight.decrementAndGet();
      answered();
    }

    private void closed(CloseEvent close) {
      if (wasOpen) {
        open = false;
        LoadRun.this.open.decrementAndGet();
        if (!stopping || close.code() != 1000) {
          closedAbnormally.increment();
          count("onClose " + close.code() + " " + close.reason());
        }
      }
      end(wasOpen);
    }

    /** Counts the end of this connection once: failed if it never opened. */
    void end(boolean afterOpen) {
      if (!done.compareAndSet(false, true)) {
        return;
      }
      if (!afterOpen) {
        if (stopping) {
          unfinished.increment();
        } else {
          failed.increment();
        }
        connecting.release();
      }
      int lost = pending.size();
      pending.clear();
      for (int i = 0; i < lost; i++) {
        answered();
      }
      ended.countDown();
      if (ended.getCount() == 0) {
        allEnded.complete(null);
      }
    }
  }
}
