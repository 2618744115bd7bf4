package io.minisocket.adapter.taro;

import io.minisocket.core.ConnectOptions;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.SocketTask;
import io.minisocket.core.spi.PlatformFacade;
import io.minisocket.core.transport.Transport;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Taro's WebSocket API on the JVM: {@code Taro.connectSocket(...)} returns a Promise — here a
 * {@link CompletableFuture} — of the {@link SocketTask}.
 *
 * <pre>{@code
 * try (Taro taro = Taro.create(VertxTransport.create())) {
 *   taro.connectSocket(ConnectOptions.builder().url("wss://example.com/echo")
 *           .success(res -> System.out.println("connect success")).build())
 *       .thenAccept(task -> {
 *         task.onOpen(open -> task.send(SendOptions.of("xxx")));
 *         task.onMessage(msg -> task.close());
 *         task.onClose(e -> System.out.println("onClose: " + e));
 *       });
 * }
 * }</pre>
 *
 * <p><b>The Promise.</b> It settles after the {@code success} (or {@code fail}) and {@code complete} callbacks ran:
 * resolved with the task, or rejected with a {@link TaroSocketException} carrying the fail result. When it settles is
 * {@link TaroSettings#connectResultTiming()}: by default when the connect is accepted, as Taro does (a later network
 * failure then reaches only the task's {@code onError} and {@code onClose}); optionally when the socket opens.
 * Stages chained on the returned future before it settles run on the task's callback thread before any later event
 * of the task, so listeners they register miss nothing. Java cannot hold the events back until a stage chained
 * after the call has run, as JavaScript does: a stage chained once the future has settled runs at once, after
 * whatever the task did meanwhile (a connection refused on loopback can be that fast) — check
 * {@link SocketTask#readyState()} there, or settle on open.
 *
 * <p><b>Rules.</b> At most {@link TaroSettings#connectionLimit()} sockets at once (2, the seed's; past it
 * {@code connectSocket:fail 同时最多发起 2 个 socket 请求，更多请参考文档。}); {@code wss://} required on
 * mini-program targets; options url, header, method, protocols (others are ignored). The deprecated global API
 * ({@link #onSocketOpen}, {@link #sendSocketMessage}, ...) works on the weapp, alipay and swan targets, on the oldest
 * socket that is not closed, and fails clearly on h5 and rn: {@code onSocketX} throws
 * {@link UnsupportedOperationException}, {@code sendSocketMessage}/{@code closeSocket} fail through {@code fail}.
 *
 * <p>Thread-safe. {@link #close()} ends every socket, and the transport when this facade created it.
 */
public final class Taro extends PlatformFacade {
  private final TaroSettings settings;

  private Taro(Transport transport, boolean ownsTransport, TaroSettings settings) {
    super(TaroProfiles.profile(settings), settings, transport, ownsTransport);
    this.settings = settings;
  }

  /**
   * A facade with the default settings, over the transport found on the class path (e.g. minisocket-transport-vertx),
   * which {@link #close()} closes.
   *
   * @return the facade
   * @throws IllegalStateException when no transport is on the class path
   */
  public static Taro create() {
    return create(TaroSettings.defaults());
  }

  /**
   * A facade over the transport found on the class path, which {@link #close()} closes.
   *
   * @param settings target, connection limit, Promise timing, app configuration and event loop
   * @return the facade
   * @throws IllegalStateException when no transport is on the class path
   */
  public static Taro create(TaroSettings settings) {
    Objects.requireNonNull(settings, "settings");
    return onDiscoveredTransport(transport -> new Taro(transport, true, settings));
  }

  /**
   * A facade with the default settings.
   *
   * @param transport the transport to connect through; the caller keeps ownership
   * @return the facade
   */
  public static Taro create(Transport transport) {
    return create(transport, TaroSettings.defaults());
  }

  /**
   * @param transport the transport to connect through; the caller keeps ownership
   * @param settings  target, connection limit, Promise timing, app configuration and event loop
   * @return the facade
   */
  public static Taro create(Transport transport, TaroSettings settings) {
    Objects.requireNonNull(settings, "settings");
    return new Taro(transport, false, settings);
  }

  /**
   * @param transport the transport to connect through; the caller keeps ownership
   * @param settings  target, connection limit and Promise timing
   * @param config    the app configuration: connect timeout, url check, socket domain allow-list, send queue bound
   * @return the facade
   * @deprecated the configuration is in the settings, as for every facade:
   *     {@code Taro.create(transport, settings.toBuilder().config(config).build())}
   */
  @Deprecated(since = "0.1.0", forRemoval = false)
  public static Taro create(Transport transport, TaroSettings settings, SocketConfig config) {
    return create(transport, settings.toBuilder().config(config).build());
  }

  /** @return the settings this facade was created with */
  public TaroSettings settings() {
    return settings;
  }

  /**
   * {@code Taro.connectSocket(OBJECT)}: opens a WebSocket. Never throws for bad options: {@code fail} and
   * {@code complete} run and the returned future is rejected.
   *
   * @param options url, header, method, protocols, success, fail, complete
   * @return the Promise of the task: resolved with it, or rejected with a {@link TaroSocketException}
   */
  public CompletableFuture<SocketTask> connectSocket(ConnectOptions options) {
    Objects.requireNonNull(options, "options");
    return connectForPromise(options, false, (result, task, promise) -> {
      if (result.ok()) {
        promise.complete(task);
      } else {
        promise.completeExceptionally(new TaroSocketException(result));
      }
    });
  }

  /**
   * {@link #connectSocket(ConnectOptions)} with a JavaScript-style object: {@code {url, header, method, protocols,
   * success, fail, complete}}, callbacks as {@code Consumer<SocketResult>}. A value of the wrong type fails the
   * call through {@code fail}, naming the key.
   *
   * @param object the options object
   * @return the Promise of the task
   */
  public CompletableFuture<SocketTask> connectSocket(Map<String, ?> object) {
    return connectSocket(connectOptions(object));
  }

  @Override
  public String toString() {
    return "Taro{" + settings + ", sockets=" + runtime().tasks().size() + "}";
  }
}
