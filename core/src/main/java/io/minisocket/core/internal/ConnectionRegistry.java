package io.minisocket.core.internal;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the sockets that are connecting or open against the profile's limit, atomically: with a limit of 5 and
 * any number of threads racing, exactly 5 acquire.
 */
public final class ConnectionRegistry {
  private final int limit;
  private final AtomicInteger active = new AtomicInteger();

  /** @param limit the most slots at once; 0 for no limit */
  public ConnectionRegistry(int limit) {
    this.limit = limit;
  }

  /** @return whether a slot was taken; every successful call needs exactly one {@link #release()} */
  public boolean tryAcquire() {
    if (limit == 0) {
      active.incrementAndGet();
      return true;
    }
    while (true) {
      int current = active.get();
      if (current >= limit) {
        return false;
      }
      if (active.compareAndSet(current, current + 1)) {
        return true;
      }
    }
  }

  /** Frees a slot taken by {@link #tryAcquire()}. */
  public void release() {
    active.decrementAndGet();
  }

  /** @return the slots taken now */
  public int active() {
    return active.get();
  }

  /** @return the limit, 0 for none */
  public int limit() {
    return limit;
  }
}
