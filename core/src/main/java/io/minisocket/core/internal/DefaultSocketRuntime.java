package io.minisocket.core.internal;

import io.minisocket.core.Callbacks;
import io.minisocket.core.ConnectOptions;
import io.minisocket.core.ErrorKind;
import io.minisocket.core.GlobalSocketApi;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.SocketResult;
import io.minisocket.core.SocketRuntime;
import io.minisocket.core.SocketTask;
import io.minisocket.core.loop.EventLoop;
import io.minisocket.core.spi.PlatformProfile;
import io.minisocket.core.spi.PlatformProfile.Api;
import io.minisocket.core.spi.Policies.ConnectResultTiming;
import io.minisocket.core.transport.ConnectRequest;
import io.minisocket.core.transport.Transport;
import io.minisocket.core.transport.TransportFailure;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;

/** The {@link SocketRuntime} implementation. */
public final class DefaultSocketRuntime implements SocketRuntime {
  private final PlatformProfile profile;
  private final Transport transport;
  private final SocketConfig config;
  private final Executor callbackExecutor;
  private final EventLoop eventLoop;
  private final ConnectionRegistry registry;
  /** The tasks not yet ended, oldest first; guarded by {@link #lock} (a set: ending one is O(1)). */
  private final Set<DefaultSocketTask> live = new LinkedHashSet<>();
  /** Makes a connect's admission (global socket, limit, live set) and a task's end atomic. */
  private final Object lock = new Object();
  private final Wording wording;
  private final SerialExecutor facadeCallbacks;
  private final DefaultGlobalSocketApi globalApi;
  private final Map<Api, SocketResult> successes = new EnumMap<>(Api.class);

  /**
   * @param profile          the platform's rules
   * @param transport        the transport
   * @param config           the app configuration
   * @param callbackExecutor where callbacks after user calls run (ignored with an event loop)
   * @param eventLoop        the loop that runs every callback and event, or {@code null}
   */
  public DefaultSocketRuntime(PlatformProfile profile, Transport transport, SocketConfig config,
      Executor callbackExecutor, EventLoop eventLoop) {
    this.profile = profile;
    this.transport = transport;
    this.config = config;
    this.eventLoop = eventLoop;
    this.callbackExecutor = eventLoop != null ? eventLoop : callbackExecutor;
    this.registry = new ConnectionRegistry(profile.connectionLimit());
    this.wording = new Wording(profile);
    this.facadeCallbacks = newSerialExecutor();
    this.globalApi = new DefaultGlobalSocketApi(this);
    for (Api api : Api.values()) {
      successes.put(api, facadeSuccess(profile.apiName(api)));
    }
  }

  /**
   * The facade helpers of a runtime ({@link #facadeSuccess}, {@link #facadeFailure}, {@link #deliverLater}).
   *
   * @param runtime a runtime
   * @return it, as {@link SocketRuntime.Builder} built it
   * @throws UnsupportedOperationException for another implementation of {@link SocketRuntime}, which has none
   */
  public static DefaultSocketRuntime of(SocketRuntime runtime) {
    if (runtime instanceof DefaultSocketRuntime built) {
      return built;
    }
    throw new UnsupportedOperationException(runtime.getClass().getName() + " is not a runtime of "
        + "SocketRuntime.builder(...): it has no facade helpers (success, failure, deliver)");
  }

  @Override
  public SocketTask connectSocket(ConnectOptions options) {
    return connect(options, false);
  }

  @Override
  public SocketTask connectGlobalSocket(ConnectOptions options) {
    return connect(options, true);
  }

  private SocketTask connect(ConnectOptions options, boolean asGlobal) {
    DefaultSocketTask task = new DefaultSocketTask(this, options.callbacks());
    try {
      return connect(task, options, asGlobal);
    } finally {
      task.released();
    }
  }

  private SocketTask connect(DefaultSocketTask task, ConnectOptions options, boolean asGlobal) {
    Validation.Checked<ConnectRequest> request = Validation.connectRequest(options, profile, config);
    if (request.invalid() != null) {
      return rejected(task, request.invalid());
    }
    synchronized (lock) {
      Invalid refused = globalApi.admit(asGlobal);
      if (refused != null) {
        return rejected(task, refused);
      }
      if (!registry.tryAcquire()) {
        return rejected(task, Invalid.of(ErrorKind.LIMIT_EXCEEDED));
      }
      globalApi.connecting(task, asGlobal);
      if (eventLoop != null) {
        task.keepLoopAlive(eventLoop.keepAlive("socket " + options.url()));
      }
      live.add(task);
    }
    if (profile.connectResultTiming() == ConnectResultTiming.ON_ACCEPT) {
      task.accept();
    }
    task.start(transport, request.value());
    return task;
  }

