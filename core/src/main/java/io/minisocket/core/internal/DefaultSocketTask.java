package io.minisocket.core.internal;

import io.minisocket.core.Callbacks;
import io.minisocket.core.CloseEvent;
import io.minisocket.core.CloseOptions;
import io.minisocket.core.ErrorKind;
import io.minisocket.core.MessageEvent;
import io.minisocket.core.OpenEvent;
import io.minisocket.core.ReadyState;
import io.minisocket.core.SendOptions;
import io.minisocket.core.SocketResult;
import io.minisocket.core.SocketTask;
import io.minisocket.core.loop.EventLoop;
import io.minisocket.core.spi.PlatformProfile.Api;
import io.minisocket.core.spi.Policies.CloseWhileConnecting;
import io.minisocket.core.spi.Policies.QueueOverflow;
import io.minisocket.core.spi.Policies.QueueUntilOpen;
import io.minisocket.core.transport.Completion;
import io.minisocket.core.transport.Connection;
import io.minisocket.core.transport.ConnectionEvents;
import io.minisocket.core.transport.ConnectRequest;
import io.minisocket.core.transport.Frame;
import io.minisocket.core.transport.Transport;
import io.minisocket.core.transport.TransportFailure;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The SocketTask state machine. State, the send queue and the connection handle are guarded by {@link #lock};
 * every callback and event is queued on {@link #serial} while the lock is held (so their order follows the state
 * changes) and run only after the lock is released — inline for transport events, on the callback executor after
 * a user's call. Neither user code nor the transport is ever called while the lock is held, so no lock of the
 * transport's can deadlock with it. One thread at a time ({@link #flushing}) hands messages to the transport, in
 * queue order.
 *
 * <p>The hot paths allocate nothing of their own: a send while the task is OPEN, nothing is queued and nobody
 * flushes goes straight to the transport (no queue entry; without callbacks one completion per task,
 * {@link #writtenQuietly}); a transport event when nothing of the task is queued or running runs its listeners inline
 * ({@link SerialExecutor#runHere}). Per-task structures are small and made when first needed (the send queue).
 */
final class DefaultSocketTask implements SocketTask, ConnectionEvents {
  private static final Logger LOG = LogManager.getLogger(DefaultSocketTask.class);
  /** Why a message accepted for sending ends unsent when the task is closed first. */
  private static final Invalid CLOSED_BEFORE_SENT =
      Invalid.continued(ErrorKind.NOT_OPEN, "closed before the message was sent");

  private final DefaultSocketRuntime runtime;
  private final SerialExecutor serial;
  private final Listeners<OpenEvent> openListeners = new Listeners<>(true);
  private final Listeners<MessageEvent> messageListeners = new Listeners<>(false);
  private final Listeners<SocketResult> errorListeners = new Listeners<>(true);
  private final Listeners<CloseEvent> closeListeners = new Listeners<>(true);
  /** Keeps the facade's event loop pending from the accepted connect until the close event ran; or null. */
  private volatile EventLoop.KeepAlive loopKeepAlive;

  private final ReentrantLock lock = new ReentrantLock();
  private volatile ReadyState state = ReadyState.CONNECTING;
  private Connection connection;
  private ArrayDeque<PendingSend> queue; // null until a message first has to wait
  private long queuedBytes;
  private boolean slotReleased;
  private Callbacks connectCallbacks;
  private CloseRequest closeRequest;
  private boolean openSeen;
  private Invalid abortReason;
  private boolean flushing;
  private boolean flushAgain;

  /** Whether the close event reached a listener; touched only from actions on {@link #serial}. */
  private boolean closeDelivered;

  /** The completion of every write without callbacks: one per task, so such a send allocates nothing for it. */
  private final Completion writtenQuietly = failure -> written(Callbacks.none(), failure);

  private record PendingSend(Frame frame, Callbacks callbacks, long size) {}

  private record CloseRequest(int code, String reason) {}

  DefaultSocketTask(DefaultSocketRuntime runtime, Callbacks connectCallbacks) {
    this.runtime = runtime;
    this.serial = runtime.newSerialExecutor();
    this.serial.hold(); // nothing of this task runs before connectSocket has returned it: see released()
    this.connectCallbacks = connectCallbacks;
  }

  /** connectSocket has returned this task: its callbacks and events may run from now on. */
  void released() {
    serial.release();
  }

  // ---------------------------------------------------------------- lifecycle driven by the runtime

  /** The connect was refused before any connection was made: the task is CLOSED, fail then complete run. */
  void reject(Invalid invalid) {
    lock.lock();
    try {
      state = ReadyState.CLOSED;
      callback(takeConnectCallbacks(), runtime.failure(Api.CONNECT, invalid));
    } finally {
      lock.unlock();
    }
    serial.drainLater();
  }

  /** The connect was accepted: success then complete run now, the open comes later (ON_ACCEPT timing). */
  void accept() {
    lock.lock();
    try {
      callback(takeConnectCallbacks(), runtime.success(Api.CONNECT));
    } finally {
      lock.unlock();
    }
  }

  /** Opens the connection through the transport. */
  void start(Transport transport, ConnectRequest request) {
    Connection opened;
    try {
      opened = transport.connect(request, this);
    } catch (RuntimeException e) {
      LOG.error("Transport threw from connect({}); treating it as a network failure", request.uri(), e);
      failed(TransportFailure.of(TransportFailure.Kind.IO, "the transport failed to connect: " + e, e));
      return;
    }
    boolean abort = false;
    boolean openedFirst = false;
    lock.lock();
    try {
      connection = opened;
      if (state == ReadyState.CLOSED) {
        abort = true; // ended (aborted or shut down) before connect() returned: leave nothing open
      } else if (!openSeen) {
        abort = closeRequest != null && runtime.profile().closeWhileConnecting() == CloseWhileConnecting.ABORT;
      } else {
        openedFirst = true; // the open event overtook connect()'s return
      }
    } finally {
      lock.unlock();
    }
    if (abort) {
      opened.abort();
    } else if (openedFirst) {
      afterOpen(opened);
    }
    serial.drainLater();
  }

  /** Ends the task at once, without a closing handshake (the runtime is being closed). */
  void abort(Invalid reason) {
    Connection toAbort;
    lock.lock();
    try {
      if (state == ReadyState.CLOSED) {
        return;
      }
      abortReason = reason;
      toAbort = connection;
    } finally {
      lock.unlock();
    }
    if (toAbort != null) {
      toAbort.abort();
    } else {
      failed(TransportFailure.of(TransportFailure.Kind.ABORTED, reason.detail(), null));
    }
  }

  // ---------------------------------------------------------------- user API

  @Override
  public ReadyState state() {
    return state;
  }

  @Override
  public long queuedBytes() {
    lock.lock();
    try {
      return queuedBytes;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void send(SendOptions options) {
    send(options.data(), options.callbacks(), options.problem());
  }

  @Override
  public void send(Object data) {
    send(data, Callbacks.none(), null); // no SendOptions per call
  }

  private void send(Object data, Callbacks callbacks, String problem) {
    Frame frame = problem == null ? Validation.frame(data) : null;
    Connection direct = null;
    Connection toAbort = null;
    lock.lock();
    try {
      if (frame == null) {
        callback(callbacks, runtime.failure(Api.SEND, problem != null
            ? Invalid.input(ErrorKind.INVALID_OPTION, problem) : Validation.frameProblem(data)));
      } else if (state == ReadyState.OPEN && closeRequest == null && connection != null && !flushing
          && (queue == null || queue.isEmpty()) && surelyWithinBound(frame)) {
        flushing = true; // the fast path: this thread writes now; sends meanwhile queue behind this message
        direct = connection;
      } else {
        toAbort = enqueueLocked(frame, callbacks, false);
      }
    } finally {
      lock.unlock();
    }
    if (direct != null) {
      writeFirst(direct, frame, callbacks);
    } else if (toAbort != null) {
      toAbort.abort();
    } else {
      flush();
    }
    serial.drainLater();
  }

  /** Whether the frame fits the queue's byte bound without counting a text's UTF-8 bytes (at most 3 per char). */
  private boolean surelyWithinBound(Frame frame) {
    long bound = runtime.config().maxQueueBytes();
    return frame instanceof Frame.Text text ? text.text().length() * 3L <= bound : frame.byteLength() <= bound;
  }

  /**
   * Writes a message sent while nothing was queued, this thread holding the writer role, then what others queued
   * meanwhile. When the transport is full the message waits at the head of the queue: it was sent before anything
   * queued while this thread held the role.
   */
  private void writeFirst(Connection target, Frame frame, Callbacks callbacks) {
    if (target.writeQueueFull()) {
      Connection toAbort;
      lock.lock();
      try {
        toAbort = enqueueLocked(frame, callbacks, true);
      } finally {
        lock.unlock();
      }
      if (toAbort != null) {
        toAbort.abort();
      }
    } else {
      write(target, frame, callbacks);
    }
    writeQueued(target);
  }

  /**
   * Queues a message, or refuses it with its fail callback. Lock held.
   *
   * @param first whether it goes ahead of what is queued (a fast-path send that found the transport full; see
   *     {@link #requeueFirstLocked})
   * @return a connection to abort when the queue overflowed under the CLOSE_CONNECTION policy
   */
  private Connection enqueueLocked(Frame frame, Callbacks callbacks, boolean first) {
    if (first) {
      return requeueFirstLocked(frame, callbacks);
    }
    boolean accepting = switch (state) {
      case OPEN -> closeRequest == null;
      case CONNECTING -> closeRequest == null
          && runtime.profile().queueUntilOpen() == QueueUntilOpen.QUEUE;
      default -> false;
    };
    if (!accepting) {
      callback(callbacks, runtime.failure(Api.SEND, Invalid.sendWhenNotOpen(state.code())));
      return null;
    }
    long size = frame.byteLength();
    long bound = runtime.config().maxQueueBytes();
    if (queuedBytes + size > bound) {
      Invalid overflow = Invalid.continued(ErrorKind.QUEUE_FULL, queuedBytes + " bytes queued, " + size
          + " more would exceed the bound of " + bound + " bytes");
      callback(callbacks, runtime.failure(Api.SEND, overflow));
      if (runtime.profile().queueOverflow() == QueueOverflow.CLOSE_CONNECTION && abortReason == null) {
        abortReason = overflow;
        return connection;
      }
      return null;
    }
    queue().add(new PendingSend(frame, callbacks, size));
    queuedBytes += size;
    return null;
  }

  /**
   * Puts a fast-path send that found the transport full back at the head of the queue. It was accepted when it took
   * the writer role, before anything queued meanwhile, so it is not checked against the bound again (that would
   * refuse it for what later sends queued) and, if a close or the end came in between, it ends as a queued message
   * then does. Lock held.
   *
   * @return always {@code null}: nothing to abort
   */
  private Connection requeueFirstLocked(Frame frame, Callbacks callbacks) {
    if (closeRequest != null) {
      callback(callbacks, runtime.failure(Api.SEND, CLOSED_BEFORE_SENT));
    } else if (state != ReadyState.OPEN) {
      callback(callbacks, runtime.failure(Api.SEND, Invalid.of(ErrorKind.SEND_FAILED)));
    } else {
      long size = frame.byteLength();
      queue().addFirst(new PendingSend(frame, callbacks, size));
      queuedBytes += size;
    }
    return null;
  }

  private ArrayDeque<PendingSend> queue() {
    if (queue == null) {
      queue = new ArrayDeque<>();
    }
    return queue;
  }

  /**
   * Hands queued messages to the transport, in order, while the socket is open and the transport accepts them.
   * Only one thread flushes at a time; a thread that finds another flushing leaves its message to it.
   */
  private void flush() {
    Connection target;
    lock.lock();
    try {
      if (flushing) {
        flushAgain = true; // the flusher re-checks before it stops, so a writable() now is not lost
        return;
      }
      if (state != ReadyState.OPEN || connection == null || queue == null || queue.isEmpty()) {
        return;
      }
      flushing = true;
      target = connection;
    } finally {
      lock.unlock();
    }
    writeQueued(target);
  }

  /**
   * Hands queued messages to the transport while it accepts them, then gives up the writer role. The transport is
   * asked whether it is full only while something is queued (not after a fast-path write that left nothing behind).
   */
  private void writeQueued(Connection target) {
    boolean askTransport = false;
    while (true) {
      boolean full = askTransport && target.writeQueueFull();
      PendingSend next;
      lock.lock();
      try {
        if (full && flushAgain) {
          flushAgain = false;
          continue; // the transport drained meanwhile: look again
        }
        if (full || state != ReadyState.OPEN || queue == null || queue.isEmpty()) {
          flushing = false;
          flushAgain = false;
          return;
        }
        if (!askTransport) {
          askTransport = true;
          continue; // something is queued: ask the transport first, outside the lock
        }
        next = queue.poll();
        queuedBytes -= next.size();
      } finally {
        lock.unlock();
      }
      write(target, next.frame(), next.callbacks());
    }
  }

  private void write(Connection target, Frame frame, Callbacks callbacks) {
    target.send(frame, callbacks == Callbacks.none() ? writtenQuietly : failure -> written(callbacks, failure));
  }

  /** A write's outcome: its callbacks run at once on this thread when nothing else of the task is pending. */
  private void written(Callbacks callbacks, Throwable failure) {
    SocketResult result = failure == null
        ? runtime.success(Api.SEND)
        : runtime.failure(Api.SEND, Invalid.explained(ErrorKind.SEND_FAILED, failure.getMessage()));
    if (callbacks == Callbacks.none()) {
      callback(callbacks, result); // only logs a failure
    } else {
      serial.runHere(DefaultSocketTask::runCallbacks, callbacks, result);
    }
  }

  @Override
  public void close(CloseOptions options) {
    Callbacks callbacks = options.callbacks();
    Invalid invalid = options.problem() != null
        ? Invalid.input(ErrorKind.INVALID_OPTION, options.problem())
        : Validation.close(options.code(), options.reason());
    Connection toAbort = null;
    Connection toClose = null;
    lock.lock();
    try {
      if (invalid != null) {
        callback(callbacks, runtime.failure(Api.CLOSE, invalid));
      } else if (closeRequest != null || state == ReadyState.CLOSING || state == ReadyState.CLOSED) {
        callback(callbacks, runtime.success(Api.CLOSE)); // harmless, as in browsers and the platforms' own JS
      } else {
        closeRequest = new CloseRequest(options.code(), options.reason());
        failQueued(CLOSED_BEFORE_SENT);
        releaseSlot();
        if (state == ReadyState.OPEN) {
          moveTo(ReadyState.CLOSING);
          toClose = connection; // null only while start() has not returned; it closes then
        } else if (runtime.profile().closeWhileConnecting() == CloseWhileConnecting.ABORT) {
          moveTo(ReadyState.CLOSING); // WHATWG: closing at once, then onError and onClose 1006 once aborted
          toAbort = connection; // null only while start() has not returned; it aborts then
        }
        callback(callbacks, runtime.success(Api.CLOSE));
      }
    } finally {
      lock.unlock();
    }
    if (toAbort != null) {
      toAbort.abort();
    }
    if (toClose != null) {
      toClose.close(options.code(), options.reason());
    }
    serial.drainLater();
  }

  @Override
  public void onOpen(Consumer<OpenEvent> listener) {
    register(openListeners, listener);
  }

  @Override
  public void onMessage(Consumer<MessageEvent> listener) {
    register(messageListeners, listener);
  }

  @Override
  public void onError(Consumer<SocketResult> listener) {
    register(errorListeners, listener);
  }

  @Override
  public void onClose(Consumer<CloseEvent> listener) {
    register(closeListeners, listener);
  }

  @Override
  public void offOpen(Consumer<OpenEvent> listener) {
    openListeners.remove(listener);
  }

  @Override
  public void offMessage(Consumer<MessageEvent> listener) {
    messageListeners.remove(listener);
  }

  @Override
  public void offError(Consumer<SocketResult> listener) {
    errorListeners.remove(listener);
  }

  @Override
  public void offClose(Consumer<CloseEvent> listener) {
    closeListeners.remove(listener);
  }

  /** Adds a listener; a once-only event (open, error, close) reaches it exactly once, even if it came before. */
  private <T> void register(Listeners<T> listeners, Consumer<T> listener) {
    if (listeners.add(listener)) {
      serial.submit(() -> {
        T missed = listeners.join(listener);
        if (missed != null) {
          Listeners.deliver(listener, missed);
        }
      });
      serial.drainLater();
    }
  }

  /**
   * Forwards this task's events from now on to the global socket API's handlers (before the task's own listeners);
   * the global socket API calls it when this task becomes the global socket.
   */
  void forwardTo(Consumer<OpenEvent> open, Consumer<MessageEvent> message, Consumer<SocketResult> error,
      Consumer<CloseEvent> close) {
    openListeners.forwardTo(open);
    messageListeners.forwardTo(message);
    errorListeners.forwardTo(error);
    closeListeners.forwardTo(close);
  }

  // ---------------------------------------------------------------- transport events

  @Override
  public void opened(Map<String, List<String>> responseHeaders, String protocol) {
    Connection target;
    lock.lock();
    try {
      if (state != ReadyState.CONNECTING || abortReason != null
          || closeRequest != null && runtime.profile().closeWhileConnecting() == CloseWhileConnecting.ABORT) {
        return; // being aborted: the transport reports the end next
      }
      moveTo(ReadyState.OPEN);
      openSeen = true;
      callback(takeConnectCallbacks(), runtime.success(Api.CONNECT));
      OpenEvent event = new OpenEvent(HeaderMap.joined(responseHeaders), protocol == null ? "" : protocol);
      serial.submit(() -> dispatch(openListeners, event));
      if (closeRequest != null) {
        moveTo(ReadyState.CLOSING);
      }
      target = connection; // null while start() has not returned: it runs afterOpen then
    } finally {
      lock.unlock();
    }
    if (target != null) {
      afterOpen(target);
    }
    serial.drainHere();
  }

  /** Runs once both the open event and connect()'s return have happened: close as asked, or flush the queue. */
  private void afterOpen(Connection target) {
    CloseRequest closeNow;
    lock.lock();
    try {
      closeNow = state == ReadyState.CLOSING ? closeRequest : null;
    } finally {
      lock.unlock();
    }
    if (closeNow != null) {
      target.close(closeNow.code(), closeNow.reason());
    } else {
      flush();
    }
  }

  @Override
  public void message(Frame frame) {
    MessageEvent event = new MessageEvent(frame instanceof Frame.Text text
        ? text.text() : ((Frame.Binary) frame).data());
    serial.runHere(DefaultSocketTask::dispatchMessage, this, event);
  }

  @Override
  public void writable() {
    flush();
    serial.drainHere();
  }

  @Override
  public void closed(int code, String reason) {
    end(null, code, CloseCodes.reasonOrStandard(code, reason));
  }

  @Override
  public void failed(TransportFailure failure) {
    CloseRequest userClose;
    Invalid aborted;
    boolean wasOpen;
    lock.lock();
    try {
      userClose = closeRequest;
      aborted = abortReason;
      wasOpen = openSeen;
    } finally {
      lock.unlock();
    }
    if (failure.kind() == TransportFailure.Kind.ABORTED && aborted != null) {
      end(aborted, CloseCodes.ABNORMAL, CloseCodes.reasonOrStandard(CloseCodes.ABNORMAL, null));
    } else if (failure.kind() == TransportFailure.Kind.ABORTED && userClose != null && !wasOpen) {
      // WHATWG "fail the WebSocket connection": a close while connecting ends in onError, then onClose 1006
      end(Invalid.of(ErrorKind.ABORTED), CloseCodes.ABNORMAL,
          CloseCodes.reasonOrStandard(CloseCodes.ABNORMAL, null));
    } else if (failure.kind() == TransportFailure.Kind.ABORTED && userClose != null) {
      end(null, userClose.code(), CloseCodes.reasonOrStandard(userClose.code(), userClose.reason()));
    } else {
      end(runtime.classify(failure), CloseCodes.ABNORMAL, CloseCodes.reasonOrStandard(CloseCodes.ABNORMAL, null));
    }
  }

  /** The one terminal transition: fails what is pending, reports the error (if any), then the close event. */
  private void end(Invalid error, int code, String reason) {
    lock.lock();
    try {
      if (state == ReadyState.CLOSED) {
        return;
      }
      boolean wasConnecting = state == ReadyState.CONNECTING;
      moveTo(ReadyState.CLOSED);
      releaseSlot();
      Invalid connectFailure = error != null ? error : Invalid.of(ErrorKind.ABORTED);
      callback(takeConnectCallbacks(), runtime.failure(Api.CONNECT, connectFailure));
      failQueued(wasConnecting
          ? Invalid.continued(ErrorKind.NOT_OPEN, runtime.failure(null, connectFailure).describe())
          : Invalid.of(ErrorKind.SEND_FAILED));
      if (error != null) {
        SocketResult errorEvent = runtime.failure(null, error);
        serial.submit(() -> dispatch(errorListeners, errorEvent));
      }
      CloseEvent closeEvent = new CloseEvent(code, reason);
      serial.submit(() -> closeDelivered = dispatch(closeListeners, closeEvent));
      if (loopKeepAlive != null) {
        serial.submit(loopKeepAlive::close); // after the close event: a runner waits for it
      }
    } finally {
      lock.unlock();
    }
    runtime.ended(this);
    serial.drainHere();
  }

  // ---------------------------------------------------------------- helpers (lock held unless noted)

  private void moveTo(ReadyState next) {
    if (!state.canMoveTo(next)) {
      throw new IllegalStateException("illegal readyState transition " + state + " -> " + next);
    }
    state = next;
  }

  private void releaseSlot() {
    if (!slotReleased) {
      slotReleased = true;
      runtime.releaseSlot();
    }
  }

  /** Keeps the event loop pending until this task's close event has run. */
  void keepLoopAlive(EventLoop.KeepAlive keepAlive) {
    loopKeepAlive = keepAlive;
  }

  /** Marks the slot as never taken (the connect was rejected before acquiring one). */
  void slotNotTaken() {
    lock.lock();
    try {
      slotReleased = true;
    } finally {
      lock.unlock();
    }
  }

  private Callbacks takeConnectCallbacks() {
    Callbacks callbacks = connectCallbacks;
    connectCallbacks = null;
    return callbacks;
  }

  private void failQueued(Invalid why) {
    if (queue == null || queue.isEmpty()) {
      return;
    }
    SocketResult result = runtime.failure(Api.SEND, why);
    List<PendingSend> failed = new ArrayList<>(queue);
    queue.clear();
    queuedBytes = 0;
    for (PendingSend pending : failed) {
      callback(pending.callbacks(), result);
    }
  }

  /** Queues success or fail (by the result), then complete. A null {@code callbacks} means already delivered. */
  private void callback(Callbacks callbacks, SocketResult result) {
    if (callbacks == null) {
      return;
    }
    if (callbacks == Callbacks.none()) {
      if (!result.ok()) {
        LOG.debug("{} failed without a fail callback: {}", result.api(), result.describe());
      }
      return;
    }
    serial.submit(() -> runCallbacks(callbacks, result));
  }

  /** Runs success or fail (by the result), then complete, each isolated; on the serial executor. */
  private static void runCallbacks(Callbacks callbacks, SocketResult result) {
    SerialExecutor.accept(result.ok() ? callbacks.success() : callbacks.fail(), result);
    SerialExecutor.accept(callbacks.complete(), result);
  }

  private static void dispatchMessage(DefaultSocketTask task, MessageEvent event) {
    task.dispatch(task.messageListeners, event);
  }

  /** Dispatches unless the close event already reached somebody; returns whether anybody received it. */
  private <T> boolean dispatch(Listeners<T> listeners, T event) {
    return !closeDelivered && listeners.dispatch(event);
  }

  @Override
  public String toString() {
    return "SocketTask{" + runtime.profile().name() + ", readyState=" + state + "}";
  }
}
