package io.minisocket.adapter.my;

import io.minisocket.core.spi.FacadeSettings;
import io.minisocket.core.spi.HostPlatform;
import java.util.List;

/**
 * The Alipay-side switches of a {@link My} facade: whether {@code multiple} is the default (app.json's
 * {@code behavior.connectSocketDefaultMultiple}) and whether {@code wss://} is required, plus what every facade's
 * settings hold ({@link FacadeSettings}): how many sockets may be open at once, the app configuration and the event
 * loop.
 *
 * <p>Immutable; start from {@link #defaults()} or {@link #builder()}. The defaults are Alipay's
 * ({@link HostPlatform#ALIPAY}): single-instance mode unless {@code multiple: true} is passed, at most 5 sockets,
 * {@code wss://} only, a 30 s connect timeout.
 */
public final class MySettings extends FacadeSettings {
  /** The most sockets connecting or open at once unless set otherwise: Alipay's, {@link HostPlatform#ALIPAY}. */
  public static final int DEFAULT_CONNECTION_LIMIT = HostPlatform.ALIPAY.profile().connectionLimit();
  /**
   * The most sockets connecting or open at once unless set otherwise.
   *
   * @deprecated the same name as every facade's: {@link #DEFAULT_CONNECTION_LIMIT}
   */
  @Deprecated(since = "0.1.0", forRemoval = false)
  public static final int DEFAULT_MAX_SOCKETS = DEFAULT_CONNECTION_LIMIT;

  private static final MySettings DEFAULTS = builder().build();

  private final boolean defaultMultiple;
  private final boolean wssRequired;

  private MySettings(Builder b) {
    super(b, DEFAULT_CONNECTION_LIMIT);
    this.defaultMultiple = b.defaultMultiple;
    this.wssRequired = b.wssRequired;
  }

  /** @return single-instance by default, 5 sockets at most, wss required, Alipay's 30 s connect timeout */
  public static MySettings defaults() {
    return DEFAULTS;
  }

  /** @return a builder holding the defaults */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder holding these settings, to derive a variant */
  public Builder toBuilder() {
    return copyInto(new Builder()).defaultMultiple(defaultMultiple).wssRequired(wssRequired);
  }

  /**
   * @return whether a connect whose options do not say {@code multiple} returns a SocketTask (Alipay's
   *     {@code connectSocketDefaultMultiple}, base library 2.9.1+); default {@code false}
   */
  public boolean defaultMultiple() {
    return defaultMultiple;
  }

  /**
   * @return the most sockets connecting or open at once, the single-instance socket included
   * @deprecated the same name as every facade's: {@link #connectionLimit()}
   */
  @Deprecated(since = "0.1.0", forRemoval = false)
  public int maxSockets() {
    return connectionLimit();
  }

  /**
   * @return whether a {@code ws://} url fails with error 20 while the configuration's url check is on; default
   *     {@code true}
   */
  public boolean wssRequired() {
    return wssRequired;
  }

  @Override
  protected List<Object> platformValues() {
    return List.of(defaultMultiple, wssRequired);
  }

  @Override
  protected List<String> platformNames() {
    return List.of("defaultMultiple", "wssRequired");
  }

  /** Builds {@link MySettings}; setters reject impossible values at once. */
  public static final class Builder extends FacadeSettings.Builder<MySettings, Builder> {
    private boolean defaultMultiple;
    private boolean wssRequired = HostPlatform.ALIPAY.profile().wssRequired();

    private Builder() {
      super(HostPlatform.ALIPAY.defaultConfig());
    }

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
     * @deprecated the same name as every facade's: {@link #connectionLimit(int)} (which also takes 0, no limit)
     */
    @Deprecated(since = "0.1.0", forRemoval = false)
    public Builder maxSockets(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxSockets must be at least 1, got " + max);
      }
      return connectionLimit(max);
    }

    /**
     * @param required whether {@code ws://} urls fail with error 20 while the url check is on
     * @return this builder
     */
    public Builder wssRequired(boolean required) {
      this.wssRequired = required;
      return this;
    }

    @Override
    protected Builder self() {
      return this;
    }

    /** @return the settings */
    @Override
    public MySettings build() {
      return new MySettings(this);
    }
  }
}
