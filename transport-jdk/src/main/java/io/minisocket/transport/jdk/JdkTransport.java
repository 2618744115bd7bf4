package io.minisocket.transport.jdk;

import io.minisocket.core.transport.ConnectRequest;
import io.minisocket.core.transport.Connection;
import io.minisocket.core.transport.ConnectionEvents;
import io.minisocket.core.transport.Transport;
import io.minisocket.core.transport.TransportFailure;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.LogManager;
import javax.net.ssl.SSLContext;
import org.apache.logging.log4j.Logger;

/**
 * The MiniSocket {@link Transport} on the JDK's own {@code java.net.http.WebSocket}: no dependency beyond the JDK,
 * for applications that cannot take Vert.x 5 or Netty 4.2.
 *
 * <pre>{@code
 * try (JdkTransport transport = JdkTransport.create()) {
 *   Connection c = transport.connect(request, events);
 * }
 * }</pre>
 *
 * <p><b>Lifecycle.</b> Create one per runtime and share it. It owns one {@link HttpClient}, a pool of daemon
 * threads ({@code minisocket-jdk-N}) that runs the client and every connection, and one timer thread.
 * {@link #close()} aborts every connection and stops both; the JDK 17 client's own selector thread ends when the
 * client is no longer referenced (the JDK 17 {@code HttpClient} cannot be closed).
 *
 * <p><b>Threading.</b> Thread-safe: connect, send, close and abort from any thread; they never block. The events of
 * one connection are delivered one at a time, in order, on a pool thread; different connections run in parallel.
 *
 * <p><b>Nothing lost.</b> Every connect ends in {@code opened} then one terminal event, or in one {@code failed};
 * every send completes exactly once, also when the connection ends with sends still queued or being written.
 *
 * <p><b>What the JDK cannot do.</b> The opening handshake is always a {@code GET}. The handshake's response headers
 * are not exposed: they are caught on their way past the client's cookie handler, which tells handshakes apart only
 * by URI, so {@code opened} reports none for handshakes to the same URI that overlap. The JDK refuses request
 * headers it manages itself ({@code Connection}, {@code Host}, {@code Upgrade}, {@code Sec-WebSocket-*}, ...),
 * which then fail the connect, and close codes a client may not send ({@code 1002}, {@code 1003}, {@code 1007},
 * {@code 1009}, {@code 1010}, {@code 1012}–{@code 1014}, above {@code 4999}), which then fail the connection. The
 * JDK 17 client may not notice a peer that drops the connection right after sending data until it next writes: a
 * write that fails with an I/O error ends the connection.
 */
public final class JdkTransport implements Transport {

  private static final Logger LOG = LogManager.getLogger(JdkTransport.class);
  private static final long CLOSE_WAIT_SECONDS = 10;
  private static final AtomicInteger TRANSPORTS = new AtomicInteger();

  private final JdkTransportOptions options;
  private final String poolThreadPrefix;
  private final ExecutorService pool;
  private final ScheduledThreadPoolExecutor timer;
  private final HttpClient client;
  private final ResponseHeaders responseHeaders = new ResponseHeaders();
  private final Set<JdkConnection> live = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();

  private JdkTransport(JdkTransportOptions options, SSLContext sslContext) {
    this.options = options;
    int id = TRANSPORTS.incrementAndGet();
    this.poolThreadPrefix = "minisocket-jdk-" + id + "-";
    this.pool = Executors.newCachedThreadPool(daemons(poolThreadPrefix));
    this.timer = new ScheduledThreadPoolExecutor(1, daemons("minisocket-jdk-" + id + "-timer-"));
    timer.setRemoveOnCancelPolicy(true);
    this.client = HttpClient.newBuilder().executor(pool).sslContext(sslContext)
        .cookieHandler(responseHeaders).build();
  }

  /**
   * A transport with default options.
   *
   * @return the transport; close it when done
   */
  public static JdkTransport create() {
    return create(JdkTransportOptions.defaults());
  }

  /**
   * A transport with the given options.
   *
   * @param options the settings
   * @return the transport; close it when done
   * @throws IllegalArgumentException if a configured trust file cannot be read or parsed
   */
  public static JdkTransport create(JdkTransportOptions options) {
    Objects.requireNonNull(options, "options");
    return new JdkTransport(options, TlsContexts.of(options)); // a bad trust file fails before a thread starts
  }

  /** @return the options this transport was created with */
  public JdkTransportOptions options() {
    return options;
  }

  /**
   * Starts opening a WebSocket; see {@link Transport#connect}. After {@link #close()} the connection fails at once
   * (with {@link TransportFailure.Kind#ABORTED}).
   */
  @Override
  public Connection connect(ConnectRequest request, ConnectionEvents events) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(events, "events");
    JdkConnection connection = new JdkConnection(this, request, events);
    live.add(connection);
    if (closed.get()) { // also when close() raced with this connect and did not see it
      connection.abort("transport is closed");
    } else {
      connection.start();
    }
    return connection;
  }

  /**
   * Aborts every open or opening connection (they report {@link TransportFailure.Kind#ABORTED}), waits up to 10
   * seconds for them to end (not when called from one of this transport's own threads, such as inside a callback),
   * then stops this transport's threads. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    List<CompletableFuture<Void>> pending = new ArrayList<>();
    for (JdkConnection c : List.copyOf(live)) {
      pending.add(c.abort("transport closed"));
    }
    boolean onOwnThread = Thread.currentThread().getName().startsWith(poolThreadPrefix);
    try {
      if (!onOwnThread) { // a connection's events may run on this very thread: waiting for them would stall
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("Closing the transport: connections did not end cleanly", e);
    }
    timer.shutdownNow();
    pool.shutdown();
  }

  HttpClient client() {
    return client;
  }

  ResponseHeaders responseHeaders() {
    return responseHeaders;
  }

  ExecutorService pool() {
    return pool;
  }

  /** Runs {@code task} after {@code millis}, on the timer thread; nothing runs once the transport is closed. */
  Future<?> schedule(Runnable task, long millis) {
    if (closed.get()) {
      return CompletableFuture.completedFuture(null);
    }
    try {
      return timer.schedule(task, millis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.completedFuture(null);
    }
  }

  void ended(JdkConnection connection) {
    live.remove(connection);
  }

  int liveConnections() {
    return live.size();
  }

  private static ThreadFactory daemons(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
