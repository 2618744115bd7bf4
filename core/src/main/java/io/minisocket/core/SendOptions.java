package io.minisocket.core;

/**
 * The options of {@code SocketTask.send} and {@code sendSocketMessage}: {@code data} plus callbacks.
 *
 * <p>{@code data} is a {@link String} (sent as a text message), a {@code byte[]} or a
 * {@link java.nio.ByteBuffer} (sent as a binary message, the JavaScript ArrayBuffer). Binary data is not copied:
 * do not change it until success or fail has run. Anything else, and {@code null}, fails the send with a message
 * that says so.
 */
public final class SendOptions {
  private final Object data;
  private final Callbacks callbacks;
  private final String problem;

  private SendOptions(Builder builder) {
    this.data = builder.data;
    this.callbacks = builder.callbacks();
    this.problem = builder.problem();
  }

  /**
   * Options with only data.
   *
   * @param data a String, byte[] or ByteBuffer
   * @return the options
   */
  public static SendOptions of(Object data) {
    return builder().data(data).build();
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the data as given, possibly {@code null} or of a wrong type (reported when sending) */
  public Object data() {
    return data;
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
    return "SendOptions{data=" + (data == null ? "null" : data.getClass().getSimpleName()) + "}";
  }

  /** Builds {@link SendOptions}. */
  public static final class Builder extends Callbacks.Builder<Builder> {
    private Object data;

    private Builder() {}


    /**
     * @param data a String, byte[] or ByteBuffer
     * @return this builder
     */
    public Builder data(Object data) {
      this.data = data;
      return this;
    }

    /** @return the options */
    public SendOptions build() {
      return new SendOptions(this);
    }
  }

}
