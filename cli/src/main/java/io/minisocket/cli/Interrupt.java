package io.minisocket.cli;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C for the commands: a request to end gracefully, and the JVM's shutdown held back until the command that
 * handles it has ended and printed what it must.
 *
 * <p>Lifecycle: {@link Main#main} makes one with {@link #onShutdown()}, which installs a JVM shutdown hook (so Ctrl-C,
 * SIGINT, and SIGTERM both request the end); tests make one with the constructor and call {@link #request()}. A
 * command that can end gracefully registers what to do with {@link #whenRequested(Runnable)}; {@link #finished()}
 * says the command has returned and its output is flushed. After Ctrl-C the JVM exits with status 130 (128 + SIGINT)
 * whatever the command returns, as shells expect.
 *
 * <p>Threading: every method may be called from any thread; the registered action runs on the thread that requests
 * the end (the shutdown hook's), or at once on the registering thread when the request came first.
 *
 * <p>Never lost: a request made before the action is registered still runs it. The shutdown waits for
 * {@link #finished()} at most {@link #GRACE}; a command that registered nothing is not waited for.
 */
final class Interrupt {
  /** How long the JVM's shutdown waits for a command that handles Ctrl-C to end. */
  static final Duration GRACE = Duration.ofSeconds(90);

  private final CompletableFuture<Void> requested = new CompletableFuture<>();
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile boolean handled;

  /** @return an interrupt requested by the JVM's shutdown (Ctrl-C, SIGTERM, {@code System.exit}) */
  static Interrupt onShutdown() {
    Interrupt interrupt = new Interrupt();
    Runtime.getRuntime().addShutdownHook(new Thread(interrupt::requestAndAwait, "minisocket-ctrl-c"));
    return interrupt;
  }

  /** Requests the end; once is enough, more do nothing, and so does a request after {@link #finished()}. */
  void request() {
    requested.complete(null);
  }

  /** @return whether the end was requested */
  boolean isRequested() {
    return requested.isDone() && !requested.isCancelled();
  }

  /**
   * Registers what ends the command gracefully; the shutdown then waits for {@link #finished()}.
   *
   * @param action runs once when the end is requested (at once if it already was); must not block for long
   */
  void whenRequested(Runnable action) {
    handled = true;
    requested.thenRun(action);
  }

  /** Says that the command has returned and printed everything: a later request runs no action. */
  void finished() {
    requested.cancel(false);
    finished.countDown();
  }

  private void requestAndAwait() {
    request();
    if (!handled) {
      return;
    }
    try {
      finished.await(GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
