package io.minisocket.transport.vertx.e2e;

import io.minisocket.core.Callbacks;
import io.minisocket.core.SocketResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records the success, fail and complete callbacks of one call (connect, send or close) and checks the rule that
 * exactly one of success or fail runs, then complete, once.
 */
final class Outcome {
  final String name;
  final AtomicInteger successes = new AtomicInteger();
  final AtomicInteger failures = new AtomicInteger();
  final AtomicInteger completes = new AtomicInteger();
  /** Completed by the first success or fail. */
  final CompletableFuture<SocketResult> result = new CompletableFuture<>();
  /** Completed by complete. */
  final CompletableFuture<SocketResult> completed = new CompletableFuture<>();
  final List<String> violations = Collections.synchronizedList(new ArrayList<>());
  private final List<String> log;

  /**
   * @param name names this call in {@code log} ("connect", "send 3")
   * @param log  a log shared with the task's listeners, to check the order of callbacks and events; may be null
   */
  Outcome(String name, List<String> log) {
    this.name = name;
    this.log = log;
  }

  Outcome(String name) {
    this(name, null);
  }

  Callbacks callbacks() {
    return new Callbacks(this::onSuccess, this::onFail, this::onComplete);
  }

  private void onSuccess(SocketResult r) {
    note(name + ":success");
    if (!r.ok()) {
      violations.add(name + ": success got a failure " + r);
    }
    if (successes.incrementAndGet() + failures.get() > 1) {
      violations.add(name + ": more than one success/fail");
    }
    result.complete(r);
  }

  private void onFail(SocketResult r) {
    note(name + ":fail " + r.errorKind());
    if (r.ok()) {
      violations.add(name + ": fail got a success " + r);
    }
    if (failures.incrementAndGet() + successes.get() > 1) {
      violations.add(name + ": more than one success/fail");
    }
    result.complete(r);
  }

  private void onComplete(SocketResult r) {
    note(name + ":complete");
    if (!result.isDone()) {
      violations.add(name + ": complete before success/fail");
    } else if (result.getNow(null) != r) {
      violations.add(name + ": complete got another result than success/fail");
    }
    if (completes.incrementAndGet() > 1) {
      violations.add(name + ": complete more than once");
    }
    completed.complete(r);
  }

  private void note(String entry) {
    if (log != null) {
      log.add(entry);
    }
  }

  boolean succeeded() {
    return result.isDone() && result.join().ok();
  }

  boolean failed() {
    return result.isDone() && !result.join().ok();
  }

  /** Waits for complete and returns the result. */
  SocketResult await() throws Exception {
    try {
      return completed.get(E2e.WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError(name + ": no complete within " + E2e.WAIT + (log == null ? "" : "; log: " + log), e);
    }
  }

  /** Asserts exactly one success or fail, and one complete, so far. */
  void assertDeliveredOnce() {
    if (successes.get() + failures.get() != 1 || completes.get() != 1) {
      violations.add(name + ": success=" + successes + " fail=" + failures + " complete=" + completes);
    }
    assertNoViolations();
  }

  void assertNoViolations() {
    if (!violations.isEmpty()) {
      throw new AssertionError("callback rule violations: " + violations);
    }
  }
}
