package io.minisocket.transport.vertx;

import io.minisocket.core.transport.ConnectRequest;
import io.minisocket.core.transport.Connection;
import io.minisocket.core.transport.ConnectionEvents;
import io.minisocket.core.transport.ExplainingTrustManager;
import io.minisocket.core.transport.Transport;
import io.minisocket.core.transport.TransportFailure;
import io.minisocket.core.transport.TrustSource;
import io.netty.channel.EventLoop;
import io.vertx.core.Context;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.ProxyOptions;
import io.vertx.core.net.ProxyType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The MiniSocket {@link Transport} on the Vert.x Core 5 WebSocket client.
 *
 * <p>Create one per runtime and share it; it is thread-safe. {@link #create()} starts a private {@link Vertx} that
 * {@link #close()} stops; {@link #create(Vertx)} uses yours and never closes it. Every connection runs on one
 * Vert.x event loop, where all its events are delivered in order. The connections share one Vert.x {@code
 * WebSocketClient} (one per distinct connect timeout), which {@link #close()} closes.
 *
 * <pre>{@code
 * try (VertxTransport transport = VertxTransport.create()) {
 *   Connection c = transport.connect(request, events);
 * }
 * }</pre>
 */
public final class VertxTransport implements Transport {

  private static final Logger LOG = LogManager.getLogger(VertxTransport.class);
  private static final long CLOSE_WAIT_SECONDS = 10;

  private final Vertx vertx;
  private final boolean ownsVertx;
  private final VertxTransportOptions options;
  private final WebSocketClientOptions clientTemplate;
  private final Set<VertxConnection> live = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();
  /**
   * The Vert.x clients, one per connect timeout (the only setting that differs between connections and that only
   * {@link WebSocketClientOptions} carries: the TCP connect and TLS handshake timeouts); guarded by itself.
   */
  private final Map<Long, WebSocketClient> clients = new HashMap<>();

  private VertxTransport(Vertx vertx, boolean ownsVertx, VertxTransportOptions options,
      WebSocketClientOptions clientTemplate) {
    this.vertx = vertx;
    this.ownsVertx = ownsVertx;
    this.options = options;
    this.clientTemplate = clientTemplate;
  }

  /**
   * A transport with default options on its own {@link Vertx}, which {@link #close()} closes.
   *
   * @return the transport
   * @throws IllegalStateException if the class path holds a Netty older than 4.2 (see {@link
   *     #create(VertxTransportOptions)})
   */
  public static VertxTransport create() {
    return create(VertxTransportOptions.defaults());
  }

  /**
   * A transport with the given options on its own {@link Vertx}, which {@link #close()} closes.
   *
   * @param options the settings
   * @return the transport
   * @throws IllegalArgumentException if a configured trust file cannot be read or parsed
   * @throws IllegalStateException if the class path holds a Netty older than 4.2, which Vert.x 5 cannot run on; the
   *     message names the versions found and the fix (import {@code io.netty:netty-bom} 4.2.x)
   */
  public static VertxTransport create(VertxTransportOptions options) {
    Objects.requireNonNull(options, "options");
    NettyVersionCheck.requireNetty42(Vertx.class.getClassLoader());
    WebSocketClientOptions template = clientOptions(options); // fails before a Vertx is started
    return new VertxTransport(Vertx.vertx(), true, options, template);
  }

  /**
   * A transport with default options on a {@link Vertx} that the caller owns: {@link #close()} never closes it.
   *
   * @param vertx the Vert.x instance to run on
   * @return the transport
   */
  public static VertxTransport create(Vertx vertx) {
    return create(vertx, VertxTransportOptions.defaults());
  }

  /**
   * A transport with the given options on a {@link Vertx} that the caller owns: {@link #close()} never closes it.
   *
   * @param vertx   the Vert.x instance to run on
   * @param options the settings
   * @return the transport
   * @throws IllegalArgumentException if a configured trust file cannot be read or parsed
   */
  public static VertxTransport create(Vertx vertx, VertxTransportOptions options) {
    Objects.requireNonNull(vertx, "vertx");
    return new VertxTransport(vertx, false, options, clientOptions(Objects.requireNonNull(options, "options")));
  }

  /** @return the options this transport was created with */
  public VertxTransportOptions options() {
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
    if (closed.get()) {
      return VertxConnection.failedAtOnce(events,
          TransportFailure.of(TransportFailure.Kind.ABORTED, "transport is closed", null));
    }
    VertxConnection connection = new VertxConnection(this, newContext(), request, events);
    live.add(connection);
    if (closed.get()) { // raced with close(): close() may not have seen it
      connection.abort("transport closed");
    } else {
      connection.start();
    }
    return connection;
  }

  /**
   * Aborts every open or opening connection (they report {@link TransportFailure.Kind#ABORTED}) and, if this
   * transport created its {@link Vertx}, closes it and waits up to 10 seconds for that. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    List<CompletableFuture<Void>> pending = new ArrayList<>();
    for (VertxConnection c : List.copyOf(live)) {
      pending.add(c.abort("transport closed"));
    }
    boolean onVertxThread = Context.isOnVertxThread();
    if (!onVertxThread) {
      await(CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)), "connections");
    }
    List<WebSocketClient> toClose;
    synchronized (clients) {
      toClose = List.copyOf(clients.values());
      clients.clear();
    }
    for (WebSocketClient client : toClose) {
      CompletableFuture<Void> clientClosed = client.close().toCompletionStage().toCompletableFuture();
      if (!onVertxThread) {
        await(clientClosed, "a Vert.x WebSocketClient");
      }
    }
    if (ownsVertx) {
      CompletableFuture<Void> done = vertx.close().toCompletionStage().toCompletableFuture();
      if (!onVertxThread) {
        await(done, "Vert.x");
      }
    }
  }

  private static void await(CompletableFuture<?> future, String what) {
    try {
      future.get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("Closing the transport: {} did not close cleanly", what, e);
    }
  }

  Vertx vertx() {
    return vertx;
  }

  /**
   * The client for connects with this timeout, created on first use. Only a client's options carry the TCP connect
   * and TLS handshake timeouts, so connects share a client per {@linkplain #timeoutBucket bucket} of timeouts (at
   * most 32 clients, however many distinct timeouts the connects ask for); each connection enforces its own exact
   * timeout with its timer, which never fires after the client's.
   *
   * @return the client, or null once the transport is closed
   */
  WebSocketClient client(long connectTimeoutMillis) {
    synchronized (clients) {
      if (closed.get()) {
        return null;
      }
      return clients.computeIfAbsent(timeoutBucket(connectTimeoutMillis), t -> vertx.createWebSocketClient(
          new WebSocketClientOptions(clientTemplate)
              .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, t))
              .setSslHandshakeTimeout(t)
              .setSslHandshakeTimeoutUnit(TimeUnit.MILLISECONDS)));
    }
  }

  /**
   * @param timeoutMillis a connect's timeout, at least 1
   * @return the smallest power of two of milliseconds at or above it: the timeout of the client it connects with
   */
  static long timeoutBucket(long timeoutMillis) {
    if (timeoutMillis <= 1) {
      return 1;
    }
    return timeoutMillis > 1L << 62 ? 1L << 62 : Long.highestOneBit(timeoutMillis - 1) << 1;
  }

  /** @return how many Vert.x clients this transport holds */
  int clientCount() {
    synchronized (clients) {
      return clients.size();
    }
  }

  void ended(VertxConnection connection) {
    live.remove(connection);
  }

  int liveConnections() {
    return live.size();
  }

  /**
   * A fresh event-loop context per connection, so that connections spread over the event loops; its event loop is
   * a capturing view of the real one, of this connection only, so that the connection learns its channel (see
   * {@link ChannelCapturingEventLoop}).
   */
  private ContextInternal newContext() {
    if (!(vertx instanceof VertxInternal internal)) {
      return (ContextInternal) vertx.getOrCreateContext();
    }
    EventLoop loop = internal.nettyEventLoopGroup().next();
    return internal.contextBuilder()
        .withThreadingModel(ThreadingModel.EVENT_LOOP)
        .withEventLoop(new ChannelCapturingEventLoop(loop))
        .build();
  }

  private static WebSocketClientOptions clientOptions(VertxTransportOptions options) {
    WebSocketClientOptions o = new WebSocketClientOptions()
        .setTcpNoDelay(options.tcpNoDelay())
        .setMaxFrameSize(options.maxFrameSize())
        .setClosingTimeout((int) Math.max(1, (options.closingTimeoutMillis() + 999) / 1000))
        .setMaxConnections(Integer.MAX_VALUE)
        .setTryUsePerMessageCompression(false)
        .setTryUsePerFrameCompression(false)
        .setSslEngineOptions(new TlsFailureRecordingSslEngineOptions());
    if (options.trustAll()) {
      o.setTrustAll(true).setVerifyHost(false);
    } else {
      o.setVerifyHost(options.verifyHost());
      o.setTrustOptions(TrustManagerOptions.of(new ExplainingTrustManager(TrustSource.trustManager(options.trust()))));
    }
    if (options.clientCertificatePem() != null) {
      o.setKeyCertOptions(new PemKeyCertOptions()
          .addCertValue(Buffer.buffer(read(options.clientCertificatePem())))
          .addKeyValue(Buffer.buffer(read(options.clientKeyPem()))));
    }
    if (options.proxyHost() != null) {
      o.setProxyOptions(new ProxyOptions().setType(ProxyType.HTTP).setHost(options.proxyHost())
          .setPort(options.proxyPort()).setUsername(options.proxyUsername()).setPassword(options.proxyPassword()));
    }
    return o;
  }

  private static byte[] read(Path path) {
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + path, new UncheckedIOException(e));
    }
  }
}
