package io.minisocket.core.internal;

import io.minisocket.core.loop.EventLoop;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The {@link EventLoop}: one daemon thread, a task queue and a timer queue under one lock. The thread runs rounds:
 * the timers due at the start of the round, then the tasks queued at its start. It never runs user code while
 * holding the lock.
 */
public final class SingleThreadEventLoop implements EventLoop {
  private static final Logger LOG = LogManager.getLogger(SingleThreadEventLoop.class);
  private static final long MIN_PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final Duration MAX_DELAY = Duration.ofDays(365);

  private final String name;
  private final Duration closeTimeout;
  private final LoopThread thread;
  private final List<Consumer<? super Throwable>> handlers = new CopyOnWriteArrayList<>();

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition workArrived = lock.newCondition();
  private final Condition becameIdle = lock.newCondition();
  // guarded by lock
  private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
  private final PriorityQueue<LoopTimer> timers = new PriorityQueue<>(SingleThreadEventLoop::dueFirst);
  private long timerSequence;
  private int keepAlives;
  private boolean running;
  private boolean closed;

  /**
   * @param name         the loop's and its thread's name
   * @param closeTimeout how long close waits for a running task
   */
  public SingleThreadEventLoop(String name, Duration closeTimeout) {
    this.name = Objects.requireNonNull(name, "name");
    this.closeTimeout = Objects.requireNonNull(closeTimeout, "closeTimeout");
    this.thread = new LoopThread(this);
    thread.start();
  }

  /** @return the loop whose thread calls this, or {@code null} */
  public static EventLoop current() {
    return Thread.currentThread() instanceof LoopThread t ? t.loop : null;
  }

