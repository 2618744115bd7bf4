package io.minisocket.testkit;

import io.minisocket.testkit.internal.ConnectionEngine;
import io.minisocket.testkit.internal.ConnectionHost;
import io.minisocket.testkit.internal.RequestHead;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A scriptable WebSocket server for tests, in the spirit of OkHttp's {@code MockWebServer}: it listens on
 * 127.0.0.1 and an ephemeral port (never on another interface), answers each connection's opening handshake by a
 * {@link Handshake} policy, runs a {@link Script} on accepted connections, and records everything it receives.
 *
 * <pre>{@code
 * try (MockWebSocketServer server = MockWebSocketServer.builder()
 *     .script(Script.reply(text -> "re: " + text).closeAfter(2, 4000, "done"))
 *     .start()) {
 *   server.enqueue(Handshake.rejectWith(503));        // the first connection only
 *   ... connect a client to server.url("/chat?room=1") ...
 *   RecordedRequest request = server.takeRequest(Duration.ofSeconds(5));
 *   RecordedMessage message = server.takeMessage(Duration.ofSeconds(5));
 *   server.awaitDisconnect(Duration.ofSeconds(5));     // the client did not leak its socket
 * }
 * }</pre>
 *
 * <p>Each accepted TCP connection takes the next {@linkplain #enqueue(Handshake, Script) enqueued} handshake and
 * script, or the builder's defaults ({@link Handshake#accept()} and {@link Script#echo()}). The protocol is
 * implemented on plain {@code java.net} sockets (one thread per connection) so that faults such as a stalled
 * handshake, a wrong sub-protocol or a TCP reset can be produced on purpose. TLS uses a {@link SelfSignedCertificate}.
 *
 * <p>Blocking accessors ({@code take...}, {@code await...}) throw {@link AssertionError} on timeout, so a test fails
 * with a message naming what was missing. Thread-safe.
 */
public final class MockWebSocketServer implements AutoCloseable {
  private static final AtomicInteger SERVERS = new AtomicInteger();

  private final SelfSignedCertificate certificate;
  private final SSLContext sslContext;
  private final Handshake defaultHandshake;
  private final Script defaultScript;
  private final int maxMessageSize;
  private final ServerSocket listener;
  private final int port;
  private final String name;
  private final Thread acceptor;
  private final ScheduledExecutorService timer;
  private final CountDownLatch closedLatch = new CountDownLatch(1);
  private final AtomicInteger connectionIds = new AtomicInteger();
  private final Queue<Object[]> plans = new ConcurrentLinkedQueue<>();
  private final ConnectionHost host = new Host();

  private final List<ServerConnection> connections = new CopyOnWriteArrayList<>();
  private final BlockingQueue<ServerConnection> connectionQueue = new LinkedBlockingQueue<>();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final BlockingQueue<RecordedRequest> requestQueue = new LinkedBlockingQueue<>();
  private final List<RecordedMessage> messages = new ArrayList<>();
  private final BlockingQueue<RecordedMessage> messageQueue = new LinkedBlockingQueue<>();
  private final List<RecordedClose> closes = new CopyOnWriteArrayList<>();
  private final BlockingQueue<RecordedClose> closeQueue = new LinkedBlockingQueue<>();

  private volatile boolean readingPaused;

  private MockWebSocketServer(Builder builder) throws IOException {
    this.certificate = builder.certificate;
    this.sslContext = certificate == null ? null : certificate.serverSslContext();
    this.defaultHandshake = builder.handshake;
    this.defaultScript = builder.script;
    this.maxMessageSize = builder.maxMessageSize;
    this.listener = new ServerSocket();
    try {
      if (builder.receiveBufferSize > 0) {
        listener.setReceiveBufferSize(builder.receiveBufferSize); // inherited by accepted sockets
      }
      listener.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 64);
    } catch (IOException e) {
      listener.close();
      throw e;
    }
    this.port = listener.getLocalPort();
    this.name = "MockWebSocketServer-" + SERVERS.incrementAndGet() + ":" + port;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> thread(r, name + "-timer"));
    this.acceptor = daemon(this::acceptLoop, name + "-accept");
  }

  /** @return a builder for a plain server with the default handshake and script */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A port on 127.0.0.1 where nothing listens (bound once and released), for "connection refused" tests. Another
   * process could take it in between; on a test machine that is rare.
   *
   * @return the port
   */
  public static int unusedPort() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("cannot find a free port", e);
    }
  }

  /** @return the port it listens on */
  public int port() {
    return port;
  }

  /** @return {@code ws://127.0.0.1:port/}, or {@code wss://localhost:port/} (the certificate's name) with TLS */
  public String url() {
    return url("/");
  }

  /**
   * @param path path and query, e.g. {@code /chat?room=1}; a missing leading {@code /} is added
   * @return {@code ws://127.0.0.1:port/path}, or {@code wss://localhost:port/path} with TLS
   */
  public String url(String path) {
    String target = path.startsWith("/") ? path : "/" + path;
    return (certificate == null ? "ws://127.0.0.1:" : "wss://localhost:") + port + target;
  }

  /** @return the certificate presented, or {@code null} for a plain server */
  public SelfSignedCertificate certificate() {
    return certificate;
  }

  /**
   * Sets how the next accepted TCP connection not yet given a plan is handled; plans are used in order, then the
   * defaults apply again.
   *
   * @param handshake the handshake policy
   * @param script    the script, used if the handshake is accepted
   */
  public void enqueue(Handshake handshake, Script script) {
    plans.add(new Object[] {Objects.requireNonNull(handshake, "handshake"), Objects.requireNonNull(script, "script")});
  }

  /**
   * Like {@link #enqueue(Handshake, Script)} with the default script.
   *
   * @param handshake the handshake policy for the next connection
   */
  public void enqueue(Handshake handshake) {
    enqueue(handshake, defaultScript);
  }

  /**
   * Like {@link #enqueue(Handshake, Script)} with the default handshake.
   *
   * @param script the script for the next connection
   */
  public void enqueue(Script script) {
    enqueue(defaultHandshake, script);
  }

  /**
   * Takes the next handshake request not yet taken (requests are queued in arrival order).
   *
   * @param timeout how long to wait
   * @return the request
   * @throws AssertionError when none arrives in time
   */
  public RecordedRequest takeRequest(Duration timeout) {
    return take(requestQueue, timeout, "handshake request");
  }

  /**
   * Takes the next received data message not yet taken, from any connection.
   *
   * @param timeout how long to wait
   * @return the message
   * @throws AssertionError when none arrives in time
   */
  public RecordedMessage takeMessage(Duration timeout) {
    return take(messageQueue, timeout, "message");
  }

  /**
   * Takes the next close frame received from a client and not yet taken.
   *
   * @param timeout how long to wait
   * @return the close frame's code and reason
   * @throws AssertionError when none arrives in time
   */
  public RecordedClose awaitClose(Duration timeout) {
    return take(closeQueue, timeout, "close frame");
  }

  /**
   * Takes the next accepted TCP connection not yet taken, to control it at runtime.
   *
   * @param timeout how long to wait
   * @return the connection
   * @throws AssertionError when none is accepted in time
   */
  public ServerConnection takeConnection(Duration timeout) {
    return take(connectionQueue, timeout, "connection");
  }

  /**
   * Waits until every TCP connection accepted so far is gone, e.g. to prove that a client closed (did not leak) its
   * socket after a failure or an abort. A connection whose reading is paused cannot notice a disconnect.
   *
   * @param timeout how long to wait in all
   * @throws AssertionError naming the connections still there after {@code timeout}
   */
  public void awaitDisconnect(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (ServerConnection connection : connections) {
      long left = Math.max(0, deadline - System.nanoTime());
      try {
        connection.awaitDisconnect(Duration.ofNanos(left));
      } catch (AssertionError e) {
        throw new AssertionError("still connected after " + timeout + ": " + openConnections(), e);
      }
    }
  }

  /** @return every handshake request read so far, in order (taking does not remove them from here) */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /** @return every data message received so far from any connection, in order of arrival */
  public List<RecordedMessage> received() {
    synchronized (messages) {
      return List.copyOf(messages);
    }
  }

  /** @return every close frame received so far, in order */
  public List<RecordedClose> closes() {
    return List.copyOf(closes);
  }

  /** @return every TCP connection accepted so far, in order */
  public List<ServerConnection> connections() {
    return List.copyOf(connections);
  }

  /** @return how many TCP connections were accepted so far */
  public int connectionCount() {
    return connections.size();
  }

  /** @return the TCP connections still there */
  public List<ServerConnection> openConnections() {
    List<ServerConnection> open = new ArrayList<>();
    for (ServerConnection connection : connections) {
      if (connection.isConnected()) {
        open.add(connection);
      }
    }
    return open;
  }

  /** Stops reading on every connection, present and future, until {@link #resumeReading()}: a slow reader. */
  public void pauseReading() {
    readingPaused = true;
  }

  /** Reads again on every connection that is not paused on its own ({@link ServerConnection#pauseReading()}). */
  public void resumeReading() {
    readingPaused = false;
    for (ServerConnection connection : connections) {
      connection.engine().wakeUp();
    }
  }

  /**
   * Pings every open WebSocket connection; the pongs are recorded per connection.
   *
   * @return completes when every pinged connection answered, exceptionally when one ended first
   */
  public CompletableFuture<Void> ping() {
    List<CompletableFuture<byte[]>> pongs = new ArrayList<>();
    for (ServerConnection connection : connections) {
      if (connection.isOpen()) {
        pongs.add(connection.ping());
      }
    }
    return CompletableFuture.allOf(pongs.toArray(CompletableFuture[]::new));
  }

  /**
   * Closes the listening socket, so new connections are refused; connections already accepted go on.
   */
  public void stopAccepting() {
    try {
      listener.close();
    } catch (IOException e) {
      // already closed
    }
  }

  /** Stops listening and closes every connection's socket (no close frames). Idempotent. */
  @Override
  public void close() {
    closedLatch.countDown();
    stopAccepting();
    for (ServerConnection connection : connections) {
      connection.engine().closeRaw();
    }
    timer.shutdownNow();
    try {
      acceptor.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** @return {@code MockWebSocketServer[url, n connections]} */
  @Override
  public String toString() {
    return "MockWebSocketServer[" + url() + ", " + connections.size() + " connections]";
  }

  /** The server as its connections' engines see it. */
  private final class Host implements ConnectionHost {
    @Override
    public SSLContext sslContext() {
      return sslContext;
    }

    @Override
    public int maxMessageSize() {
      return maxMessageSize;
    }

    @Override
    public boolean isClosed() {
      return MockWebSocketServer.this.isClosed();
    }

    @Override
    public boolean isReadingPaused() {
      return readingPaused;
    }

    @Override
    public boolean awaitClosed(Duration delay) throws InterruptedException {
      return closedLatch.await(delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void schedule(Runnable task, long delayMillis) {
      try {
        timer.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        task.run(); // the server is closing: do it now
      }
    }

    @Override
    public RecordedRequest request(int connectionId, RequestHead head) {
      return new RecordedRequest(connectionId, head.method(), head.target(), head.httpVersion(), head.headers());
    }

    @Override
    public void record(RecordedRequest request) {
      requests.add(request);
      requestQueue.add(request);
    }

    @Override
    public void recordText(int connectionId, String text) {
      record(RecordedMessage.text(connectionId, text));
    }

    @Override
    public void recordBinary(int connectionId, byte[] bytes) {
      record(RecordedMessage.binary(connectionId, bytes));
    }

    private void record(RecordedMessage message) {
      synchronized (messages) {
        messages.add(message);
      }
      messageQueue.add(message);
    }

    @Override
    public void record(RecordedClose close) {
      closes.add(close);
      closeQueue.add(close);
    }
  }

  private boolean isClosed() {
    return closedLatch.getCount() == 0;
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      Socket socket;
      try {
        socket = listener.accept();
      } catch (IOException e) {
        return; // closed
      }
      try {
        socket.setTcpNoDelay(true);
      } catch (IOException e) {
        // keep going with Nagle
      }
      Object[] plan = plans.poll();
      Handshake handshake = plan == null ? defaultHandshake : (Handshake) plan[0];
      Script script = plan == null ? defaultScript : (Script) plan[1];
      int id = connectionIds.incrementAndGet();
      ConnectionEngine engine = new ConnectionEngine(host, id, socket, handshake.policy(), script.steps());
      ServerConnection connection = new ServerConnection(this, id, handshake, script, engine);
      connections.add(connection);
      connectionQueue.add(connection);
      if (isClosed()) {
        engine.closeRaw();
      }
      daemon(engine::run, name + "-connection-" + id);
    }
  }

  private static Thread daemon(Runnable task, String threadName) {
    Thread thread = thread(task, threadName);
    thread.start();
    return thread;
  }

  private static Thread thread(Runnable task, String threadName) {
    Thread thread = new Thread(task, threadName);
    thread.setDaemon(true);
    return thread;
  }

  private static <T> T take(BlockingQueue<T> queue, Duration timeout, String what) {
    try {
      T item = queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
      if (item == null) {
        throw new AssertionError("no " + what + " within " + timeout);
      }
      return item;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a " + what, e);
    }
  }

  /** Configures a {@link MockWebSocketServer} before {@link #start()}. */
  public static final class Builder {
    private SelfSignedCertificate certificate;
    private Handshake handshake = Handshake.accept();
    private Script script = Script.echo();
    private int receiveBufferSize = 64 * 1024;
    private int maxMessageSize = 64 * 1024 * 1024;

    private Builder() {
    }

    /**
     * @param certificate the certificate to present: the server speaks {@code wss://}
     * @return this builder
     */
    public Builder tls(SelfSignedCertificate certificate) {
      this.certificate = Objects.requireNonNull(certificate, "certificate");
      return this;
    }

    /**
     * @param handshake the policy for every connection not given an {@linkplain #enqueue(Handshake, Script)
     *                  enqueued} one; default {@link Handshake#accept()}
     * @return this builder
     */
    public Builder handshake(Handshake handshake) {
      this.handshake = Objects.requireNonNull(handshake, "handshake");
      return this;
    }

    /**
     * @param script the script for every connection not given an enqueued one; default {@link Script#echo()}
     * @return this builder
     */
    public Builder script(Script script) {
      this.script = Objects.requireNonNull(script, "script");
      return this;
    }

    /**
     * The accepted sockets' receive buffer. Small by default (64 KiB) so that {@linkplain #pauseReading() paused
     * reading} backs a client up after little data; the client's own send buffer adds to it.
     *
     * @param bytes the SO_RCVBUF size, or 0 for the operating system's default (auto-tuned on Linux)
     * @return this builder
     */
    public Builder receiveBufferSize(int bytes) {
      if (bytes < 0) {
        throw new IllegalArgumentException("negative buffer size: " + bytes);
      }
      this.receiveBufferSize = bytes;
      return this;
    }

    /**
     * @param bytes the largest data message accepted (fragments joined); a larger one is answered with close code
     *              1009. Default 64 MiB.
     * @return this builder
     */
    public Builder maxMessageSize(int bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("message size must be positive: " + bytes);
      }
      this.maxMessageSize = bytes;
      return this;
    }

    /**
     * Binds 127.0.0.1 on an ephemeral port and starts accepting.
     *
     * @return the started server; close it when done
     * @throws java.io.UncheckedIOException when it cannot bind
     */
    public MockWebSocketServer start() {
      try {
        return new MockWebSocketServer(this);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("cannot start the mock WebSocket server", e);
      }
    }
  }
}
