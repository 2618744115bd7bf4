package io.minisocket.example.qq;

import io.minisocket.core.ConnectOptions;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.SocketRuntime;
import io.minisocket.core.SocketTask;
import io.minisocket.core.spi.HostPlatform;
import io.minisocket.core.spi.PlatformFacade;
import io.minisocket.core.transport.Transport;
import java.util.Map;
import java.util.Objects;

/**
 * The QQ mini-program's {@code qq} object for WebSockets: {@code qq.connectSocket} returning a {@link SocketTask},
 * and the deprecated global socket API ({@code qq.onSocketOpen}, {@code qq.sendSocketMessage}, ...) inherited from
 * {@link PlatformFacade}.
 *
 * <pre>{@code
 * try (QQ qq = QQ.create(VertxTransport.create())) {
 *   SocketTask task = qq.connectSocket(ConnectOptions.builder().url("wss://example.com/socket")
 *       .fail(res -> System.err.println(res.errMsg()))
 *       .build());
 *   task.onOpen(res -> task.send("hello"));
 * }
 * }</pre>
 *
 * <p>An example of a third-party adapter: it is written against MiniSocket's public API and SPI only. Rules: wss
 * only, at most 5 sockets at once ({@code connectSocket:fail exceed max concurrent count}), {@code url} and
 * {@code header} ({@code Referer} refused), {@code errMsg} results ({@code connectSocket:ok},
 * {@code sendSocketMessage:fail WebSocket is not connected}, ...).
 *
 * <p>Thread-safe. {@link #close()} ends every socket, and the transport when {@link #create()} found it.
 */
public final class QQ extends PlatformFacade {

  private QQ(SocketRuntime runtime, Transport ownedTransport) {
    super(runtime, ownedTransport);
  }

  /**
   * A facade over the transport found on the class path (e.g. {@code minisocket-transport-vertx}), with the
   * default configuration; {@link #close()} closes that transport.
   *
   * @return the facade
   * @throws IllegalStateException when no transport is on the class path
   */
  public static QQ create() {
    return onDiscoveredTransport(transport -> new QQ(runtime(transport, HostPlatform.QQ.defaultConfig()), transport));
  }

  /**
   * A facade with the default configuration (60 s connect timeout, url check on, any domain, 16 MiB send queue).
   *
   * @param transport the transport to connect through; stays the caller's to close
   * @return the facade
   */
  public static QQ create(Transport transport) {
    return create(transport, HostPlatform.QQ.defaultConfig());
  }

  /**
   * @param transport the transport to connect through; stays the caller's to close
   * @param config    the app configuration: connect timeout, url check, socket domain allow-list, send queue bound
   * @return the facade
   */
  public static QQ create(Transport transport, SocketConfig config) {
    return new QQ(runtime(Objects.requireNonNull(transport, "transport"), config), null);
  }

  private static SocketRuntime runtime(Transport transport, SocketConfig config) {
    return SocketRuntime.builder(QQProfile.PROFILE, transport).config(Objects.requireNonNull(config, "config"))
        .build();
  }

  /**
   * {@code qq.connectSocket(OBJECT)}: opens a WebSocket. Never throws for bad options: {@code fail} receives
   * {@code connectSocket:fail <reason>} and the returned task is already closed.
   *
   * @param options url, header and callbacks; other options are ignored
   * @return the task
   */
  public SocketTask connectSocket(ConnectOptions options) {
    return runtime().connectSocket(Objects.requireNonNull(options, "options"));
  }

  /**
   * {@code qq.connectSocket(OBJECT)} with a JavaScript-style object: {@code url} (string), {@code header} (object),
   * {@code success}/{@code fail}/{@code complete} ({@code Consumer<SocketResult>}). Keys QQ does not know are
   * ignored; a value of the wrong type fails the call, naming the key.
   *
   * @param object the options object
   * @return the task
   */
  public SocketTask connectSocket(Map<String, ?> object) {
    return connectSocket(connectOptions(object));
  }
}