  /**
   * Reports an exception caught on the current thread to its loop, if it is a loop's thread.
   *
   * @param exception the exception a listener or callback threw
   * @return whether a loop took it; otherwise the caller logs it
   */
  public static boolean reportToCurrent(Throwable exception) {
    if (Thread.currentThread() instanceof LoopThread t) {
      t.loop.reportException(exception);
      return true;
    }
    return false;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean inLoop() {
    return Thread.currentThread() == thread;
  }

  @Override
  public void execute(Runnable task) {
    Objects.requireNonNull(task, "task");
    lock.lock();
    try {
      requireOpen();
      tasks.add(task);
      workArrived.signal();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public <T> CompletableFuture<T> submit(Callable<T> task) {
    Objects.requireNonNull(task, "task");
    Submitted<T> submitted = new Submitted<>(task);
    execute(submitted);
    return submitted.future;
  }

  @Override
  public Timer setTimeout(Runnable task, Duration delay) {
    return schedule(task, Math.max(0, capped(delay).toNanos()), 0);
  }

  @Override
  public Timer setInterval(Runnable task, Duration period) {
    long nanos = Math.max(MIN_PERIOD_NANOS, capped(period).toNanos());
    return schedule(task, nanos, nanos);
  }

  /** A year at most, so that a huge delay (JavaScript's {@code setTimeout(f, 1e300)}) neither throws nor overflows. */
  private static Duration capped(Duration delay) {
    return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
  }

  private Timer schedule(Runnable task, long delayNanos, long periodNanos) {
    Objects.requireNonNull(task, "task");
    lock.lock();
    try {
      requireOpen();
      LoopTimer timer = new LoopTimer(task, System.nanoTime() + delayNanos, periodNanos, timerSequence++);
      timers.add(timer);
      workArrived.signal();
      return timer;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public KeepAlive keepAlive(String what) {
    Objects.requireNonNull(what, "what");
    lock.lock();
    try {
      keepAlives++;
    } finally {
      lock.unlock();
    }
    return new Hold(what);
  }

  @Override
  public boolean hasPendingWork() {
    lock.lock();
    try {
      return !idle();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    if (inLoop()) {
      throw new IllegalStateException("awaitIdle called on the loop " + name + " itself: it would wait for itself");
    }
    long nanos = timeout.toNanos();
    lock.lock();
    try {
      while (!idle()) {
        if (nanos <= 0) {
          return false;
        }
        nanos = becameIdle.awaitNanos(nanos);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void onUncaughtException(Consumer<? super Throwable> handler) {
    handlers.add(Objects.requireNonNull(handler, "handler"));
  }

  @Override
  public void offUncaughtException(Consumer<? super Throwable> handler) {
    handlers.remove(handler);
  }

  @Override
  public void reportException(Throwable exception) {
    if (!inLoop() && !isClosed() && !handlers.isEmpty()) {
      try {
        execute(() -> reportException(exception)); // handlers run on the loop, as documented
        return;
      } catch (RejectedExecutionException closedMeanwhile) {
        // the loop closed since the check: report here, as for a closed loop
      }
    }
    if (handlers.isEmpty()) {
      LOG.error("A task on the event loop {} threw; the loop goes on", name, exception);
      return;
    }
    LOG.debug("A task on the event loop {} threw; reported to its handlers", name, exception);
    for (Consumer<? super Throwable> handler : handlers) {
      try {
        handler.accept(exception);
      } catch (RuntimeException | Error e) {
        LOG.error("An uncaught-exception handler of the event loop {} threw", name, e);
      }
    }
  }

  @Override
  public boolean isClosed() {
    lock.lock();
    try {
      return closed;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    List<Runnable> discarded;
    lock.lock();
    try {
      if (closed) {
        discarded = List.of();
      } else {
        closed = true;
        for (LoopTimer timer : timers) {
          timer.cancelled = true;
        }
        timers.clear();
        discarded = new ArrayList<>(tasks);
        tasks.clear();
        workArrived.signalAll();
        becameIdle.signalAll();
      }
    } finally {
      lock.unlock();
    }
    if (!discarded.isEmpty()) {
      LOG.debug("Event loop {} closed with {} tasks queued; they do not run", name, discarded.size());
    }
    for (Runnable task : discarded) {
      if (task instanceof Submitted<?> submitted) {
        submitted.future.completeExceptionally(
            new CancellationException("the event loop " + name + " was closed before the task ran"));
      }
    }
    if (!inLoop()) {
      awaitThreadEnd();
    }
  }

  private void awaitThreadEnd() {
    try {
      thread.join(Math.max(1, closeTimeout.toMillis()));
      if (thread.isAlive()) {
        LOG.warn("A task on the event loop {} did not return within {} of close; interrupting it (the thread is a "
            + "daemon)", name, closeTimeout);
        thread.interrupt();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    lock.lock();
    try {
      return "EventLoop{" + name + (closed ? ", closed" : "") + ", tasks=" + tasks.size() + ", timers="
          + timers.size() + ", keepAlives=" + keepAlives + "}";
    } finally {
      lock.unlock();
    }
  }

  // ---------------------------------------------------------------- the loop thread

  private void run() {
    List<LoopTimer> due = new ArrayList<>();
    while (true) {
      int queued;
      lock.lock();
      try {
        running = false;
        queued = awaitRound(due);
        if (queued < 0) {
          return;
        }
        running = true;
      } finally {
        lock.unlock();
      }
      for (LoopTimer timer : due) {
        if (isClosed()) {
          break;
        }
        runTimer(timer);
      }
      due.clear();
      for (int i = 0; i < queued; i++) {
        Runnable task = nextTask();
        if (task == null) {
          break; // closed meanwhile
        }
        runSafely(task);
      }
    }
  }

  /**
   * Waits until a timer is due or a task is queued, then takes the due timers. Lock held.
   *
   * @return how many queued tasks this round runs, or -1 when the loop is closed
   */
  private int awaitRound(List<LoopTimer> due) {
    while (true) {
      if (closed) {
        return -1;
      }
      long now = System.nanoTime();
      LoopTimer next;
      while ((next = timers.peek()) != null && next.deadline - now <= 0) {
        due.add(timers.poll());
      }
      if (!due.isEmpty() || !tasks.isEmpty()) {
        return tasks.size();
      }
      becameIdle.signalAll(); // wakes waiters; they re-check: a held KeepAlive still counts
      try {
        if (next == null) {
          workArrived.await();
        } else {
          workArrived.awaitNanos(next.deadline - now);
        }
      } catch (InterruptedException e) {
        // only close interrupts, after setting closed: the loop re-checks it
      }
    }
  }

  private Runnable nextTask() {
    lock.lock();
    try {
      return tasks.poll();
    } finally {
      lock.unlock();
    }
  }

  private void runTimer(LoopTimer timer) {
    if (timer.cancelled) {
      return;
    }
    long started = System.nanoTime();
    if (timer.period == 0) {
      timer.cancelled = true; // a timeout runs once: no longer active
    }
    runSafely(timer.task);
    if (timer.period > 0) {
      lock.lock();
      try {
        if (!timer.cancelled && !closed) {
          timer.deadline = started + timer.period;
          timers.add(timer);
        }
      } finally {
        lock.unlock();
      }
    }
  }

  private void runSafely(Runnable task) {
    try {
      task.run();
    } catch (Throwable e) { // the loop must survive whatever a task throws
      reportException(e);
    }
  }

  /** Orders timers by due time (nanoTime: compare differences), then by when they were set. */
  private static int dueFirst(LoopTimer a, LoopTimer b) {
    int byDeadline = Long.signum(a.deadline - b.deadline);
    return byDeadline != 0 ? byDeadline : Long.compare(a.sequence, b.sequence);
  }

  /** Lock held. */
  private boolean idle() {
    return closed || !running && tasks.isEmpty() && timers.isEmpty() && keepAlives == 0;
  }

  /** Lock held. */
  private void requireOpen() {
    if (closed) {
      throw new RejectedExecutionException("the event loop " + name + " is closed");
    }
  }

  /** Lock held. */
  private void signalIfIdle() {
    if (idle()) {
      becameIdle.signalAll();
    }
  }

  private static final class LoopThread extends Thread {
    private final SingleThreadEventLoop loop;

    LoopThread(SingleThreadEventLoop loop) {
      super(loop::run, loop.name);
      this.loop = loop;
      setDaemon(true);
    }
  }

  private final class LoopTimer implements Timer {
    private final Runnable task;
    private final long period;
    private final long sequence;
    private long deadline; // guarded by lock
    private volatile boolean cancelled;

    LoopTimer(Runnable task, long deadline, long period, long sequence) {
      this.task = task;
      this.deadline = deadline;
      this.period = period;
      this.sequence = sequence;
    }

    @Override
    public boolean cancel() {
      lock.lock();
      try {
        boolean wasActive = !cancelled && !closed;
        cancelled = true;
        if (timers.remove(this)) {
          signalIfIdle();
        }
        return wasActive;
      } finally {
        lock.unlock();
      }
    }

    @Override
    public boolean isActive() {
      return !cancelled && !isClosed();
    }
  }

  private final class Hold implements KeepAlive {
    private final String what;
    private final AtomicBoolean released = new AtomicBoolean();

    Hold(String what) {
      this.what = what;
    }

    @Override
    public void close() {
      if (released.compareAndSet(false, true)) {
        lock.lock();
        try {
          keepAlives--;
          signalIfIdle();
        } finally {
          lock.unlock();
        }
      }
    }

    @Override
    public String toString() {
      return "KeepAlive{" + what + (released.get() ? ", released" : "") + "}";
    }
  }

  private static final class Submitted<T> implements Runnable {
    private final Callable<T> task;
    private final CompletableFuture<T> future = new CompletableFuture<>();

    Submitted(Callable<T> task) {
      this.task = task;
    }

    @Override
    public void run() {
      try {
        future.complete(task.call());
      } catch (Throwable e) { // the caller sees it through the future
        future.completeExceptionally(e);
      }
    }
  }
}
