package io.minisocket.transport.jdk;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Runs tasks one at a time, in submission order, on a shared pool: a connection's own "event loop". Once the pool
 * is shut down, tasks still run, on the common pool, so that nothing submitted is dropped.
 */
final class ConnectionExecutor implements Executor {

  private static final Logger LOG = LogManager.getLogger(ConnectionExecutor.class);

  private final Executor pool;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicInteger pending = new AtomicInteger();

  ConnectionExecutor(Executor pool) {
    this.pool = pool;
  }

  @Override
  public void execute(Runnable task) {
    tasks.add(task);
    if (pending.getAndIncrement() == 0) {
      try {
        pool.execute(this::drain);
      } catch (RejectedExecutionException shutDown) {
        ForkJoinPool.commonPool().execute(this::drain);
      }
    }
  }

  private void drain() {
    do {
      Runnable task = tasks.poll();
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.warn("A task of a JDK WebSocket connection threw", e);
      }
    } while (pending.decrementAndGet() > 0);
  }
}
