package io.minisocket.core.loop;

import io.minisocket.core.internal.SingleThreadEventLoop;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One thread that runs, one at a time and in order, the callbacks, listeners and future completions of the
 * facades created on it, the timers set on it and the code passed to {@link #execute}: JavaScript's way of running,
 * for Java. Code that runs on the loop has JavaScript's run-to-completion guarantee: nothing it starts (a
 * {@code connectSocket}, a {@code send}, a timer) calls back before it has returned; every callback is a later task.
 *
 * <pre>{@code
 * class Chat {                       // code written as for JavaScript
 *   SocketTask socketTask;           // let socketTask = null
 *   void connect(Wx wx, String url) {
 *     socketTask = wx.connectSocket(ConnectOptions.builder().url(url)
 *         .success(res -> socketTask.onOpen(open -> socketTask.send("hello")))  // assigned: this runs later
 *         .build());
 *   }
 * }
 * try (EventLoop loop = EventLoop.create();
 *      Wx wx = Wx.create(transport, WxSettings.builder().eventLoop(loop).build())) {
 *   loop.execute(() -> new Chat().connect(wx, url));
 *   loop.awaitIdle(Duration.ofSeconds(10));  // until no socket, timer or task is left
 * }
 * }</pre>
 *
 * <p><b>Lifecycle.</b> {@link #create()} starts the thread, a daemon (it never keeps a JVM alive). The loop has
 * <em>pending work</em> while a task is queued or running, a timer is set, or a {@link KeepAlive} is held (a
 * socket of a facade on the loop holds one from its connect until its close event has run):
 * {@link #awaitIdle} waits until there is none. {@link #close()} is idempotent: it cancels the timers, discards
 * queued tasks (a discarded {@link #submit} completes exceptionally), waits for the running task to return and
 * ends the thread. It does not close the facades created on the loop: close them first, or their later events are
 * dropped with a warning.
 *
 * <p><b>Threading.</b> Every method may be called from any thread. Tasks run in the order they were queued; a timer
 * runs once it is due, after the timers due before it (same due time: in the order they were set). Each round runs
 * the timers that are due and then the tasks queued before the round began, so neither can starve the other.
 *
 * <p><b>Nothing is lost.</b> A task or timer that throws — or a facade's listener or callback that throws while
 * running on the loop — is reported ({@link #onUncaughtException}; logged at error level when no handler is
 * registered) and the loop goes on with the next task. After {@link #close()}, {@link #execute} throws
 * {@link RejectedExecutionException} rather than dropping the task.
 */
public interface EventLoop extends Executor, AutoCloseable {

  /**
   * A loop named {@code minisocket-loop-N}, its thread started.
   *
   * @return the loop
   */
  static EventLoop create() {
    return builder().build();
  }

  /** @return a builder for a loop */
  static Builder builder() {
    return new Builder();
  }

  /**
   * The loop whose thread is running the caller.
   *
   * @return the loop, or empty when the caller is not on a loop's thread
   */
  static Optional<EventLoop> current() {
    return Optional.ofNullable(SingleThreadEventLoop.current());
  }

  /** @return the loop's name, also its thread's name */
  String name();

  /** @return whether the caller is running on this loop's thread */
  boolean inLoop();

  /**
   * Queues a task; it runs on the loop after every task queued before it. Called on the loop, the task runs after
   * the current one has returned.
   *
   * @param task the task
   * @throws RejectedExecutionException when the loop is closed
   */
  @Override
  void execute(Runnable task);

  /**
   * Queues a task that computes a value.
   *
   * @param task the task
   * @param <T>  the value's type
   * @return completed on the loop with the value, or exceptionally with what the task threw (which is then not
   *     reported as uncaught), or with a {@link java.util.concurrent.CancellationException} if the loop closes
   *     before the task ran
   * @throws RejectedExecutionException when the loop is closed
   */
  <T> CompletableFuture<T> submit(Callable<T> task);

  /**
   * Runs a task once, after a delay ({@code setTimeout}).
   *
   * @param task  the task
   * @param delay how long to wait; zero or negative runs it at the next round
   * @return the timer, to cancel it ({@code clearTimeout})
   * @throws RejectedExecutionException when the loop is closed
   */
  Timer setTimeout(Runnable task, Duration delay);

  /**
   * Runs a task repeatedly ({@code setInterval}): first after {@code period}, then {@code period} after each run
   * began (a run that takes longer delays the next), until cancelled. A period below 1 ms counts as 1 ms.
   *
   * @param task   the task
   * @param period the time between runs
   * @return the timer, to cancel it ({@code clearInterval})
   * @throws RejectedExecutionException when the loop is closed
   */
  Timer setInterval(Runnable task, Duration period);

  /**
   * Marks the loop as having pending work until the returned handle is closed: for work that runs elsewhere and
   * will come back to the loop (an open socket, an unsettled promise).
   *
   * @param what what is pending, for diagnostics (e.g. {@code "socket wss://example.com"})
   * @return the handle; closing it is idempotent
   */
  KeepAlive keepAlive(String what);

  /**
   * @return whether a task is queued or running, a timer is set or a {@link KeepAlive} is held; {@code false}
   *     once closed
   */
  boolean hasPendingWork();

  /**
   * Waits until the loop has no pending work (or is closed): how a runner runs "until nothing is pending or the
   * timeout passes".
   *
   * @param timeout the longest wait
   * @return {@code true} when idle, {@code false} when the timeout passed first
   * @throws InterruptedException when the waiting thread is interrupted
   * @throws IllegalStateException when called on the loop itself (it would wait for itself)
   */
  boolean awaitIdle(Duration timeout) throws InterruptedException;

  /**
   * Registers a handler for exceptions thrown by tasks, timers, and the listeners and callbacks of facades on the
   * loop. Handlers run on the loop, after the exception was caught; one that throws is logged. While no handler is
   * registered, such exceptions are logged at error level.
   *
   * @param handler the handler
   */
  void onUncaughtException(Consumer<? super Throwable> handler);

  /**
   * Removes a handler registered with {@link #onUncaughtException}.
   *
   * @param handler the handler
   */
  void offUncaughtException(Consumer<? super Throwable> handler);

  /**
   * Reports an exception as uncaught on this loop, as if a task had thrown it: to the handlers, or to the log
   * when there are none. For code that catches an exception on the loop's behalf (a JavaScript runtime's unhandled
   * rejection, say).
   *
   * @param exception the exception
   */
  void reportException(Throwable exception);

  /** @return whether {@link #close()} was called */
  boolean isClosed();

  /**
   * Cancels the timers, discards the queued tasks, waits for the running task to return (unless called on the
   * loop itself, whose task then is the last) and ends the thread. Idempotent. A task that does not return within
   * {@link Builder#closeTimeout} is interrupted and left to the daemon thread, with a warning.
   */
  @Override
  void close();

  /** A timer of {@link #setTimeout} or {@link #setInterval}. Thread-safe. */
  interface Timer {
    /**
     * Cancels the timer: it does not run (again). Idempotent; cancelling from inside its own run stops an interval.
     *
     * @return whether it was still active (a timeout that had not run, an interval not yet cancelled)
     */
    boolean cancel();

    /** @return whether it will still run: set, not yet run (a timeout), not cancelled, loop not closed */
    boolean isActive();
  }

  /** A reason for the loop to have pending work; see {@link #keepAlive}. Thread-safe. */
  interface KeepAlive extends AutoCloseable {
    /** Ends this reason for pending work. Idempotent. */
    @Override
    void close();
  }

  /** Builds an {@link EventLoop}; {@link #build()} starts its thread. */
  final class Builder {
    private static final AtomicInteger COUNT = new AtomicInteger();
    private String name;
    private Duration closeTimeout = Duration.ofSeconds(10);

    private Builder() {}

    /**
     * @param name the loop's name, also its thread's (default {@code minisocket-loop-N})
     * @return this builder
     */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * @param timeout how long {@link #close()} waits for a running task to return before interrupting it (default
     *                10 s)
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder closeTimeout(Duration timeout) {
      if (timeout.isNegative()) {
        throw new IllegalArgumentException("closeTimeout must not be negative, got " + timeout);
      }
      this.closeTimeout = timeout;
      return this;
    }

    /** @return the loop, its thread started */
    public EventLoop build() {
      String loopName = name != null ? name : "minisocket-loop-" + COUNT.incrementAndGet();
      return new SingleThreadEventLoop(loopName, closeTimeout);
    }
  }
}
