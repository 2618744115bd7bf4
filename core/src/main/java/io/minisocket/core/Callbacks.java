package io.minisocket.core;

import java.util.function.Consumer;

/**
 * The {@code success}, {@code fail} and {@code complete} callbacks of one call. For connect, send and close,
 * exactly one of success or fail runs, then complete, on every path. Any of them may be {@code null}.
 *
 * @param success runs when the call succeeded
 * @param fail    runs when the call failed
 * @param complete runs after success or fail
 */
public record Callbacks(
    Consumer<SocketResult> success, Consumer<SocketResult> fail, Consumer<SocketResult> complete) {

  private static final Callbacks NONE = new Callbacks(null, null, null);

  /** @return callbacks that do nothing */
  public static Callbacks none() {
    return NONE;
  }

  /** @return whether at least one callback is given (uni-app's rule for returning a task instead of a Promise) */
  public boolean any() {
    return success != null || fail != null || complete != null;
  }

  /**
   * The fluent part every options builder shares: the callbacks, and a problem found in loosely typed input.
   *
   * @param <B> the concrete builder
   */
  public abstract static class Builder<B extends Builder<B>> {
    private Consumer<SocketResult> success;
    private Consumer<SocketResult> fail;
    private Consumer<SocketResult> complete;
    private String problem;

    /** For subclasses. */
    protected Builder() {}

    /**
     * @param success runs when the call succeeded
     * @return this builder
     */
    public B success(Consumer<SocketResult> success) {
      this.success = success;
      return self();
    }

    /**
     * @param fail runs when the call failed
     * @return this builder
     */
    public B fail(Consumer<SocketResult> fail) {
      this.fail = fail;
      return self();
    }

    /**
     * @param complete runs after success or fail
     * @return this builder
     */
    public B complete(Consumer<SocketResult> complete) {
      this.complete = complete;
      return self();
    }

    /**
     * Sets all three callbacks at once.
     *
     * @param callbacks the success, fail and complete callbacks
     * @return this builder
     */
    public B callbacks(Callbacks callbacks) {
      this.success = callbacks.success();
      this.fail = callbacks.fail();
      this.complete = callbacks.complete();
      return self();
    }

    /**
     * Records what was wrong with loosely typed input (a key of the wrong type, see {@link JsOptions}); the call
     * then fails with this message through the fail callback. The first problem recorded wins.
     *
     * @param message what was wrong, naming the key; {@code null} is ignored
     * @return this builder
     */
    public B problem(String message) {
      if (problem == null) {
        problem = message;
      }
      return self();
    }

    /** @return the problem recorded, or {@code null} */
    protected String problem() {
      return problem;
    }

    /** @return the callbacks set so far */
    protected Callbacks callbacks() {
      return success == null && fail == null && complete == null ? NONE : new Callbacks(success, fail, complete);
    }

    /** @return this builder, typed */
    @SuppressWarnings("unchecked")
    protected B self() {
      return (B) this;
    }
  }
}
