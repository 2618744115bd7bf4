package io.minisocket.adapter.my;

import io.minisocket.core.loop.EventLoop;
import java.util.Objects;
import java.util.Optional;

/**
 * The Alipay-side switches of a {@link My} facade: whether {@code multiple} is the default (app.json's
 * {@code behavior.connectSocketDefaultMultiple}), how many sockets may be open at once, and whether {@code wss://}
 * is required.
 *
 * <p>Immutable; start from {@link #defaults()} or {@link #builder()}. The defaults follow the Alipay documentation:
 * single-instance mode unless {@code multiple: true} is passed, at most 5 sockets, {@code wss://} only.
 */
public final class MySettings {
  /** The most sockets connecting or open at once unless set otherwise: 5 (Alipay's FAQ). */
  public static final int DEFAULT_MAX_SOCKETS = 5;

  private static final MySettings DEFAULTS = builder().build();

  private final boolean defaultMultiple;
  private final int maxSockets;
  private final boolean wssRequired;
  private final EventLoop eventLoop;

  private MySettings(Builder b) {
    this.defaultMultiple = b.defaultMultiple;
    this.maxSockets = b.maxSockets;
    this.wssRequired = b.wssRequired;
    this.eventLoop = b.eventLoop;
  }

  /** @return single-instance by default, 5 sockets at most, wss required */
  public static MySettings defaults() {
    return DEFAULTS;
  }

  /** @return a builder holding the defaults */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder holding these settings, to derive a variant */
  public Builder toBuilder() {
    return new Builder().defaultMultiple(defaultMultiple).maxSockets(maxSockets).wssRequired(wssRequired).eventLoop(eventLoop);
  }

  /**
   * @return whether a connect whose options do not say {@code multiple} returns a SocketTask (Alipay's
   *     {@code connectSocketDefaultMultiple}, base library 2.9.1+); default {@code false}
   */
  public boolean defaultMultiple() {
    return defaultMultiple;
  }

  /** @return the most sockets connecting or open at once, the single-instance socket included; default 5 */
  public int maxSockets() {
    return maxSockets;
  }

  /**
   * @return whether a {@code ws://} url fails with error 20 while the configuration's url check is on; default
   *     {@code true}
   */
  public boolean wssRequired() {
    return wssRequired;
  }

  /**
   * @return the event loop a facade with these settings runs all its callbacks, listeners and promise completions
   *     on; empty (the default) when it runs them on the transport's threads and the common pool
   */
  public Optional<EventLoop> eventLoop() {
    return Optional.ofNullable(eventLoop);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MySettings s && defaultMultiple == s.defaultMultiple && maxSockets == s.maxSockets
        && wssRequired == s.wssRequired
        && Objects.equals(eventLoop, s.eventLoop);
  }

  @Override
  public int hashCode() {
    return Objects.hash(defaultMultiple, maxSockets, wssRequired, eventLoop);
  }

  @Override
  public String toString() {
    return "MySettings{defaultMultiple=" + defaultMultiple + ", maxSockets=" + maxSockets + ", wssRequired="
        + wssRequired + "}";
  }

  /** Builds {@link MySettings}; setters reject impossible values at once. */
  public static final class Builder {
    private boolean defaultMultiple;
    private int maxSockets = DEFAULT_MAX_SOCKETS;
    private boolean wssRequired = true;
    private EventLoop eventLoop;

    private Builder() {}

    /**
     * @param multiple whether {@code multiple} is {@code true} when the options do not say (app.json's
     *                 {@code behavior.connectSocketDefaultMultiple})
     * @return this builder
     */
    public Builder defaultMultiple(boolean multiple) {
      this.defaultMultiple = multiple;
      return this;
    }

    /**
     * @param max the most sockets connecting or open at once; at least 1
     * @return this builder
     */
    public Builder maxSockets(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxSockets must be at least 1, got " + max);
      }
      this.maxSockets = max;
      return this;
    }

    /**
     * @param required whether {@code ws://} urls fail with error 20 while the url check is on
     * @return this builder
     */
    public Builder wssRequired(boolean required) {
      this.wssRequired = required;
      return this;
    }

    /**
     * Creates the facade on an event loop: all its callbacks, listeners and promise completions then run on the
     * loop's thread, one at a time, never before the code that caused them has returned, as in JavaScript (see
     * {@link EventLoop}). Default: none.
     *
     * @param loop the loop, which stays the caller's to close (after the facade); {@code null} for none
     * @return this builder
     */
    public Builder eventLoop(EventLoop loop) {
      this.eventLoop = loop;
      return this;
    }

    /** @return the settings */
    public MySettings build() {
      return new MySettings(this);
    }
  }
}
