package io.minisocket.core.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The event loop on its own: order, run-to-completion, timers, failures, pending work and close. */
class EventLoopTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final EventLoop loop = EventLoop.builder().name("test-loop").build();
  private final List<String> log = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    loop.close();
  }

  private void awaitIdle() throws InterruptedException {
    assertThat(loop.awaitIdle(WAIT)).as("the loop became idle").isTrue();
  }

  @Test
  void tasksRunInOrderOnTheLoopThreadAndNothingRunsBeforeTheCurrentTaskReturns() throws Exception {
    loop.execute(() -> {
      loop.execute(() -> {
        log.add("first on " + Thread.currentThread().getName() + " inLoop=" + loop.inLoop()
            + " current=" + EventLoop.current().map(EventLoop::name).orElse("none"));
        loop.execute(() -> log.add("queued by first"));
        log.add("first returns");
      });
      loop.execute(() -> log.add("second"));
    });
    awaitIdle();

    assertThat(log).containsExactly("first on test-loop inLoop=true current=test-loop", "first returns", "second",
        "queued by first");
    assertThat(loop.inLoop()).isFalse();
    assertThat(EventLoop.current()).isEmpty();
  }

  @Test
  void timersRunByDueTimeThenInTheOrderTheyWereSet() throws Exception {
    loop.execute(() -> {
      loop.setTimeout(() -> log.add("60ms"), Duration.ofMillis(60));
      loop.setTimeout(() -> log.add("20ms a"), Duration.ofMillis(20));
      loop.setTimeout(() -> log.add("0ms"), Duration.ZERO);
      loop.setTimeout(() -> log.add("20ms b"), Duration.ofMillis(20));
      loop.execute(() -> log.add("task"));
      log.add("setter returns");
    });
    awaitIdle();

    // a round runs the due timers, then the tasks queued before it began
    assertThat(log).containsExactly("setter returns", "0ms", "task", "20ms a", "20ms b", "60ms");
  }

  @Test
  void aCancelledTimeoutNeverRunsAndAnIntervalRunsUntilCancelled() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    AtomicReference<EventLoop.Timer> interval = new AtomicReference<>();
    loop.execute(() -> {
      EventLoop.Timer timeout = loop.setTimeout(() -> log.add("cancelled timeout ran"), Duration.ofMillis(5));
      log.add("cancel " + timeout.cancel() + " again " + timeout.cancel() + " active " + timeout.isActive());
      interval.set(loop.setInterval(() -> {
        if (runs.incrementAndGet() == 3) {
          log.add("third run cancels: " + interval.get().cancel());
        }
      }, Duration.ofMillis(2)));
    });
    awaitIdle();

    assertThat(runs).hasValue(3);
    assertThat(log).containsExactly("cancel true again false active false", "third run cancels: true");
    assertThat(interval.get().isActive()).isFalse();
  }

  @Test
  void aTimeoutThatRanIsNoLongerActive() throws Exception {
    EventLoop.Timer timer = loop.setTimeout(() -> log.add("ran"), Duration.ofMillis(1));
    awaitIdle();
    assertThat(log).containsExactly("ran");
    assertThat(timer.isActive()).isFalse();
    assertThat(timer.cancel()).isFalse();
  }

  @Test
  void aHugeDelayNeitherThrowsNorFiresEarly() throws Exception {
    EventLoop.Timer huge = loop.setTimeout(() -> log.add("huge"), Duration.ofSeconds(Long.MAX_VALUE));
    EventLoop.Timer hugeInterval = loop.setInterval(() -> log.add("huge interval"), Duration.ofDays(100_000));
    loop.setTimeout(() -> log.add("soon"), Duration.ofMillis(20));
    await().atMost(Duration.ofSeconds(10)).until(() -> log.contains("soon"));
    loop.submit(() -> null).get(10, TimeUnit.SECONDS);
    assertThat(log).containsExactly("soon");
    assertThat(huge.isActive()).isTrue();
    assertThat(huge.cancel()).isTrue();
    assertThat(hugeInterval.cancel()).isTrue();
  }

  @Test
  void anExceptionReportedFromAnotherThreadReachesTheHandlersOnTheLoop() throws Exception {
    CompletableFuture<Thread> handledOn = new CompletableFuture<>();
    Thread loopThread = loop.submit(Thread::currentThread).get(10, TimeUnit.SECONDS);
    loop.onUncaughtException(e -> handledOn.complete(Thread.currentThread()));
    loop.reportException(new IllegalStateException("reported from a test thread"));
    assertThat(handledOn.get(10, TimeUnit.SECONDS)).isSameAs(loopThread);
  }

  @Test
  void anExceptionInATaskIsReportedAndTheLoopGoesOn() throws Exception {
    List<Throwable> reported = new CopyOnWriteArrayList<>();
    loop.onUncaughtException(e -> {
      reported.add(e);
      log.add("handler on loop " + loop.inLoop());
    });
    loop.execute(() -> {
      throw new IllegalStateException("task failed");
    });
    loop.setTimeout(() -> {
      throw new AssertionError("timer failed");
    }, Duration.ZERO);
    loop.execute(() -> log.add("next task ran"));
    awaitIdle();

    assertThat(reported).extracting(Throwable::getMessage).containsExactlyInAnyOrder("task failed", "timer failed");
    assertThat(log).contains("next task ran").contains("handler on loop true");
  }

  @Test
  void aThrowingHandlerDoesNotStopTheOthersAndRemovedHandlersGetNothing() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    java.util.function.Consumer<Throwable> removed = e -> seen.add("removed");
    loop.onUncaughtException(e -> {
      throw new IllegalStateException("handler failed");
    });
    loop.onUncaughtException(removed);
    loop.onUncaughtException(e -> seen.add("second " + e.getMessage()));
    loop.offUncaughtException(removed);
    loop.execute(() -> {
      throw new IllegalArgumentException("boom");
    });
    awaitIdle();
    assertThat(seen).containsExactly("second boom");
  }

  @Test
  void submitCompletesOnTheLoopWithTheValueOrTheException() throws Exception {
    CompletableFuture<String> value = loop.submit(() -> Thread.currentThread().getName());
    CompletableFuture<String> failed = loop.submit(() -> {
      throw new java.io.IOException("no");
    });
    assertThat(value.get(10, TimeUnit.SECONDS)).isEqualTo("test-loop");
    assertThatThrownBy(() -> failed.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
        .hasRootCauseMessage("no");
  }

  @Test
  void pendingWorkCountsQueuedTasksTimersAndKeepAlives() throws Exception {
    awaitIdle();
    assertThat(loop.hasPendingWork()).isFalse();

    EventLoop.KeepAlive socket = loop.keepAlive("socket");
    assertThat(loop.hasPendingWork()).isTrue();
    assertThat(loop.awaitIdle(Duration.ofMillis(50))).as("a held keep-alive is pending work").isFalse();
    socket.close();
    socket.close(); // idempotent: does not release a second hold
    EventLoop.KeepAlive other = loop.keepAlive("other");
    assertThat(loop.hasPendingWork()).isTrue();
    other.close();
    awaitIdle();

    EventLoop.Timer timer = loop.setTimeout(() -> log.add("late"), Duration.ofHours(1));
    assertThat(loop.hasPendingWork()).isTrue();
    timer.cancel();
    awaitIdle();
    assertThat(log).isEmpty();
  }

  @Test
  void awaitIdleOnTheLoopItselfIsRefused() throws Exception {
    CompletableFuture<Boolean> onLoop = loop.submit(() -> loop.awaitIdle(WAIT));
    assertThatThrownBy(() -> onLoop.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class)
        .hasMessageContaining("it would wait for itself");
  }

  @Test
  void closeWithWorkPendingCancelsTimersDiscardsTasksAndRejectsNewWork() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    loop.execute(() -> {
      running.countDown();
      await().atMost(WAIT).until(() -> release.getCount() == 0);
      log.add("running task finished");
    });
    assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
    loop.execute(() -> log.add("queued task ran"));
    CompletableFuture<String> submitted = loop.submit(() -> "never");
    EventLoop.Timer timer = loop.setTimeout(() -> log.add("timer ran"), Duration.ZERO);
    EventLoop.Timer interval = loop.setInterval(() -> log.add("interval ran"), Duration.ofMillis(1));
    loop.keepAlive("an open socket");

    CompletableFuture<Void> closing = CompletableFuture.runAsync(loop::close);
    await().atMost(WAIT).until(loop::isClosed);
    release.countDown();
    closing.get(10, TimeUnit.SECONDS);
    loop.close(); // idempotent

    assertThat(log).containsExactly("running task finished");
    assertThat(submitted).isCancelled();
    assertThatThrownBy(submitted::join).isInstanceOf(CancellationException.class)
        .hasMessageContaining("closed before the task ran");
    assertThat(timer.isActive()).isFalse();
    assertThat(interval.isActive()).isFalse();
    assertThat(loop.hasPendingWork()).isFalse();
    assertThat(loop.awaitIdle(Duration.ZERO)).isTrue();
    assertThatThrownBy(() -> loop.execute(() -> { })).isInstanceOf(RejectedExecutionException.class)
        .hasMessageContaining("test-loop is closed");
    assertThatThrownBy(() -> loop.setTimeout(() -> { }, Duration.ZERO))
        .isInstanceOf(RejectedExecutionException.class);
  }

  @Test
  void noThreadIsLeftAfterCloseAndTheThreadIsADaemon() throws Exception {
    Thread thread = loop.submit(Thread::currentThread).get(10, TimeUnit.SECONDS);
    assertThat(thread.isDaemon()).isTrue();
    loop.setInterval(() -> { }, Duration.ofMillis(1));
    loop.close();
    assertThat(thread.isAlive()).isFalse();
    assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName).doesNotContain("test-loop");
  }

  @Test
  void closeFromATaskOnTheLoopEndsTheLoopAfterThatTask() throws Exception {
    Thread thread = loop.submit(Thread::currentThread).get(10, TimeUnit.SECONDS);
    loop.execute(() -> {
      loop.execute(() -> log.add("never"));
      loop.close();
      log.add("closing task returns");
    });
    thread.join(WAIT.toMillis());
    assertThat(thread.isAlive()).isFalse();
    assertThat(log).containsExactly("closing task returns");
  }
}
