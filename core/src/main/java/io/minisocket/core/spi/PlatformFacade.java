package io.minisocket.core.spi;

import io.minisocket.core.CloseEvent;
import io.minisocket.core.CloseOptions;
import io.minisocket.core.GlobalSocketApi;
import io.minisocket.core.JsOptions;
import io.minisocket.core.MessageEvent;
import io.minisocket.core.OpenEvent;
import io.minisocket.core.SendOptions;
import io.minisocket.core.SocketResult;
import io.minisocket.core.SocketRuntime;
import io.minisocket.core.loop.EventLoop;
import io.minisocket.core.transport.Transport;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The base of a platform facade ({@code Wx}, {@code My}, {@code Uni}, {@code Taro}, or your own): it holds the
 * {@link SocketRuntime}, offers the global socket API under the platform's names, and releases on
 * {@link #close()} what it created. A subclass adds {@code connectSocket} with the platform's return style.
 *
 * <p><b>Lifecycle.</b> Usable from creation until {@link #close()}, which ends every socket (without a closing
 * handshake) and closes the transport if the facade created it; close a facade before its event loop.
 *
 * <p><b>Threading.</b> Thread-safe. Created on an {@link EventLoop} (through its settings), every callback,
 * listener and promise completion runs on the loop, never before the code on the loop that caused it returned;
 * otherwise they run on the transport's threads and the callback executor (see {@link io.minisocket.core.SocketTask}).
 *
 * <p><b>Nothing lost.</b> Every call ends in its callbacks; a global-API call with no socket to act on fails through
 * {@code fail}.
 */
public abstract class PlatformFacade implements GlobalSocketApi, AutoCloseable {
  private final SocketRuntime runtime;
  private final Transport ownedTransport;

  /**
   * @param runtime        the runtime to act through
   * @param ownedTransport a transport this facade created and closes on {@link #close()}, or {@code null}
   */
  protected PlatformFacade(SocketRuntime runtime, Transport ownedTransport) {
    this.runtime = Objects.requireNonNull(runtime, "runtime");
    this.ownedTransport = ownedTransport;
  }

  /**
   * Builds a facade over the first transport found with {@link ServiceLoader} (a {@link TransportProvider} on the
   * class path), for facades created without one. The facade owns that transport; it is closed again if building
   * the facade fails.
   *
   * @param factory builds the facade, passing the transport on as its owned transport
   * @param <F>     the facade type
   * @return the facade
   * @throws IllegalStateException when no transport module is on the class path
   */
  protected static <F extends PlatformFacade> F onDiscoveredTransport(Function<Transport, F> factory) {
    Transport transport = ServiceLoader.load(TransportProvider.class).findFirst()
        .orElseThrow(() -> new IllegalStateException("No MiniSocket transport on the class path: add "
            + "io.minisocket:minisocket-transport-vertx, or pass a Transport to create(...)"))
        .create();
    try {
      return factory.apply(transport);
    } catch (RuntimeException | Error e) {
      transport.close();
      throw e;
    }
  }

  /** @return the runtime behind this facade */
  public SocketRuntime runtime() {
    return runtime;
  }

  /**
   * @return the event loop this facade was created on (its settings' {@code eventLoop}), which runs all its
   *     callbacks, listeners and promise completions; empty when it has none
   */
  public Optional<EventLoop> eventLoop() {
    return runtime.eventLoop();
  }

  @Override
  public void onSocketOpen(Consumer<OpenEvent> handler) {
    runtime.globalApi().onSocketOpen(handler);
  }

  @Override
  public void onSocketMessage(Consumer<MessageEvent> handler) {
    runtime.globalApi().onSocketMessage(handler);
  }

  @Override
  public void onSocketError(Consumer<SocketResult> handler) {
    runtime.globalApi().onSocketError(handler);
  }

  @Override
  public void onSocketClose(Consumer<CloseEvent> handler) {
    runtime.globalApi().onSocketClose(handler);
  }

  @Override
  public void offSocketOpen(Consumer<OpenEvent> handler) {
    runtime.globalApi().offSocketOpen(handler);
  }

  @Override
  public void offSocketMessage(Consumer<MessageEvent> handler) {
    runtime.globalApi().offSocketMessage(handler);
  }

  @Override
  public void offSocketError(Consumer<SocketResult> handler) {
    runtime.globalApi().offSocketError(handler);
  }

  @Override
  public void offSocketClose(Consumer<CloseEvent> handler) {
    runtime.globalApi().offSocketClose(handler);
  }

  @Override
  public void sendSocketMessage(SendOptions options) {
    runtime.globalApi().sendSocketMessage(options);
  }

  /**
   * {@link #sendSocketMessage(SendOptions)} with a JavaScript-style object ({@code {data, success, ...}}).
   *
   * @param object the options object
   */
  public void sendSocketMessage(Map<String, ?> object) {
    sendSocketMessage(JsOptions.sendOptions(object));
  }

  @Override
  public void closeSocket(CloseOptions options) {
    runtime.globalApi().closeSocket(options);
  }

  /**
   * {@link #closeSocket(CloseOptions)} with a JavaScript-style object ({@code {code, reason, success, ...}}).
   *
   * @param object the options object
   */
  public void closeSocket(Map<String, ?> object) {
    closeSocket(JsOptions.closeOptions(object));
  }

  /** Ends every socket of this facade and closes the transport if the facade created it. */
  @Override
  public void close() {
    runtime.close();
    if (ownedTransport != null) {
      ownedTransport.close();
    }
  }
}
