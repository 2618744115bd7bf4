package io.minisocket.core.spi;

import io.minisocket.core.Callbacks;
import io.minisocket.core.CloseEvent;
import io.minisocket.core.CloseOptions;
import io.minisocket.core.ConnectOptions;
import io.minisocket.core.ErrorKind;
import io.minisocket.core.GlobalSocketApi;
import io.minisocket.core.JsOptions;
import io.minisocket.core.MessageEvent;
import io.minisocket.core.OpenEvent;
import io.minisocket.core.SendOptions;
import io.minisocket.core.SocketResult;
import io.minisocket.core.SocketRuntime;
import io.minisocket.core.SocketTask;
import io.minisocket.core.internal.DefaultSocketRuntime;
import io.minisocket.core.loop.EventLoop;
import io.minisocket.core.transport.Transport;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
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
   * A facade over a new runtime: the platform's profile over the transport, with the settings' configuration and
   * event loop.
   *
   * @param profile       the platform's rules
   * @param settings      the facade's settings
   * @param transport     the transport to connect through
   * @param ownsTransport whether this facade created the transport and closes it on {@link #close()}
   */
  protected PlatformFacade(PlatformProfile profile, FacadeSettings settings, Transport transport,
      boolean ownsTransport) {
    this(SocketRuntime.builder(profile, Objects.requireNonNull(transport, "transport")).config(settings.config())
        .eventLoop(settings.eventLoop().orElse(null)).build(), ownsTransport ? transport : null);
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

  /**
   * {@code connectSocket}'s options from a JavaScript-style object, read as this platform reads them: options the
   * profile does not accept are ignored unchecked (or refused, as its {@link PlatformProfile#unsupportedOption()}
   * says), a value of the wrong type fails the call naming the key, in the platform's wording where known. Every
   * facade's {@code connectSocket(Map)} reads its object here.
   *
   * @param object the options object ({@code url}, {@code header}, ..., callbacks as {@code Consumer<SocketResult>})
   * @return the options, possibly carrying a problem that fails the call
   */
  protected final ConnectOptions connectOptions(Map<String, ?> object) {
    return JsOptions.connectOptions(object, runtime.profile());
  }

  /**
   * Opens a socket whose outcome settles a Promise, for platforms whose {@code connectSocket} returns one (uni-app
   * without callbacks, Taro). The Promise settles once success or fail, then complete (the caller's, if any), ran:
   * on the task's callback thread, in order with its events, so stages chained before it settles miss no event. The
   * rule gets the task too; should the callbacks overtake the return of the connect (possible only off an event
   * loop's thread), the rule runs as the connect returns — on the facade's event loop, if it has one.
   *
   * @param options the options, whose complete callback runs before the rule
   * @param global  whether this is the global socket ({@link SocketRuntime#connectGlobalSocket})
   * @param rule    how the platform settles its Promise from the result and the task
   * @param <T>     what the Promise resolves with
   * @return the Promise
   */
  protected final <T> CompletableFuture<T> connectForPromise(ConnectOptions options, boolean global,
      PromiseRule<T> rule) {
    CompletableFuture<T> promise = new CompletableFuture<>();
    CompletableFuture<SocketTask> created = new CompletableFuture<>();
    Executor settleOn = eventLoop().<Executor>map(loop -> loop).orElse(Runnable::run);
    Consumer<SocketResult> userComplete = options.callbacks().complete();
    ConnectOptions settling = options.toBuilder().complete(result -> {
      try {
        if (userComplete != null) {
          userComplete.accept(result);
        }
      } finally {
        if (created.isDone()) {
          rule.settle(result, created.join(), promise);
        } else {
          created.thenAcceptAsync(task -> rule.settle(result, task, promise), settleOn);
        }
      }
    }).build();
    created.complete(global ? runtime.connectGlobalSocket(settling) : runtime.connectSocket(settling));
    return promise;
  }

  /**
   * A success result in the platform's shape, for a call the facade answers itself.
   *
   * @param api the platform API name
   * @return the result
   */
  protected final SocketResult success(String api) {
    return DefaultSocketRuntime.of(runtime).facadeSuccess(api);
  }

  /**
   * A failure result in the platform's shape, for a call the facade answers itself (e.g. an API the platform lacks).
   *
   * @param api     the platform API name
   * @param kind    what went wrong
   * @param message what was wrong, or {@code null} for the profile's wording of {@code kind}
   * @return the result
   */
  protected final SocketResult failure(String api, ErrorKind kind, String message) {
    return DefaultSocketRuntime.of(runtime).facadeFailure(api, kind, message);
  }

  /**
   * Runs success or fail (by the result), then complete, after the current call returned, as the platforms do.
   *
   * @param callbacks the callbacks, may be {@link Callbacks#none()}
   * @param result    the result to deliver
   */
  protected final void deliver(Callbacks callbacks, SocketResult result) {
    DefaultSocketRuntime.of(runtime).deliverLater(callbacks, result);
  }

  /**
   * How a platform settles the Promise of {@link #connectForPromise}.
   *
   * @param <T> what the Promise resolves with
   */
  @FunctionalInterface
  protected interface PromiseRule<T> {
    /**
     * Settles the Promise; runs once, on the task's callback thread.
     *
     * @param result  the connect's success or fail result
     * @param task    the task the connect returned
     * @param promise the Promise to resolve or reject
     */
    void settle(SocketResult result, SocketTask task, CompletableFuture<T> promise);
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
