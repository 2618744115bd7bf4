package io.minisocket.cli;

import io.minisocket.core.ConnectOptions;
import io.minisocket.core.SocketTask;
import io.minisocket.core.spi.PlatformFacade;
import java.util.function.Consumer;

/**
 * One platform facade, driven the same way by every command: it connects with the platform's own call and hands the
 * task over as soon as the platform would give it to JavaScript.
 */
final class Client implements AutoCloseable {
  /** The platform's own connect call. */
  @FunctionalInterface
  interface Connector {
    /**
     * @param options url, header, protocols and callbacks (uni-app needs at least one to return a task)
     * @param onTask  receives the task when the platform hands it out: at once, or when Taro's Promise resolves
     *                (never when it is rejected)
     */
    void connect(ConnectOptions options, Consumer<SocketTask> onTask);
  }

  private final Platform platform;
  private final PlatformFacade facade;
  private final String returns;
  private final Connector connector;

  Client(Platform platform, PlatformFacade facade, String returns, Connector connector) {
    this.platform = platform;
    this.facade = facade;
    this.returns = returns;
    this.connector = connector;
  }

  /**
   * Connects. The options' callbacks report the result in the platform's shape.
   *
   * @param options url, header, protocols and callbacks
   * @param onTask  receives the task when the platform hands it out
   */
  void connect(ConnectOptions options, Consumer<SocketTask> onTask) {
    connector.connect(options, onTask);
  }

  Platform platform() {
    return platform;
  }

  PlatformFacade facade() {
    return facade;
  }

  /** @return what {@code connectSocket} returns on this platform, as the demo shows it */
  String returns() {
    return returns;
  }

  @Override
  public void close() {
    facade.close();
  }
}
