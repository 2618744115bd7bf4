package io.minisocket.bench;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * The heap bytes each live thread of this JVM has allocated so far
 * ({@code com.sun.management.ThreadMXBean.getThreadAllocatedBytes}), so that the allocation of <em>all</em> threads
 * between two snapshots can be told, not only that of the threads alive at the end.
 *
 * <p>A thread alive at both snapshots counts its difference; a thread started after the first counts all it
 * allocated (everything it allocated was after the first); a thread that ended in between is not counted at all,
 * since the JVM forgets a thread's figure when it ends: {@link Delta#threadsEnded()} says how many, and a figure with
 * ended threads is a lower bound. Taking a snapshot allocates two {@code long[]} on the calling thread.
 *
 * @param bytesByThread thread id → bytes allocated by that thread so far
 */
record ThreadAllocations(Map<Long, Long> bytesByThread) {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  /**
   * What was allocated between two snapshots.
   *
   * @param bytes          bytes allocated by the threads counted
   * @param threadsStarted threads that started in between (counted whole)
   * @param threadsEnded   threads alive at the first snapshot and gone at the second (not counted after the first)
   */
  record Delta(long bytes, int threadsStarted, int threadsEnded) {}

  /**
   * @return the bytes every live thread has allocated so far
   * @throws IllegalStateException when this JVM does not count allocated bytes per thread
   */
  static ThreadAllocations now() {
    if (!THREADS.isThreadAllocatedMemorySupported() || !THREADS.isThreadAllocatedMemoryEnabled()) {
      throw new IllegalStateException("this JVM does not count the heap bytes allocated per thread "
          + "(ThreadMXBean.isThreadAllocatedMemoryEnabled is false)");
    }
    long[] ids = THREADS.getAllThreadIds();
    long[] bytes = THREADS.getThreadAllocatedBytes(ids);
    Map<Long, Long> byThread = new HashMap<>();
    for (int i = 0; i < ids.length; i++) {
      if (bytes[i] >= 0) { // -1: the thread ended between the two calls
        byThread.put(ids[i], bytes[i]);
      }
    }
    return new ThreadAllocations(byThread);
  }

  /**
   * @param earlier a snapshot taken before this one
   * @return what all threads allocated from {@code earlier} to this snapshot, as the class comment counts it
   */
  Delta since(ThreadAllocations earlier) {
    long bytes = 0;
    int started = 0;
    for (Map.Entry<Long, Long> thread : bytesByThread.entrySet()) {
      Long before = earlier.bytesByThread.get(thread.getKey());
      bytes += thread.getValue() - (before == null ? 0 : before);
      started += before == null ? 1 : 0;
    }
    int ended = (int) earlier.bytesByThread.keySet().stream().filter(id -> !bytesByThread.containsKey(id)).count();
    return new Delta(bytes, started, ended);
  }
}
