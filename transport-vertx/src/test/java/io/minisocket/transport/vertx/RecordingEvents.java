package io.minisocket.transport.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import io.minisocket.core.transport.ConnectionEvents;
import io.minisocket.core.transport.Frame;
import io.minisocket.core.transport.TransportFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Records what a transport reports and checks the port's ordering rules as it goes. */
final class RecordingEvents implements ConnectionEvents {

  record Opened(Map<String, List<String>> headers, String protocol) {}

  /** Either a close ({@code failure == null}) or a failure. */
  record Terminal(int code, String reason, TransportFailure failure) {
    boolean isClosed() {
      return failure == null;
    }
  }

  /**
   * How long one expected event may take; a passing test never waits this long. 5 s was too short for the first TLS
   * handshake of a cold test JVM on a loaded 2-core machine: on a clean clone built while other builds ran,
   * {@code TlsDiagnosticsTest} (the module's first class) saw no event within 5 s, while six reruns of it passed in
   * 2.5-8 s for all nine tests. The same margin as the e2e tests' {@code E2e.WAIT}, for the same reason.
   */
  static final Duration WAIT = Duration.ofSeconds(15);

  final CompletableFuture<Opened> opened = new CompletableFuture<>();
  final CompletableFuture<Terminal> terminal = new CompletableFuture<>();
  final BlockingQueue<Frame> messages = new LinkedBlockingQueue<>();
  final Semaphore writable = new Semaphore(0);
  final List<String> violations = Collections.synchronizedList(new ArrayList<>());
  final List<String> log = Collections.synchronizedList(new ArrayList<>());
  private final AtomicBoolean inCall = new AtomicBoolean();

  private void enter(String event) {
    log.add(event);
    if (!inCall.compareAndSet(false, true)) {
      violations.add("concurrent call: " + event);
    }
    if (terminal.isDone()) {
      violations.add(event + " after the terminal event");
    }
  }

  private void exit() {
    inCall.set(false);
  }

  @Override
  public void opened(Map<String, List<String>> responseHeaders, String protocol) {
    enter("opened");
    try {
      if (opened.isDone()) {
        violations.add("opened twice");
      }
      opened.complete(new Opened(responseHeaders, protocol));
    } finally {
      exit();
    }
  }

  @Override
  public void message(Frame frame) {
    enter("message");
    try {
      if (!opened.isDone()) {
        violations.add("message before opened");
      }
      messages.add(frame);
    } finally {
      exit();
    }
  }

  @Override
  public void writable() {
    enter("writable");
    try {
      writable.release();
    } finally {
      exit();
    }
  }

  @Override
  public void closed(int code, String reason) {
    enter("closed " + code + " " + reason);
    try {
      if (!opened.isDone()) {
        violations.add("closed without opened");
      }
      terminal.complete(new Terminal(code, reason, null));
    } finally {
      exit();
    }
  }

  @Override
  public void failed(TransportFailure failure) {
    enter("failed " + failure.kind() + " " + failure.message());
    try {
      terminal.complete(new Terminal(0, null, failure));
    } finally {
      exit();
    }
  }

  Opened awaitOpened() throws Exception {
    try {
      return opened.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("not opened; events so far: " + log, e);
    }
  }

  Terminal awaitTerminal() throws Exception {
    try {
      return terminal.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("no terminal event; events so far: " + log, e);
    }
  }

  TransportFailure awaitFailure() throws Exception {
    Terminal t = awaitTerminal();
    assertThat(t.isClosed()).as("expected a failure, got %s", t).isFalse();
    return t.failure();
  }

  Frame nextMessage() throws InterruptedException {
    Frame f = messages.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(f).as("a message within %s; events: %s", WAIT, log).isNotNull();
    return f;
  }

  void assertNoViolations() {
    assertThat(violations).as("port contract violations").isEmpty();
  }
}