  private static SocketTask rejected(DefaultSocketTask task, Invalid invalid) {
    task.slotNotTaken();
    task.reject(invalid);
    return task;
  }

  @Override
  public Optional<SocketTask> globalSocket() {
    return globalApi.socket();
  }

  @Override
  public GlobalSocketApi globalApi() {
    return globalApi;
  }

  @Override
  public List<SocketTask> tasks() {
    synchronized (lock) {
      return List.copyOf(live);
    }
  }

  @Override
  public Optional<EventLoop> eventLoop() {
    return Optional.ofNullable(eventLoop);
  }

  @Override
  public PlatformProfile profile() {
    return profile;
  }

  @Override
  public SocketConfig config() {
    return config;
  }

  /**
   * A success result in the platform's shape, for a facade that answers a call itself.
   *
   * @param api the platform API name
   * @return the result
   */
  public SocketResult facadeSuccess(String api) {
    return profile.resultStyle().success(api);
  }

  /**
   * A failure result in the platform's shape, for a facade that answers a call itself; worded like a validation
   * failure (see {@link Wording#reason}).
   *
   * @param api     the platform API name
   * @param kind    what went wrong
   * @param message what was wrong, or {@code null} for the profile's wording of {@code kind}
   * @return the result
   */
  public SocketResult facadeFailure(String api, ErrorKind kind, String message) {
    return wording.result(api, Invalid.input(kind, message));
  }

  /**
   * Runs success or fail (by the result), then complete, after the current call returned.
   *
   * @param callbacks the callbacks
   * @param result    the result to deliver
   */
  public void deliverLater(Callbacks callbacks, SocketResult result) {
    if (callbacks == null || !callbacks.any()) {
      return;
    }
    facadeCallbacks.submit(() -> {
      var first = result.ok() ? callbacks.success() : callbacks.fail();
      if (first != null) {
        first.accept(result);
      }
    });
    if (callbacks.complete() != null) {
      facadeCallbacks.submit(() -> callbacks.complete().accept(result));
    }
    facadeCallbacks.drainLater();
  }

  @Override
  public void close() {
    Invalid shutdown = Invalid.input(ErrorKind.ABORTED, "the socket runtime was closed");
    List<DefaultSocketTask> ending;
    synchronized (lock) {
      ending = List.copyOf(live);
    }
    for (DefaultSocketTask task : ending) {
      task.abort(shutdown);
    }
  }

  // ---------------------------------------------------------------- for DefaultSocketTask

  /** The success result of an operation; immutable, so made once per runtime (send's is on the hot path). */
  SocketResult success(Api api) {
    return successes.get(api);
  }

  /** A failure in the platform's shape and words; {@code api} {@code null} for an {@code onError} event. */
  SocketResult failure(Api api, Invalid invalid) {
    return wording.result(api == null ? null : profile.apiName(api), invalid);
  }

  /** @return a serial executor for one task's (or the facade's) callbacks: on the loop, or as configured */
  SerialExecutor newSerialExecutor() {
    return new SerialExecutor(callbackExecutor, eventLoop != null);
  }

  void releaseSlot() {
    registry.release();
  }

  void ended(DefaultSocketTask task) {
    synchronized (lock) {
      live.remove(task);
      globalApi.ended(task, live);
    }
  }

  /** Maps a transport failure to a failure kind and a detail (the transport's reason). */
  Invalid classify(TransportFailure failure) {
    ErrorKind kind = switch (failure.kind()) {
      case REFUSED -> ErrorKind.REFUSED;
      case TIMEOUT -> ErrorKind.CONNECT_TIMEOUT;
      case TLS -> ErrorKind.TLS;
      case HANDSHAKE_REJECTED, HANDSHAKE_INVALID -> ErrorKind.HANDSHAKE;
      case SUBPROTOCOL -> ErrorKind.SUBPROTOCOL;
      case UNKNOWN_HOST, IO -> ErrorKind.NETWORK;
      case ABORTED -> ErrorKind.ABORTED;
    };
    if (kind == ErrorKind.CONNECT_TIMEOUT) {
      return Invalid.of(kind); // the platforms' fixed text: "Timed out connecting to server."
    }
    String detail = failure.message();
    if (failure.httpStatus() > 0) { // lead with the status, and say it once
      String status = "HTTP " + failure.httpStatus();
      detail = detail.contains(status) ? status : status + ", " + detail;
    }
    return Invalid.explained(kind, detail);
  }
}
