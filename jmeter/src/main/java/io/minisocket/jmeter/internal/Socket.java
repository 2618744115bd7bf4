package io.minisocket.jmeter.internal;

import io.minisocket.core.CloseEvent;
import io.minisocket.core.CloseOptions;
import io.minisocket.core.MessageEvent;
import io.minisocket.core.OpenEvent;
import io.minisocket.core.SocketResult;
import io.minisocket.core.SocketTask;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A virtual user's socket: the task and what its listeners have seen. Messages wait in a bounded inbox for a
 * receive sampler; when it is full the oldest is dropped (and counted). The close event is put in the inbox too, so
 * a waiting receive sampler ends at once.
 */
final class Socket {
  static final int INBOX_CAPACITY = 10_000;

  final CompletableFuture<SocketTask> task = new CompletableFuture<>();
  final CompletableFuture<OpenEvent> opened = new CompletableFuture<>();
  final CompletableFuture<SocketResult> errored = new CompletableFuture<>();
  final CompletableFuture<CloseEvent> closed = new CompletableFuture<>();
  private final BlockingDeque<Object> inbox = new LinkedBlockingDeque<>();
  private final AtomicLong dropped = new AtomicLong();
  private volatile CloseOptions abandoned; // set when the sample gave up on this socket before its task came

  /** A message and when it arrived ({@link System#currentTimeMillis()}). */
  record Received(MessageEvent message, long arrivedMillis) {
  }

  /**
   * Adds the listeners. The message listener comes first: core keeps a once-only event (open, error, close) that
   * happened before its first listener for that listener, but not messages.
   *
   * @param task the platform's task
   */
  void attach(SocketTask task) {
    task.onMessage(message -> {
      while (inbox.size() >= INBOX_CAPACITY && inbox.pollFirst() != null) {
        dropped.incrementAndGet();
      }
      inbox.offerLast(new Received(message, System.currentTimeMillis()));
    });
    task.onOpen(opened::complete);
    task.onError(errored::complete);
    task.onClose(event -> {
      closed.complete(event);
      inbox.offerLast(event);
    });
    this.task.complete(task);
    CloseOptions giveUp = abandoned;
    if (giveUp != null && task.readyState() < SocketTask.CLOSING) {
      task.close(giveUp); // the sample timed out before a Promise handed the task out
    }
  }

  /**
   * @param timeoutNanos how long to wait at most
   * @return the next message ({@link Received}), the {@link CloseEvent}, or {@code null} when none came in time
   * @throws InterruptedException when the thread is interrupted
   */
  Object next(long timeoutNanos) throws InterruptedException {
    Object next = inbox.pollFirst(timeoutNanos, TimeUnit.NANOSECONDS);
    if (next instanceof CloseEvent) {
      inbox.offerFirst(next); // later receives see the close too
    }
    return next;
  }

  /** @return how many messages were dropped unread because the inbox was full, since the last call */
  long takeDropped() {
    return dropped.getAndSet(0);
  }

  /**
   * Starts closing the task if it is not closing or closed already; a task the platform hands out later (a Promise
   * resolving after the sample gave up) is closed when it comes.
   */
  void closeIfOpen(int code, String reason) {
    CloseOptions close = CloseOptions.builder().code(code).reason(reason).build();
    abandoned = close;
    SocketTask current = task.getNow(null);
    if (current != null && current.readyState() < SocketTask.CLOSING) {
      current.close(close);
    }
  }
}
