package io.minisocket.core.internal;

import io.minisocket.core.CloseEvent;
import io.minisocket.core.CloseOptions;
import io.minisocket.core.ErrorKind;
import io.minisocket.core.GlobalSocketApi;
import io.minisocket.core.MessageEvent;
import io.minisocket.core.OpenEvent;
import io.minisocket.core.SendOptions;
import io.minisocket.core.SocketResult;
import io.minisocket.core.SocketTask;
import io.minisocket.core.spi.PlatformProfile.Api;
import io.minisocket.core.spi.Policies.GlobalHandlers;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The global socket API over a runtime's global socket. */
final class DefaultGlobalSocketApi implements GlobalSocketApi {
  private final DefaultSocketRuntime runtime;
  private final Handlers<OpenEvent> open = new Handlers<>("onSocketOpen");
  private final Handlers<MessageEvent> message = new Handlers<>("onSocketMessage");
  private final Handlers<SocketResult> error = new Handlers<>("onSocketError");
  private final Handlers<CloseEvent> close = new Handlers<>("onSocketClose");

  DefaultGlobalSocketApi(DefaultSocketRuntime runtime) {
    this.runtime = runtime;
  }

  /** Forwards a task's events to the global handlers while it is (or, for its close, was) the global socket. */
  void attach(DefaultSocketTask task) {
    task.forwardTo(e -> open.dispatch(task, e), e -> message.dispatch(task, e), e -> error.dispatch(task, e),
        e -> close.dispatch(task, e));
  }

  @Override
  public void onSocketOpen(Consumer<OpenEvent> handler) {
    open.on(handler);
  }

  @Override
  public void onSocketMessage(Consumer<MessageEvent> handler) {
    message.on(handler);
  }

  @Override
  public void onSocketError(Consumer<SocketResult> handler) {
    error.on(handler);
  }

  @Override
  public void onSocketClose(Consumer<CloseEvent> handler) {
    close.on(handler);
  }

  @Override
  public void offSocketOpen(Consumer<OpenEvent> handler) {
    open.off(handler);
  }

  @Override
  public void offSocketMessage(Consumer<MessageEvent> handler) {
    message.off(handler);
  }

  @Override
  public void offSocketError(Consumer<SocketResult> handler) {
    error.off(handler);
  }

  @Override
  public void offSocketClose(Consumer<CloseEvent> handler) {
    close.off(handler);
  }

  @Override
  public void sendSocketMessage(SendOptions options) {
    Optional<SocketTask> global = target(Api.SEND, options.callbacks());
    global.ifPresent(task -> task.send(options));
  }

  @Override
  public void closeSocket(CloseOptions options) {
    Optional<SocketTask> global = target(Api.CLOSE, options.callbacks());
    global.ifPresent(task -> task.close(options));
  }

  private Optional<SocketTask> target(Api api, io.minisocket.core.Callbacks callbacks) {
    String name = runtime.profile().apiName(api);
    if (!runtime.profile().globalApi()) {
      runtime.deliverLater(callbacks, runtime.facadeFailure(name, ErrorKind.UNSUPPORTED, unsupported(name)));
      return Optional.empty();
    }
    Optional<SocketTask> global = runtime.globalSocket();
    if (global.isEmpty()) {
      runtime.deliverLater(callbacks, runtime.facadeFailure(name, ErrorKind.NOT_OPEN, null));
    }
    return global;
  }

  private String unsupported(String api) {
    return api + " is not supported on " + runtime.profile().name();
  }

  /** The handlers of one global event. */
  private final class Handlers<T> {
    private final String api;
    private final List<Consumer<T>> list = new CopyOnWriteArrayList<>();

    Handlers(String api) {
      this.api = api;
    }

    void on(Consumer<T> handler) {
      requireSupported();
      if (handler == null) {
        throw new NullPointerException(api + ": handler must not be null");
      }
      synchronized (this) {
        if (runtime.profile().globalHandlers() == GlobalHandlers.REPLACE) {
          list.clear();
        }
        list.add(handler);
      }
    }

    void off(Consumer<T> handler) {
      requireSupported();
      if (handler == null) {
        list.clear();
      } else {
        list.remove(handler);
      }
    }

    void dispatch(DefaultSocketTask task, T event) {
      if (!task.wasGlobal()) {
        return;
      }
      for (Consumer<T> handler : list) {
        Listeners.deliver(handler, event);
      }
    }

    private void requireSupported() {
      if (!runtime.profile().globalApi()) {
        throw new UnsupportedOperationException(unsupported(api.replace("off", "on")));
      }
    }
  }
}
