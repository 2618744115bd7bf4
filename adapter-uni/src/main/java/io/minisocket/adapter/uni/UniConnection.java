package io.minisocket.adapter.uni;

import io.minisocket.core.SocketResult;
import io.minisocket.core.SocketTask;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * What {@link Uni#connectSocket} returns, by uni-app's rule: a {@link TaskMode SocketTask} when at least one of
 * success, fail or complete was given; otherwise a Promise ({@link PromiseMode} in the Vue 3 style,
 * {@link Vue2Mode} in the Vue 2 style), and then the SocketTask is not reachable.
 *
 * <pre>{@code
 * UniConnection c = uni.connectSocket(options);
 * if (c instanceof UniConnection.TaskMode t) { t.task().onOpen(...); }
 * }</pre>
 *
 * <p>Each accessor of another mode throws {@link IllegalStateException} explaining the rule.
 */
public sealed interface UniConnection
    permits UniConnection.TaskMode, UniConnection.PromiseMode, UniConnection.Vue2Mode {

  /**
   * @return the SocketTask
   * @throws IllegalStateException in a Promise mode: no callback was given, so uni-app returns no task
   */
  SocketTask task();

  /**
   * @return the Vue 3 style Promise: resolves with {@code {errMsg: "connectSocket:ok"}}, completes exceptionally
   *     with a {@link UniRejection} carrying the fail result
   * @throws IllegalStateException in task mode, or in the Vue 2 style
   */
  CompletableFuture<SocketResult> promise();

  /**
   * @return the Vue 2 style Promise: always resolves, with {@code [err, res]}
   * @throws IllegalStateException in task mode, or in the Vue 3 style
   */
  CompletableFuture<Vue2Result> vue2Promise();

  /**
   * Task mode: at least one of success, fail or complete was given.
   *
   * @param task the SocketTask
   */
  record TaskMode(SocketTask task) implements UniConnection {
    /**
     * Checks presence.
     *
     * @param task the SocketTask
     */
    public TaskMode {
      Objects.requireNonNull(task, "task");
    }

    @Override
    public CompletableFuture<SocketResult> promise() {
      throw noPromise();
    }

    @Override
    public CompletableFuture<Vue2Result> vue2Promise() {
      throw noPromise();
    }
  }

  /**
   * Promise mode, Vue 3 style: no callback was given.
   *
   * @param promise resolves with the success result, completes exceptionally with a {@link UniRejection}
   */
  record PromiseMode(CompletableFuture<SocketResult> promise) implements UniConnection {
    /**
     * Checks presence.
     *
     * @param promise the Vue 3 style Promise
     */
    public PromiseMode {
      Objects.requireNonNull(promise, "promise");
    }

    @Override
    public SocketTask task() {
      throw noTask();
    }

    @Override
    public CompletableFuture<Vue2Result> vue2Promise() {
      throw new IllegalStateException("the Promise is in the Vue 3 style (UniSettings.PromiseStyle.VUE3): "
          + "call promise()");
    }
  }

  /**
   * Promise mode, Vue 2 style: no callback was given.
   *
   * @param vue2Promise always resolves, with {@code [err, res]}
   */
  record Vue2Mode(CompletableFuture<Vue2Result> vue2Promise) implements UniConnection {
    /**
     * Checks presence.
     *
     * @param vue2Promise the Vue 2 style Promise
     */
    public Vue2Mode {
      Objects.requireNonNull(vue2Promise, "vue2Promise");
    }

    @Override
    public SocketTask task() {
      throw noTask();
    }

    @Override
    public CompletableFuture<SocketResult> promise() {
      throw new IllegalStateException("the Promise is in the Vue 2 style (UniSettings.PromiseStyle.VUE2): "
          + "call vue2Promise(), which always resolves with [err, res]");
    }
  }

  /**
   * What a Vue 2 style Promise resolves with: {@code [null, res]} on success, {@code [err]} on failure.
   *
   * @param err the fail result, {@code null} on success
   * @param res the success result, {@code null} on failure
   */
  record Vue2Result(SocketResult err, SocketResult res) {
    /**
     * Checks that exactly one of err and res is given.
     *
     * @param err the fail result, {@code null} on success
     * @param res the success result, {@code null} on failure
     */
    public Vue2Result {
      if ((err == null) == (res == null)) {
        throw new IllegalArgumentException("exactly one of err and res must be given");
      }
    }

    /** @return whether the call succeeded ({@code err} is {@code null}) */
    public boolean ok() {
      return err == null;
    }
  }

  private static IllegalStateException noPromise() {
    return new IllegalStateException("uni.connectSocket returned a SocketTask, not a Promise, because success, fail "
        + "or complete was given; the result arrives through those callbacks (call task())");
  }

  private static IllegalStateException noTask() {
    return new IllegalStateException("uni.connectSocket returned a Promise, not a SocketTask: uni-app returns a "
        + "SocketTask only when at least one of success, fail or complete is given. Pass one (e.g. "
        + "complete(r -> {})) to get the task. A socket opened without them is the global socket, driven with "
        + "uni.onSocketOpen, sendSocketMessage and closeSocket (not on mp-toutiao, which lacks that API)");
  }
}
