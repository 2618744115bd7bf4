package io.minisocket.bench;

import io.minisocket.adapter.wx.Wx;
import io.minisocket.bench.jmh.InMemoryTransport;
import io.minisocket.core.SocketTask;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;

/**
 * Core's share of the heap per connection: open SocketTasks of the wx facade over an in-memory transport (one
 * shared connection object, so no network objects at all), with the same three listeners as the scale workload.
 */
final class CoreHeap {
  private CoreHeap() {}

  static void run(int tasks) throws InterruptedException {
    InMemoryTransport transport = new InMemoryTransport();
    try (Wx wx = InMemoryTransport.wx(transport)) {
      List<SocketTask> open = new ArrayList<>(tasks);
      long baseline = Machine.heapAfterGc();
      for (int i = 0; i < tasks; i++) {
        SocketTask task = transport.open(wx);
        task.onOpen(event -> { });
        task.onMessage(event -> { });
        task.onError(error -> { });
        open.add(task);
      }
      long heap = Machine.heapAfterGc() - baseline;
      System.out.println("RESULT heapPerTask=" + (double) heap / tasks);
      Reference.reachabilityFence(open);
    }
  }
}
