package io.minisocket.adapter.uni;

import io.minisocket.adapter.uni.UniConnection.Vue2Result;
import io.minisocket.core.ConnectOption;
import io.minisocket.core.ConnectOptions;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.SocketTask;
import io.minisocket.core.spi.PlatformFacade;
import io.minisocket.core.spi.PlatformProfile;
import io.minisocket.core.transport.Transport;
import java.util.Map;
import java.util.Objects;

/**
 * uni-app's {@code uni} object: {@code uni.connectSocket} and the deprecated global socket API
 * ({@code uni.onSocketOpen}, {@code onSocketError}, {@code onSocketMessage}, {@code onSocketClose},
 * {@code sendSocketMessage}, {@code closeSocket}), under the rules of the {@linkplain UniSettings#target() target
 * platform}.
 *
 * <p><b>SocketTask or Promise.</b> {@link #connectSocket(ConnectOptions)} returns a {@link UniConnection.TaskMode
 * SocketTask} when at least one of success, fail or complete is given, and otherwise a Promise that resolves with
 * {@code {errMsg: "connectSocket:ok"}} (the task is then not reachable) — or, in the Vue 2 style, always resolves
 * with {@code [err, res]}.
 *
 * <p><b>The global socket.</b> A socket opened without callbacks is the one global socket that the global API acts
 * on; while it is not closed, another connect without callbacks fails. On {@code mp-alipay} the global socket is
 * instead every socket without {@code multiple: true} (Alipay's single-instance mode); on {@code mp-toutiao}, which
 * has no global API, there is no global socket and the global API throws {@link UnsupportedOperationException}
 * ({@code onSocketX}) or fails ({@code sendSocketMessage}, {@code closeSocket}).
 *
 * <pre>{@code
 * try (Uni uni = Uni.create(transport, UniSettings.of(UniPlatform.APP))) {
 *   SocketTask task = uni.connectSocket(ConnectOptions.builder().url("wss://example.com/socket")
 *       .complete(res -> {}).build()).task();
 *   task.onOpen(res -> task.send("hello"));
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} ends every socket and closes the transport if this facade created it.
 */
public final class Uni extends PlatformFacade {

  private final UniSettings settings;

  private Uni(Transport transport, boolean ownsTransport, UniSettings settings) {
    super(UniProfiles.profile(settings), settings, transport, ownsTransport);
    this.settings = settings;
  }

  /**
   * A facade with the default settings ({@code mp-weixin}, Vue 3) over the transport found on the class path, which
   * {@link #close()} closes.
   *
   * @return the facade
   * @throws IllegalStateException when no transport module is on the class path
   */
  public static Uni create() {
    return create(UniSettings.defaults());
  }

  /**
   * A facade over the transport found on the class path, which {@link #close()} closes.
   *
   * @param settings the target platform, its overrides, the app configuration and the event loop
   * @return the facade
   * @throws IllegalStateException when no transport module is on the class path
   */
  public static Uni create(UniSettings settings) {
    Objects.requireNonNull(settings, "settings");
    return onDiscoveredTransport(transport -> new Uni(transport, true, settings));
  }

  /**
   * A facade with the default settings ({@code mp-weixin}, Vue 3).
   *
   * @param transport the transport to connect through; stays the caller's to close
   * @return the facade
   */
  public static Uni create(Transport transport) {
    return create(transport, UniSettings.defaults());
  }

  /**
   * @param transport the transport to connect through; stays the caller's to close
   * @param settings  the target platform, its overrides, the app configuration and the event loop
   * @return the facade
   */
  public static Uni create(Transport transport, UniSettings settings) {
    Objects.requireNonNull(settings, "settings");
    return new Uni(transport, false, settings);
  }

  /**
   * @param transport the transport to connect through; stays the caller's to close
   * @param settings  the target platform and its overrides
   * @param config    the app configuration
   * @return the facade
   * @deprecated the configuration is in the settings, as for every facade:
   *     {@code Uni.create(transport, settings.toBuilder().config(config).build())}
   */
  @Deprecated(since = "0.1.0", forRemoval = false)
  public static Uni create(Transport transport, UniSettings settings, SocketConfig config) {
    return create(transport, settings.toBuilder().config(config).build());
  }

  /** @return the settings this facade applies */
  public UniSettings settings() {
    return settings;
  }

  /**
   * {@code uni.connectSocket}: opens a socket. Never throws for bad options: they fail the call (fail callback, or
   * the Promise) in uni-app's shape, {@code connectSocket:fail <reason>}.
   *
   * @param options url, header, method, protocols, multiple and callbacks; options the target does not support are
   *                ignored or refused, as {@link UniSettings#unsupportedOption()} says
   * @return a SocketTask when success, fail or complete is given; otherwise a Promise
   */
  public UniConnection connectSocket(ConnectOptions options) {
    Objects.requireNonNull(options, "options");
    boolean global = opensGlobalSocket(options);
    if (options.callbacks().any()) {
      return new UniConnection.TaskMode(open(options, global));
    }
    if (settings.promiseStyle() == UniSettings.PromiseStyle.VUE2) {
      return new UniConnection.Vue2Mode(connectForPromise(options, global, (result, task, promise) ->
          promise.complete(result.ok() ? new Vue2Result(null, result) : new Vue2Result(result, null))));
    }
    return new UniConnection.PromiseMode(connectForPromise(options, global, (result, task, promise) -> {
      if (result.ok()) {
        promise.complete(result);
      } else {
        promise.completeExceptionally(new UniRejection(result));
      }
    }));
  }

  /**
   * {@link #connectSocket(ConnectOptions)} with a JavaScript-style object: {@code {url, header, method, protocols,
   * multiple, success, fail, complete}}, callbacks as {@code Consumer<SocketResult>}. While unsupported options are
   * ignored, an option the target does not support is not type-checked either (uni-app's own example passes
   * {@code data} as a function).
   *
   * @param object the options object
   * @return a SocketTask when success, fail or complete is given; otherwise a Promise
   */
  public UniConnection connectSocket(Map<String, ?> object) {
    return connectSocket(connectOptions(object));
  }


  /** Alipay's single-instance mode where the target takes {@code multiple}; otherwise a connect without callbacks. */
  private boolean opensGlobalSocket(ConnectOptions options) {
    PlatformProfile profile = runtime().profile();
    if (!profile.globalApi()) {
      return false;
    }
    if (profile.accepts(ConnectOption.MULTIPLE)) {
      return !Boolean.TRUE.equals(options.multiple());
    }
    return !options.callbacks().any();
  }

  private SocketTask open(ConnectOptions options, boolean global) {
    return global ? runtime().connectGlobalSocket(options) : runtime().connectSocket(options);
  }

  @Override
  public String toString() {
    return "Uni{" + settings + "}";
  }
}
