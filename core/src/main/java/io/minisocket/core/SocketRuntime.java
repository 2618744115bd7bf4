package io.minisocket.core;

import io.minisocket.core.internal.DefaultSocketRuntime;
import io.minisocket.core.loop.EventLoop;
import io.minisocket.core.spi.PlatformProfile;
import io.minisocket.core.transport.Transport;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * The engine behind a platform facade: it validates connect options under a {@link PlatformProfile} and a
 * {@link SocketConfig}, enforces the profile's connection limit, keeps the single global socket, and creates
 * {@link SocketTask}s over a {@link Transport}. Adapters ({@code Wx}, {@code My}, ...) wrap one runtime each;
 * it can also be used directly.
 *
 * <p>Thread-safe. {@link #close()} ends every task; it does not close the transport, which its creator owns.
 */
public interface SocketRuntime extends AutoCloseable {

  /**
   * A builder for a runtime with the given platform rules.
   *
   * @param profile   the platform's rules
   * @param transport the transport to connect through (not closed by the runtime)
   * @return the builder
   */
  static Builder builder(PlatformProfile profile, Transport transport) {
    return new Builder(profile, transport);
  }

  /**
   * Opens a socket. Never throws for bad options: they reach the {@code fail} callback in the platform's shape and
   * the returned task is already {@link SocketTask#CLOSED}. No callback or event of the task runs before this
   * method has returned it, as in JavaScript; and listeners added in the connect callbacks see every event.
   *
   * @param options url, header, ... and callbacks
   * @return the task
   */
  SocketTask connectSocket(ConnectOptions options);

  /**
   * Opens the single global socket that the deprecated global API ({@code onSocketOpen},
   * {@code sendSocketMessage}, ...) drives. While one is not closed, a second global connect is refused or
   * replaces it, as the profile says.
   *
   * @param options url, header, ... and callbacks
   * @return the task
   */
  SocketTask connectGlobalSocket(ConnectOptions options);

  /**
   * @return the global socket while it is not closed: the socket of {@link #connectGlobalSocket}, or the oldest
   *     task that is not closed when the profile says so
   */
  Optional<SocketTask> globalSocket();

  /** @return the deprecated global socket API ({@code onSocketOpen}, {@code sendSocketMessage}, ...) */
  GlobalSocketApi globalApi();

  /** @return the tasks that are not closed, oldest first */
  List<SocketTask> tasks();

  /** @return the event loop this runtime's callbacks and events run on, or empty when it has none */
  Optional<EventLoop> eventLoop();

  /** @return the platform's rules */
  PlatformProfile profile();

  /** @return the app configuration */
  SocketConfig config();

  /**
   * A success result in the platform's shape.
   *
   * @param api the platform API name
   * @return the result
   * @deprecated a facade helper, not for users: a facade calls {@code PlatformFacade.success(String)}; kept for this
   *     release
   */
  @Deprecated(since = "0.1.0", forRemoval = false)
  default SocketResult success(String api) {
    return DefaultSocketRuntime.of(this).facadeSuccess(api);
  }

  /**
   * A failure result in the platform's shape.
   *
   * @param api     the platform API name
   * @param kind    what went wrong
   * @param message what was wrong, or {@code null} for the profile's wording of {@code kind}
   * @return the result
   * @deprecated a facade helper, not for users: a facade calls {@code PlatformFacade.failure(String, ErrorKind,
   *     String)}; kept for this release
   */
  @Deprecated(since = "0.1.0", forRemoval = false)
  default SocketResult failure(String api, ErrorKind kind, String message) {
    return DefaultSocketRuntime.of(this).facadeFailure(api, kind, message);
  }

  /**
   * Runs success or fail (by the result), then complete, after the current call returned.
   *
   * @param callbacks the callbacks, may be {@link Callbacks#none()}
   * @param result    the result to deliver
   * @deprecated a facade helper, not for users: a facade calls {@code PlatformFacade.deliver(Callbacks,
   *     SocketResult)}; kept for this release
   */
  @Deprecated(since = "0.1.0", forRemoval = false)
  default void deliver(Callbacks callbacks, SocketResult result) {
    DefaultSocketRuntime.of(this).deliverLater(callbacks, result);
  }

  /** Ends every task that is not closed (without a closing handshake). Idempotent. */
  @Override
  void close();

  /** Builds a {@link SocketRuntime}. */
  final class Builder {
    private final PlatformProfile profile;
    private final Transport transport;
    private SocketConfig config = SocketConfig.defaults();
    private Executor callbackExecutor = ForkJoinPool.commonPool();
    private EventLoop eventLoop;

    private Builder(PlatformProfile profile, Transport transport) {
      this.profile = Objects.requireNonNull(profile, "profile");
      this.transport = Objects.requireNonNull(transport, "transport");
    }

    /**
     * @param config the app configuration (default {@link SocketConfig#defaults()})
     * @return this builder
     */
    public Builder config(SocketConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /**
     * Where callbacks run that follow a user's call (a fail for bad input, say) rather than a network event;
     * network events run their listeners on the transport's thread. Default: the common fork-join pool. Not used
     * with an {@link #eventLoop event loop}, which runs both.
     *
     * @param executor the executor
     * @return this builder
     */
    public Builder callbackExecutor(Executor executor) {
      this.callbackExecutor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Runs every callback, listener and event of this runtime's tasks on an event loop, one at a time, never
     * before the code that caused it has returned (see {@link EventLoop}); replaces {@link #callbackExecutor}.
     * Each socket keeps the loop {@linkplain EventLoop#hasPendingWork() pending} until its close event has run.
     * Default: none.
     *
     * @param loop the loop, or {@code null} for none
     * @return this builder
     */
    public Builder eventLoop(EventLoop loop) {
      this.eventLoop = loop;
      return this;
    }

    /** @return the runtime */
    public SocketRuntime build() {
      return new DefaultSocketRuntime(profile, transport, config, callbackExecutor, eventLoop);
    }
  }
}
