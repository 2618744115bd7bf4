package io.minisocket.adapter.my;

import io.minisocket.core.ConnectOptions;
import io.minisocket.core.SendOptions;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.SocketTask;
import io.minisocket.core.spi.HostPlatform;
import io.minisocket.core.spi.PlatformFacade;
import io.minisocket.core.transport.Transport;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Alipay's {@code my}: {@code my.connectSocket} with its two modes, the global socket API of the single-instance
 * mode ({@code onSocketOpen}, {@code sendSocketMessage}, {@code closeSocket}, {@code offSocketOpen}, ...) and
 * Alipay's numeric error codes.
 *
 * <p><b>Two modes, two methods.</b> In JavaScript, {@code my.connectSocket} returns a {@code SocketTask} only when
 * {@code multiple: true} is passed; otherwise it returns nothing and the one connection is driven through
 * {@code my.onSocketOpen}, {@code my.sendSocketMessage}, ... In Java the mode is in the method you call, so a task
 * is never handed out that the platform would not give, and none is ever lost:
 * <ul>
 *   <li>{@link #connectSocket(ConnectOptions)} returns nothing: the single-instance socket, driven through the
 *       global API. A second one while the first is not closed fails with error 2.</li>
 *   <li>{@link #connectSocketTask(ConnectOptions)} returns the {@link SocketTask} ({@code multiple: true}).</li>
 *   <li>{@link #connectSocket(Map)} is the JavaScript form: {@code multiple} in the map (or, when the map does not
 *       say, {@link MySettings#defaultMultiple()}) chooses, and the result holds the task exactly when one was
 *       created.</li>
 * </ul>
 * At most {@link MySettings#connectionLimit()} sockets (5) are connecting or open at once, the single-instance one
 * included; one more fails with error 1.
 *
 * <p><b>Results.</b> A failure carries Alipay's numeric {@code error} and {@code errorMessage}
 * ({@link io.minisocket.core.SocketResult#error()}, {@link io.minisocket.core.SocketResult#errorMessage()}), not
 * {@code errMsg}: 2 connection already exists, 3 url empty, 4 url not parsable, 5 not ws/wss, 20 ws where wss is
 * required, 6 connect timed out, 7 certificate invalid, 8 invalid handshake response, 9 sub-protocol mismatch,
 * 10 not open, 11 send failed as the connection dropped, 12 send queue bound exceeded, 1 anything else. As on
 * Alipay, {@code success} of a connect means the request was accepted; a connection that then fails to open
 * (6, 7, 8, 9, 1) is reported to {@code onError} / {@code onSocketError}, then {@code onClose}.
 *
 * <p><b>Options.</b> url, header, protocols, data (appended to the url as a query string), timeout (ms; default
 * the settings' configuration's, Alipay's 30 s unless set), multiple, success, fail, complete; {@code method} is not
 * an Alipay option and is ignored. {@code sendSocketMessage} and {@code SocketTask.send} take Alipay's
 * {@code isBuffer: true} with Base64 {@code data} ({@link #sendSocketMessage(Map)}, {@link #sendOptions(Map)},
 * {@link #bufferMessage(String)}).
 *
 * <p>Thread-safe. {@link #close()} ends every socket of this facade, and closes the transport if the facade
 * created it ({@link #create()}).
 */
public final class My extends PlatformFacade {
  /**
   * The connect timeout unless a {@code timeout} option or a configuration says otherwise: Alipay's 30000 ms.
   *
   * @deprecated a fact of Alipay, stated in {@link HostPlatform#ALIPAY}: {@code MySettings.defaults().config()
   *     .connectTimeout()}
   */
  @Deprecated(since = "0.1.0", forRemoval = false)
  public static final Duration DEFAULT_TIMEOUT = HostPlatform.ALIPAY.defaultConfig().connectTimeout();

  private final MySettings settings;

  private My(Transport transport, boolean ownsTransport, MySettings settings) {
    super(MyProfiles.profile(settings), settings, transport, ownsTransport);
    this.settings = settings;
  }

  /**
   * A facade on the transport found on the class path (e.g. {@code minisocket-transport-vertx}), with the default
   * settings; {@link #close()} closes that transport.
   *
   * @return the facade
   * @throws IllegalStateException when no transport is on the class path
   */
  public static My create() {
    return create(MySettings.defaults());
  }

  /**
   * A facade on the transport found on the class path; {@link #close()} closes that transport.
   *
   * @param settings the Alipay-side switches, limit, app configuration and event loop
   * @return the facade
   * @throws IllegalStateException when no transport is on the class path
   */
  public static My create(MySettings settings) {
    Objects.requireNonNull(settings, "settings");
    return onDiscoveredTransport(transport -> new My(transport, true, settings));
  }

  /**
   * A facade with the default settings.
   *
   * @param transport the transport to connect through; stays the caller's to close
   * @return the facade
   */
  public static My create(Transport transport) {
    return create(transport, MySettings.defaults());
  }

  /**
   * A facade with the given settings, whose configuration's connect timeout applies to connects without a
   * {@code timeout} option (Alipay's 30 s unless the settings' configuration says otherwise).
   *
   * @param transport the transport to connect through; stays the caller's to close
   * @param settings  the Alipay-side switches, limit, app configuration and event loop
   * @return the facade
   */
  public static My create(Transport transport, MySettings settings) {
    Objects.requireNonNull(settings, "settings");
    return new My(transport, false, settings);
  }

  /**
   * A facade with the given settings and configuration.
   *
   * @param transport the transport to connect through; stays the caller's to close
   * @param settings  the Alipay-side switches
   * @param config    the app configuration (timeout, url check, domain allow-list, send queue bound)
   * @return the facade
   * @deprecated the configuration is in the settings, as for every facade:
   *     {@code My.create(transport, settings.toBuilder().config(config).build())}
   */
  @Deprecated(since = "0.1.0", forRemoval = false)
  public static My create(Transport transport, MySettings settings, SocketConfig config) {
    return create(transport, settings.toBuilder().config(config).build());
  }

  /**
   * The configuration a facade gets unless one is set: {@link SocketConfig#defaults()} with Alipay's 30 s connect
   * timeout.
   *
   * @return the configuration
   * @deprecated a fact of Alipay, stated in {@link HostPlatform#ALIPAY}: {@code MySettings.defaults().config()}
   */
  @Deprecated(since = "0.1.0", forRemoval = false)
  public static SocketConfig defaultConfig() {
    return MySettings.defaults().config();
  }

  /** @return the Alipay-side switches of this facade */
  public MySettings settings() {
    return settings;
  }

  /**
   * {@code my.connectSocket} in single-instance mode: opens the one socket that {@link #onSocketOpen},
   * {@link #sendSocketMessage(SendOptions)}, {@link #closeSocket(io.minisocket.core.CloseOptions)}, ... drive;
   * nothing is returned. While that socket is not closed, another call fails with error 2. Options that ask for
   * {@code multiple(true)} fail with error 1, naming {@link #connectSocketTask}.
   *
   * @param options url, header, protocols, data, timeout and callbacks
   */
  public void connectSocket(ConnectOptions options) {
    ConnectOptions prepared = MyOptions.dataInUrl(Objects.requireNonNull(options, "options"));
    if (Boolean.TRUE.equals(options.multiple())) {
      prepared = prepared.toBuilder().problem("multiple: true returns a SocketTask, which this method cannot "
          + "hand back: call connectSocketTask(options)").build();
    }
    runtime().connectGlobalSocket(prepared);
  }

  /**
   * {@code my.connectSocket} with {@code multiple: true}: opens a socket of its own and returns its task. Options
   * that say {@code multiple(false)} fail with error 1, naming {@link #connectSocket(ConnectOptions)}; the task
   * returned is then already closed.
   *
   * @param options url, header, protocols, data, timeout and callbacks
   * @return the task; already {@link SocketTask#CLOSED} when the connect failed at once (then {@code fail} ran)
   */
  public SocketTask connectSocketTask(ConnectOptions options) {
    ConnectOptions prepared = MyOptions.dataInUrl(Objects.requireNonNull(options, "options"));
    if (Boolean.FALSE.equals(options.multiple())) {
      prepared = prepared.toBuilder().problem("multiple: false opens the single-instance socket: call "
          + "connectSocket(options)").build();
    }
    return runtime().connectSocket(prepared);
  }

  /**
   * {@code my.connectSocket({...})} as JavaScript calls it: {@code url}, {@code data}, {@code header},
   * {@code protocols}, {@code timeout} (ms), {@code multiple}, {@code success}, {@code fail}, {@code complete}
   * (each a {@code Consumer<SocketResult>}). With {@code multiple: true} — or without {@code multiple} when
   * {@link MySettings#defaultMultiple()} is on — the socket's task is returned; otherwise this is the
   * single-instance socket and the result is empty, as JavaScript's {@code undefined}.
   *
   * @param object the options object
   * @return the task in multiple mode, empty in single-instance mode
   */
  public Optional<SocketTask> connectSocket(Map<String, ?> object) {
    ConnectOptions options = connectOptions(object);
    boolean multiple = options.multiple() != null ? options.multiple() : settings.defaultMultiple();
    if (multiple) {
      return Optional.of(connectSocketTask(options));
    }
    connectSocket(options);
    return Optional.empty();
  }

  /**
   * {@code my.sendSocketMessage({...})} on the single-instance socket: {@code data} (a String, or with
   * {@code isBuffer: true} a Base64 string sent as a binary message), {@code success}, {@code fail},
   * {@code complete}. Invalid Base64 fails with error 1 and nothing is sent.
   *
   * @param object the options object
   */
  @Override
  public void sendSocketMessage(Map<String, ?> object) {
    sendSocketMessage(MyOptions.sendOptions(object));
  }

  /**
   * Send options from a JavaScript-style object with Alipay's keys, for {@code SocketTask.send} (whose options are
   * those of {@code my.sendSocketMessage}): {@code task.send(My.sendOptions(Map.of("data", "AAEC", "isBuffer",
   * true)))}.
   *
   * @param object {@code data}, {@code isBuffer}, {@code success}, {@code fail}, {@code complete}
   * @return the options; a problem in them (a non-boolean {@code isBuffer}, invalid Base64) fails the send
   */
  public static SendOptions sendOptions(Map<String, ?> object) {
    return MyOptions.sendOptions(object);
  }

  /**
   * The typed form of {@code isBuffer: true}: options whose data is the given Base64 text decoded, sent as a
   * binary message. Invalid Base64 fails the send with error 1, saying so. (Java code holding the bytes passes a
   * {@code byte[]} or {@code ByteBuffer} as {@code data} instead.)
   *
   * @param base64 standard Base64 (RFC 4648; padding optional, whitespace ignored)
   * @return a builder to add {@code success}/{@code fail}/{@code complete} to
   */
  public static SendOptions.Builder bufferMessage(String base64) {
    return MyOptions.buffer(base64);
  }
}
