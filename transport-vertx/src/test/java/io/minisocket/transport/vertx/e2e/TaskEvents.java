package io.minisocket.transport.vertx.e2e;

import io.minisocket.core.CloseEvent;
import io.minisocket.core.MessageEvent;
import io.minisocket.core.OpenEvent;
import io.minisocket.core.SocketResult;
import io.minisocket.core.SocketTask;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Listens to every event of one task through the public listeners and records them in one ordered log (shared with
 * the task's {@link Outcome}s), checking as it goes that events never run concurrently and that nothing follows
 * onClose.
 */
final class TaskEvents {
  /** Every listener call (and the callbacks of {@link Outcome}s sharing it), in order. */
  final List<String> log;
  final CompletableFuture<OpenEvent> opened = new CompletableFuture<>();
  final CompletableFuture<SocketResult> error = new CompletableFuture<>();
  final CompletableFuture<CloseEvent> closed = new CompletableFuture<>();
  final BlockingQueue<MessageEvent> messages = new LinkedBlockingQueue<>();
  final List<String> violations = Collections.synchronizedList(new ArrayList<>());
  /** Listener calls of any kind. */
  final AtomicInteger calls = new AtomicInteger();
  final AtomicInteger opens = new AtomicInteger();
  final AtomicInteger errors = new AtomicInteger();
  final AtomicInteger closes = new AtomicInteger();
  private final AtomicBoolean inCall = new AtomicBoolean();
  private final String uri;

  private TaskEvents(String uri, List<String> log) {
    this.uri = uri;
    this.log = log;
  }

  /**
   * Registers the listeners on {@code task}.
   *
   * @param log where to log events, shared with the task's outcomes ({@link #newLog()})
   */
  static TaskEvents on(SocketTask task, String uri, List<String> log) {
    TaskEvents ev = new TaskEvents(uri, log);
    task.onOpen(e -> ev.event("open", () -> {
      ev.opens.incrementAndGet();
      ev.opened.complete(e);
    }));
    task.onMessage(e -> ev.event("message", () -> ev.messages.add(e)));
    task.onError(e -> ev.event("error " + e.errorKind(), () -> {
      ev.errors.incrementAndGet();
      ev.error.complete(e);
    }));
    task.onClose(e -> ev.event("close " + e.code(), () -> {
      ev.closes.incrementAndGet();
      ev.closed.complete(e);
    }));
    return ev;
  }

  /** @return a thread-safe log */
  static List<String> newLog() {
    return Collections.synchronizedList(new ArrayList<>());
  }

  private void event(String name, Runnable record) {
    calls.incrementAndGet();
    log.add(name);
    if (!inCall.compareAndSet(false, true)) {
      violations.add("concurrent listener call: " + name);
    }
    try {
      if (closed.isDone()) {
        violations.add(name + " after onClose");
      }
      record.run();
    } finally {
      inCall.set(false);
    }
  }

  OpenEvent awaitOpen() throws Exception {
    return await(opened, "onOpen");
  }

  CloseEvent awaitClose() throws Exception {
    return await(closed, "onClose");
  }

  SocketResult awaitError() throws Exception {
    return await(error, "onError");
  }

  MessageEvent nextMessage() throws InterruptedException {
    MessageEvent m = messages.poll(E2e.WAIT.toMillis(), TimeUnit.MILLISECONDS);
    if (m == null) {
      throw new AssertionError("no message within " + E2e.WAIT + " from " + uri + "; log: " + log);
    }
    return m;
  }

  private <T> T await(CompletableFuture<T> f, String what) throws Exception {
    try {
      return f.get(E2e.WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("no " + what + " within " + E2e.WAIT + " from " + uri + "; log: " + log, e);
    }
  }

  void assertNoViolations() {
    if (!violations.isEmpty()) {
      throw new AssertionError("listener rule violations on " + uri + ": " + violations + "; log: " + log);
    }
  }
}
