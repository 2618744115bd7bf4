package io.minisocket.core;

/**
 * The options of {@code SocketTask.close} and {@code closeSocket}: {@code code} (default 1000), {@code reason}
 * (default empty, at most 123 bytes of UTF-8) plus callbacks. Codes other than 1000 and 3000–4999 fail the close
 * with a message that says so.
 */
public final class CloseOptions {
  /** The close code used when none is given: normal closure. */
  public static final int NORMAL_CLOSURE = 1000;

  private final Integer code;
  private final String reason;
  private final Callbacks callbacks;
  private final String problem;

  private CloseOptions(Builder builder) {
    this.code = builder.code;
    this.reason = builder.reason;
    this.callbacks = builder.callbacks();
    this.problem = builder.problem();
  }

  /** @return close with code 1000, no reason, no callbacks */
  public static CloseOptions defaults() {
    return builder().build();
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the close code, 1000 when none was given */
  public int code() {
    return code == null ? NORMAL_CLOSURE : code;
  }

  /** @return the close reason, empty when none was given */
  public String reason() {
    return reason == null ? "" : reason;
  }

  /** @return the callbacks */
  public Callbacks callbacks() {
    return callbacks;
  }

  /**
   * @return what was wrong with loosely typed input these options were built from (see {@link JsOptions}), or
   *     {@code null}; the call fails with it
   */
  public String problem() {
    return problem;
  }

  @Override
  public String toString() {
    return "CloseOptions{code=" + code() + ", reason=" + reason() + "}";
  }

  /** Builds {@link CloseOptions}. */
  public static final class Builder extends Callbacks.Builder<Builder> {
    private Integer code;
    private String reason;

    private Builder() {}


    /**
     * @param code 1000 or 3000–4999
     * @return this builder
     */
    public Builder code(int code) {
      this.code = code;
      return this;
    }

    /**
     * @param reason at most 123 bytes of UTF-8
     * @return this builder
     */
    public Builder reason(String reason) {
      this.reason = reason;
      return this;
    }

    /** @return the options */
    public CloseOptions build() {
      return new CloseOptions(this);
    }
  }
}
