package io.minisocket.adapter.taro;

import io.minisocket.core.spi.Policies.ConnectResultTiming;
import io.minisocket.core.loop.EventLoop;
import io.minisocket.core.spi.PlatformProfile;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link Taro} facade behaves: the target environment, the connection limit, and when the Promise of
 * {@code connectSocket} settles. Immutable; {@link #defaults()} are the seed's: WeChat mini-program target, at most
 * 2 sockets, settle when the connect is accepted (as Taro does).
 */
public final class TaroSettings {
  /** The seed's limit of simultaneous sockets: 2 (later Taro versions allow 5). */
  public static final int DEFAULT_CONNECTION_LIMIT = 2;

  private static final TaroSettings DEFAULTS = builder().build();

  private final TaroTarget target;
  private final int connectionLimit;
  private final ConnectResultTiming connectResultTiming;
  private final EventLoop eventLoop;

  private TaroSettings(Builder b) {
    this.target = b.target;
    this.connectionLimit = b.connectionLimit;
    this.connectResultTiming = b.connectResultTiming;
    this.eventLoop = b.eventLoop;
  }

  /** @return target {@link TaroTarget#WEAPP}, limit {@value #DEFAULT_CONNECTION_LIMIT}, settle on accept */
  public static TaroSettings defaults() {
    return DEFAULTS;
  }

  /** @return a builder holding the defaults */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder holding these settings, to derive a variant */
  public Builder toBuilder() {
    return new Builder().target(target).connectionLimit(connectionLimit).connectResultTiming(connectResultTiming).eventLoop(eventLoop);
  }

  /** @return the environment the app is compiled for */
  public TaroTarget target() {
    return target;
  }

  /** @return the most sockets connecting or open at once; 0 for no limit */
  public int connectionLimit() {
    return connectionLimit;
  }

  /** @return when {@code connectSocket}'s Promise settles and its success or fail runs */
  public ConnectResultTiming connectResultTiming() {
    return connectResultTiming;
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
    return o instanceof TaroSettings s && target == s.target && connectionLimit == s.connectionLimit
        && connectResultTiming == s.connectResultTiming
        && Objects.equals(eventLoop, s.eventLoop);
  }

  @Override
  public int hashCode() {
    return Objects.hash(target, connectionLimit, connectResultTiming, eventLoop);
  }

  @Override
  public String toString() {
    return "TaroSettings{target=" + target.taroEnv() + ", connectionLimit=" + connectionLimit
        + ", connectResultTiming=" + connectResultTiming + "}";
  }

  /** Builds {@link TaroSettings}; setters reject impossible values at once. */
  public static final class Builder {
    private TaroTarget target = TaroTarget.WEAPP;
    private int connectionLimit = DEFAULT_CONNECTION_LIMIT;
    private ConnectResultTiming connectResultTiming = ConnectResultTiming.ON_ACCEPT;
    private EventLoop eventLoop;

    private Builder() {}

    /**
     * @param target the environment the app is compiled for (default {@link TaroTarget#WEAPP}); it decides whether
     *     the global socket API works and whether {@code wss://} is required
     * @return this builder
     */
    public Builder target(TaroTarget target) {
      this.target = Objects.requireNonNull(target, "target");
      return this;
    }

    /**
     * @param limit the most sockets connecting or open at once (default {@value #DEFAULT_CONNECTION_LIMIT}, the
     *     seed's; 5 for later Taro versions); 0 for no limit
     * @return this builder
     */
    public Builder connectionLimit(int limit) {
      this.connectionLimit = PlatformProfile.checkConnectionLimit(limit);
      return this;
    }

    /**
     * @param timing {@link ConnectResultTiming#ON_ACCEPT} (default, Taro's behaviour): the Promise resolves as soon
     *     as the connect is accepted, and a network failure reaches only {@code onError}/{@code onClose};
     *     {@link ConnectResultTiming#ON_OPEN}: it resolves when the socket is open and rejects when it cannot open
     * @return this builder
     */
    public Builder connectResultTiming(ConnectResultTiming timing) {
      this.connectResultTiming = Objects.requireNonNull(timing, "timing");
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
    public TaroSettings build() {
      return new TaroSettings(this);
    }
  }
}
