package io.minisocket.core.internal;

import io.minisocket.core.Callbacks;
import io.minisocket.core.CloseEvent;
import io.minisocket.core.CloseOptions;
import io.minisocket.core.ErrorKind;
import io.minisocket.core.GlobalSocketApi;
import io.minisocket.core.MessageEvent;
import io.minisocket.core.OpenEvent;
import io.minisocket.core.ReadyState;
import io.minisocket.core.SendOptions;
import io.minisocket.core.SocketResult;
import io.minisocket.core.SocketTask;
import io.minisocket.core.spi.PlatformProfile;
import io.minisocket.core.spi.PlatformProfile.Api;
import io.minisocket.core.spi.Policies.GlobalHandlers;
import io.minisocket.core.spi.Policies.GlobalSocketChoice;
import io.minisocket.core.spi.Policies.SecondGlobalConnect;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The global socket API, and the owner of the global socket: it alone decides which task is the global socket, by
 * the profile's rules ({@link PlatformProfile#globalSocketChoice()}, {@link PlatformProfile#secondGlobalConnect()}),
 * and attaches the forwarding of a task's events to the global handlers when the task becomes the global socket —
 * never before, so an earlier event of that task is not forwarded; and never detached, so the close event of a
 * global socket that was replaced or has ended still reaches them. The runtime calls {@link #admit},
 * {@link #connecting} and {@link #ended} under its lock, which makes a connect's admission atomic.
 */
final class DefaultGlobalSocketApi implements GlobalSocketApi {
  private final DefaultSocketRuntime runtime;
  private final PlatformProfile profile;
  private final Handlers<OpenEvent> open = new Handlers<>("onSocketOpen");
  private final Handlers<MessageEvent> message = new Handlers<>("onSocketMessage");
  private final Handlers<SocketResult> error = new Handlers<>("onSocketError");
  private final Handlers<CloseEvent> close = new Handlers<>("onSocketClose");
  private DefaultSocketTask global; // guarded by this

  DefaultGlobalSocketApi(DefaultSocketRuntime runtime) {
    this.runtime = runtime;
    this.profile = runtime.profile();
  }

  /** @return the global socket while it is not closed */
  synchronized Optional<SocketTask> socket() {
    return Optional.ofNullable(live(global));
  }

  /**
   * A connect is about to take a slot. A global connect while the global socket is not closed is refused, or closes
   * that socket (whose close event still reaches the global handlers), as the profile says.
   *
   * @param asGlobal whether the connect opens the global socket
   * @return the refusal, or {@code null} to go on
   */
  Invalid admit(boolean asGlobal) {
    DefaultSocketTask current;
    synchronized (this) {
      current = asGlobal ? live(global) : null;
    }
    if (current == null) {
      return null;
    }
    if (profile.secondGlobalConnect() == SecondGlobalConnect.REFUSE) {
      return Invalid.of(ErrorKind.CONNECTION_EXISTS);
    }
    current.close(); // frees its slot before the new connect takes one
    return null;
  }

  /**
   * A connect took its slot: the task becomes the global socket when it opens it, or when it is the oldest task
   * and the profile makes the oldest task that is not closed the global socket.
   *
   * @param task     the connecting task
   * @param asGlobal whether the connect opens the global socket
   */
  synchronized void connecting(DefaultSocketTask task, boolean asGlobal) {
    if (asGlobal || live(global) == null && followsFirstLiveTask()) {
      become(task);
    }
  }

  /**
   * A task ended. If it was the global socket, the oldest task that is not closed takes over where the profile says
   * so.
   *
   * @param task the task
   * @param live the tasks not ended, oldest first
   */
  synchronized void ended(DefaultSocketTask task, Collection<DefaultSocketTask> live) {
    if (global != task) {
      return;
    }
    global = null;
    if (followsFirstLiveTask()) {
      live.stream().filter(t -> t.state() != ReadyState.CLOSED).findFirst().ifPresent(this::become);
    }
  }

  /** Makes the task the global socket: its events from now on reach the global handlers, before its listeners. */
  private void become(DefaultSocketTask task) {
    global = task;
    task.forwardTo(open::dispatch, message::dispatch, error::dispatch, close::dispatch);
  }

  private static DefaultSocketTask live(DefaultSocketTask task) {
    return task == null || task.state() == ReadyState.CLOSED ? null : task;
  }

  /** Whether the oldest task that is not closed is the global socket: only where the global API exists at all. */
  private boolean followsFirstLiveTask() {
    return profile.globalApi() && profile.globalSocketChoice() == GlobalSocketChoice.FIRST_LIVE_TASK;
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

  private Optional<SocketTask> target(Api api, Callbacks callbacks) {
    if (!profile.globalApi()) {
      runtime.deliverLater(callbacks, runtime.failure(api,
          Invalid.input(ErrorKind.UNSUPPORTED, unsupported(profile.apiName(api)))));
      return Optional.empty();
    }
    Optional<SocketTask> target = socket();
    if (target.isEmpty()) {
      runtime.deliverLater(callbacks, runtime.failure(api, Invalid.of(ErrorKind.NOT_OPEN)));
    }
    return target;
  }

  private String unsupported(String api) {
    return api + " is not supported on " + profile.name();
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
        if (profile.globalHandlers() == GlobalHandlers.REPLACE) {
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

    void dispatch(T event) {
      for (Consumer<T> handler : list) {
        Listeners.deliver(handler, event);
      }
    }

    private void requireSupported() {
      if (!profile.globalApi()) {
        throw new UnsupportedOperationException(unsupported(api.replace("off", "on")));
      }
    }
  }
}
