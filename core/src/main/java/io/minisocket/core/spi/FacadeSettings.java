package io.minisocket.core.spi;

import io.minisocket.core.SocketConfig;
import io.minisocket.core.loop.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What every platform facade's settings hold, under the same names: the app configuration ({@link #config()}), the
 * most sockets open at once ({@link #connectionLimit()}) and the event loop the facade runs its callbacks on
 * ({@link #eventLoop()}). A facade's own settings ({@code WxSettings}, {@code MySettings}, ...) extend it with what
 * only that platform has, so a user who knows one facade's settings can guess another's.
 *
 * <p>Immutable; a subclass's builder extends {@link Builder}.
 */
public abstract class FacadeSettings {
  private final SocketConfig config;
  private final int connectionLimit;
  private final Integer limitSet; // null: the platform's default, which a builder from toBuilder() recomputes
  private final EventLoop eventLoop;

  /**
   * @param builder      the builder holding the values that were set
   * @param defaultLimit the connection limit when none was set (the platform's, usually its host's)
   */
  protected FacadeSettings(Builder<?, ?> builder, int defaultLimit) {
    this.config = builder.config != null ? builder.config : builder.defaultConfig;
    this.limitSet = builder.connectionLimit;
    this.connectionLimit = limitSet != null ? limitSet : defaultLimit;
    this.eventLoop = builder.eventLoop;
  }

  /**
   * @return the app configuration: connect timeout ({@code networkTimeout.connectSocket}), url check, socket domain
   *     allow-list, send queue bound
   */
  public SocketConfig config() {
    return config;
  }

  /** @return the most sockets connecting or open at once; 0 for no limit */
  public int connectionLimit() {
    return connectionLimit;
  }

  /**
   * @return the event loop a facade with these settings runs all its callbacks, listeners and promise completions
   *     on; empty (the default) when it runs them on the transport's threads and the common pool
   */
  public Optional<EventLoop> eventLoop() {
    return Optional.ofNullable(eventLoop);
  }

  /**
   * Copies the shared values into a builder, for a subclass's {@code toBuilder()}. A connection limit that was not
   * set stays unset, so the builder's platform default applies (uni-app: the limit of the target set later).
   *
   * @param builder the subclass's new builder
   * @param <B>     the builder type
   * @return {@code builder}
   */
  protected final <B extends Builder<?, B>> B copyInto(B builder) {
    builder.config(config).eventLoop(eventLoop);
    return limitSet == null ? builder : builder.connectionLimit(limitSet);
  }

  /** @return the values only this platform's settings hold, in a fixed order, for equals, hashCode and toString */
  protected abstract List<Object> platformValues();

  /** @return the names of {@link #platformValues()}, in the same order */
  protected abstract List<String> platformNames();

  @Override
  public final boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && values().equals(((FacadeSettings) o).values());
  }

  @Override
  public final int hashCode() {
    return values().hashCode();
  }

  @Override
  public final String toString() {
    StringBuilder text = new StringBuilder(getClass().getSimpleName()).append('{');
    List<String> names = platformNames();
    List<Object> values = platformValues();
    for (int i = 0; i < names.size(); i++) {
      text.append(names.get(i)).append('=').append(values.get(i)).append(", ");
    }
    return text.append("connectionLimit=").append(connectionLimit).append(", config=").append(config).append('}')
        .toString();
  }

  private List<Object> values() {
    List<Object> values = new ArrayList<>(platformValues());
    values.add(config);
    values.add(connectionLimit);
    values.add(eventLoop);
    return values;
  }

  /**
   * Builds a subclass of {@link FacadeSettings}; setters reject impossible values at once.
   *
   * @param <S> the settings type
   * @param <B> the builder type itself
   */
  public abstract static class Builder<S extends FacadeSettings, B extends Builder<S, B>> {
    private final SocketConfig defaultConfig;
    private SocketConfig config;
    private Integer connectionLimit;
    private EventLoop eventLoop;

    /**
     * @param defaultConfig the configuration when none is set (the host's, e.g. Alipay's 30 s connect timeout)
     */
    protected Builder(SocketConfig defaultConfig) {
      this.defaultConfig = Objects.requireNonNull(defaultConfig, "defaultConfig");
    }

    /** @return this builder, as its own type */
    protected abstract B self();

    /**
     * @param config the app configuration (e.g. from
     *               {@link io.minisocket.core.json.JsonConfig#read(java.nio.file.Path)} on an app.json); default: the
     *               platform's, {@link SocketConfig#defaults()} with its connect timeout
     * @return this builder
     */
    public B config(SocketConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return self();
    }

    /**
     * @param limit the most sockets connecting or open at once; 0 for no limit; default: the platform's
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public B connectionLimit(int limit) {
      this.connectionLimit = PlatformProfile.checkConnectionLimit(limit);
      return self();
    }

    /**
     * Creates the facade on an event loop: all its callbacks, listeners and promise completions then run on the
     * loop's thread, one at a time, never before the code that caused them has returned, as in JavaScript (see
     * {@link EventLoop}). Default: none.
     *
     * @param loop the loop, which stays the caller's to close (after the facade); {@code null} for none
     * @return this builder
     */
    public B eventLoop(EventLoop loop) {
      this.eventLoop = loop;
      return self();
    }

    /** @return the settings */
    public abstract S build();
  }
}
