package io.minisocket.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ThreadAllocationsTest {
  /** Keeps allocated arrays reachable, so that the JIT cannot remove their allocation. */
  private static volatile Object kept;

  @Test
  void countsLiveThreadsDifferenceNewThreadsWholeAndEndedThreadsApart() {
    ThreadAllocations before = new ThreadAllocations(Map.of(1L, 100L, 2L, 500L, 3L, 70L));
    ThreadAllocations after = new ThreadAllocations(Map.of(1L, 150L, 2L, 500L, 4L, 30L));

    assertThat(after.since(before)).isEqualTo(new ThreadAllocations.Delta(50 + 0 + 30, 1, 1));
  }

  @Test
  void aThreadStartedAfterTheFirstSnapshotIsCountedAndOneThatEndedIsReported() throws Exception {
    CountDownLatch allocated = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch end = new CountDownLatch(1);
    Thread ending = new Thread(() -> {
      await(end);
      kept = new byte[1 << 20];
    }, "ends-before-the-second-snapshot");
    ending.start();
    ThreadAllocations before = ThreadAllocations.now(); // the ending thread is alive: it waits for end
    end.countDown();
    ending.join(TimeUnit.SECONDS.toMillis(30));
    assertThat(ending.isAlive()).isFalse();
    Thread alive = new Thread(() -> {
      kept = new byte[1 << 20];
      allocated.countDown();
      await(release);
    }, "alive-at-the-second-snapshot");
    alive.start();
    try {
      assertThat(allocated.await(30, TimeUnit.SECONDS)).isTrue();

      ThreadAllocations.Delta delta = ThreadAllocations.now().since(before);

      assertThat(delta.bytes()).isGreaterThanOrEqualTo(1 << 20);
      assertThat(delta.threadsStarted()).isGreaterThanOrEqualTo(1);
      assertThat(delta.threadsEnded()).isGreaterThanOrEqualTo(1);
    } finally {
      release.countDown();
      alive.join(TimeUnit.SECONDS.toMillis(30));
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
