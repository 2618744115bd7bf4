package io.minisocket.adapter.wx;

import io.minisocket.core.ConnectOptions;
import io.minisocket.core.SocketTask;
import io.minisocket.core.spi.PlatformFacade;
import io.minisocket.core.transport.Transport;
import java.util.Map;
import java.util.Objects;

/**
 * WeChat's {@code wx} object for WebSockets: {@code wx.connectSocket} returning a {@link SocketTask}, and the global
 * socket API ({@code onSocketOpen}, {@code onSocketError}, {@code sendSocketMessage}, {@code onSocketMessage},
 * {@code closeSocket}, {@code onSocketClose}), with WeChat's rules and result shapes.
 *
 * <pre>{@code
 * try (Wx wx = Wx.create(VertxTransport.create())) {
 *   SocketTask task = wx.connectSocket(ConnectOptions.builder()
 *       .url("wss://example.qq.com")
 *       .header("content-type", "application/json")
 *       .protocols("protocol1")
 *       .fail(res -> System.err.println(res.errMsg()))     // connectSocket:fail url not in domain list
 *       .build());
 *   task.onOpen(res -> task.send(SendOptions.of("hello")));
 *   task.onMessage(res -> System.out.println(res.data()));
 * }
 * }</pre>
 *
 * <p><b>Rules.</b> {@code wss://} only while the url check is on; the host must be on the socket domain allow-list
 * ({@code connectSocket:fail url not in domain list}); {@code Referer} cannot be set; {@code method} must be one of
 * OPTIONS GET HEAD POST PUT DELETE TRACE CONNECT (the WebSocket handshake itself is always a {@code GET} on the wire,
 * RFC 6455); at most {@link WxSettings#connectionLimit()} sockets (5) connecting or open at once
 * ({@code connectSocket:fail exceed max concurrent count}).
 *
 * <p><b>Results.</b> {@code errMsg} {@code connectSocket:ok}, {@code connectSocket:fail <reason>},
 * {@code sendSocketMessage:ok}, {@code closeSocket:ok}, ...; {@code onError} carries the bare reason, e.g.
 * {@code Timed out connecting to server.}. {@code connectSocket}'s success runs once the request is accepted, as in
 * WeChat; a network failure after that reaches {@code onError} and {@code onClose}.
 *
 * <p><b>Global API.</b> It acts on the global socket: the oldest task that is not closed. Each {@code onSocketX}
 * keeps one handler; a new call replaces it. {@code sendSocketMessage} before the socket opened fails with
 * {@code sendSocketMessage:fail WebSocket is not connected}. {@code closeSocket} before it opened does not leave
 * the connection open (in WeChat it is ignored): the handshake is cancelled.
 *
 * <p><b>Base library before 1.7.0</b> ({@link WxSettings.Builder#baseLibraryVersion(String)}): one connection only;
 * a new {@code connectSocket} closes the existing one (code 1000) and opens the new one. WeChat's
 * {@code connectSocket} returned nothing then; this facade still returns the task, which is the global socket that
 * the global API drives, so ported code may ignore it.
 *
 * <p>Thread-safe. {@link #close()} ends every socket and, for {@link #create()}, closes the transport.
 */
public final class Wx extends PlatformFacade {
  private final WxSettings settings;

  private Wx(Transport transport, boolean ownsTransport, WxSettings settings) {
    super(WxProfiles.profile(settings), settings, transport, ownsTransport);
    this.settings = settings;
  }

  /**
   * A facade with default settings over the transport found on the class path (e.g.
   * {@code minisocket-transport-vertx}); {@link #close()} closes that transport.
   *
   * @return the facade
   * @throws IllegalStateException when no transport module is on the class path
   */
  public static Wx create() {
    return create(WxSettings.defaults());
  }

  /**
   * A facade over the transport found on the class path; {@link #close()} closes that transport.
   *
   * @param settings the base library version, limit and app configuration to emulate
   * @return the facade
   * @throws IllegalStateException when no transport module is on the class path
   */
  public static Wx create(WxSettings settings) {
    Objects.requireNonNull(settings, "settings");
    return onDiscoveredTransport(transport -> new Wx(transport, true, settings));
  }

  /**
   * A facade with default settings over the given transport, which stays the caller's to close.
   *
   * @param transport the transport to connect through
   * @return the facade
   */
  public static Wx create(Transport transport) {
    return create(transport, WxSettings.defaults());
  }

  /**
   * A facade over the given transport, which stays the caller's to close.
   *
   * @param transport the transport to connect through
   * @param settings  the base library version, limit and app configuration to emulate
   * @return the facade
   */
  public static Wx create(Transport transport, WxSettings settings) {
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(settings, "settings");
    return new Wx(transport, false, settings);
  }

  /** @return the settings this facade emulates */
  public WxSettings settings() {
    return settings;
  }

  /**
   * {@code wx.connectSocket(OBJECT)}: opens a WebSocket. Never throws for bad options: {@code fail} receives
   * {@code connectSocket:fail <reason>} and the returned task is already closed.
   *
   * <p>Before base library 1.7.0, the existing connection is closed first and the task returned is the new global
   * socket (WeChat returned nothing then).
   *
   * @param options url, header, method, protocols (data is accepted and not sent) and callbacks
   * @return the task
   */
  public SocketTask connectSocket(ConnectOptions options) {
    Objects.requireNonNull(options, "options");
    return settings.multipleSockets() ? runtime().connectSocket(options) : runtime().connectGlobalSocket(options);
  }

  /**
   * {@code wx.connectSocket(OBJECT)} with a JavaScript-style object: {@code url} (string), {@code header} (object),
   * {@code method} (string), {@code protocols} (list of strings), {@code data} (object, accepted and not sent),
   * {@code success}/{@code fail}/{@code complete} ({@code Consumer<SocketResult>}). An unknown key, and an option
   * WeChat does not have (Alipay's {@code multiple} and {@code timeout}), is logged at debug level and ignored
   * whatever its value; a key of the wrong type makes the call fail, naming the key
   * ({@code connectSocket:fail url must be a string, got number}).
   *
   * @param object the options object
   * @return the task
   */
  public SocketTask connectSocket(Map<String, ?> object) {
    return connectSocket(connectOptions(object));
  }
}
