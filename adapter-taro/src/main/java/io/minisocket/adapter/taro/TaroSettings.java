package io.minisocket.adapter.taro;

import io.minisocket.core.SocketConfig;
import io.minisocket.core.spi.FacadeSettings;
import io.minisocket.core.spi.Policies.ConnectResultTiming;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link Taro} facade behaves: the target environment and when the Promise of {@code connectSocket} settles,
 * plus what every facade's settings hold ({@link FacadeSettings}): the connection limit, the app configuration and
 * the event loop. Immutable; {@link #defaults()} are the seed's: WeChat mini-program target, at most 2 sockets,
 * settle when the connect is accepted (as Taro does), {@link SocketConfig#defaults()}.
 */
public final class TaroSettings extends FacadeSettings {
  /** The seed's limit of simultaneous sockets, whatever the target: {@value} (later Taro versions allow 5). */
  public static final int DEFAULT_CONNECTION_LIMIT = 2;

  private static final TaroSettings DEFAULTS = builder().build();

  private final TaroTarget target;
  private final ConnectResultTiming connectResultTiming;

  private TaroSettings(Builder b) {
    super(b, DEFAULT_CONNECTION_LIMIT);
    this.target = b.target;
    this.connectResultTiming = b.connectResultTiming;
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
    return copyInto(new Builder()).target(target).connectResultTiming(connectResultTiming);
  }

  /** @return the environment the app is compiled for */
  public TaroTarget target() {
    return target;
  }

  /** @return when {@code connectSocket}'s Promise settles and its success or fail runs */
  public ConnectResultTiming connectResultTiming() {
    return connectResultTiming;
  }

  @Override
  protected List<Object> platformValues() {
    return List.of(target.taroEnv(), connectResultTiming);
  }

  @Override
  protected List<String> platformNames() {
    return List.of("target", "connectResultTiming");
  }

  /** Builds {@link TaroSettings}; setters reject impossible values at once. */
  public static final class Builder extends FacadeSettings.Builder<TaroSettings, Builder> {
    private TaroTarget target = TaroTarget.WEAPP;
    private ConnectResultTiming connectResultTiming = ConnectResultTiming.ON_ACCEPT;

    private Builder() {
      super(SocketConfig.defaults());
    }

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
     * @param timing {@link ConnectResultTiming#ON_ACCEPT} (default, Taro's behaviour): the Promise resolves as soon
     *     as the connect is accepted, and a network failure reaches only {@code onError}/{@code onClose};
     *     {@link ConnectResultTiming#ON_OPEN}: it resolves when the socket is open and rejects when it cannot open
     * @return this builder
     */
    public Builder connectResultTiming(ConnectResultTiming timing) {
      this.connectResultTiming = Objects.requireNonNull(timing, "timing");
      return this;
    }

    @Override
    protected Builder self() {
      return this;
    }

    /** @return the settings */
    @Override
    public TaroSettings build() {
      return new TaroSettings(this);
    }
  }
}
