package io.minisocket.adapter.wx;

import io.minisocket.core.SocketConfig;
import io.minisocket.core.loop.EventLoop;
import io.minisocket.core.spi.PlatformProfile;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a {@link Wx} facade emulates: the WeChat base library version, the most sockets open at once, and the app
 * configuration ({@code app.json}'s {@code networkTimeout.connectSocket}, url check and socket domain allow-list).
 *
 * <p>The base library version matters at one threshold, 1.7.0:
 * <ul>
 *   <li>from 1.7.0 on (the default), each {@code connectSocket} returns a new {@code SocketTask} and up to
 *       {@link #connectionLimit()} sockets (5 by default) may be connecting or open at once;</li>
 *   <li>before 1.7.0 there is one connection only: a new {@code connectSocket} closes the existing one and opens
 *       the new one, and {@link #connectionLimit()} does not apply.</li>
 * </ul>
 *
 * <p>Immutable; build with {@link #builder()}.
 *
 * <pre>{@code
 * WxSettings legacy = WxSettings.builder().baseLibraryVersion("1.6.0").build();
 * WxSettings strict = WxSettings.builder()
 *     .config(SocketConfig.builder().socketDomains(List.of("example.com")).build())
 *     .build();
 * }</pre>
 */
public final class WxSettings {
  /** The first base library version with several simultaneous sockets and a returned SocketTask: {@value}. */
  public static final String MULTIPLE_SOCKETS_SINCE = "1.7.0";
  /** The base library version emulated unless set: {@value} (every version from 1.7.0 on behaves the same). */
  public static final String DEFAULT_BASE_LIBRARY_VERSION = "3.0.0";
  /** WeChat's limit of simultaneous sockets from base library 1.7.0 on: {@value}. */
  public static final int DEFAULT_CONNECTION_LIMIT = 5;

  private static final Pattern VERSION = Pattern.compile("\\d{1,6}(\\.\\d{1,6}){0,2}");
  private static final WxSettings DEFAULTS = builder().build();

  private final String baseLibraryVersion;
  private final boolean multipleSockets;
  private final int connectionLimit;
  private final SocketConfig config;
  private final EventLoop eventLoop;

  private WxSettings(Builder b) {
    this.baseLibraryVersion = b.baseLibraryVersion;
    this.multipleSockets = compare(baseLibraryVersion, MULTIPLE_SOCKETS_SINCE) >= 0;
    this.connectionLimit = b.connectionLimit;
    this.config = b.config;
    this.eventLoop = b.eventLoop;
  }

  /** @return base library {@value #DEFAULT_BASE_LIBRARY_VERSION}, limit 5, {@link SocketConfig#defaults()} */
  public static WxSettings defaults() {
    return DEFAULTS;
  }

  /** @return a builder holding the defaults */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder holding these settings */
  public Builder toBuilder() {
    return new Builder().baseLibraryVersion(baseLibraryVersion).connectionLimit(connectionLimit).config(config)
        .eventLoop(eventLoop);
  }

  /** @return the emulated base library version, e.g. {@code "1.6.0"} */
  public String baseLibraryVersion() {
    return baseLibraryVersion;
  }

  /**
   * @return whether the base library is 1.7.0 or later: several sockets, each {@code connectSocket} a new task;
   *     otherwise one socket, replaced by each new {@code connectSocket}
   */
  public boolean multipleSockets() {
    return multipleSockets;
  }

  /** @return the most sockets connecting or open at once from base library 1.7.0 on; 0 for no limit */
  public int connectionLimit() {
    return connectionLimit;
  }

  /** @return the app configuration: connect timeout, url check, socket domain allow-list, send queue bound */
  public SocketConfig config() {
    return config;
  }

  /**
   * @return the event loop a facade with these settings runs all its callbacks, listeners and promise completions
   *     on; empty (the default) when it runs them on the transport's threads and the common pool
   */
  public Optional<EventLoop> eventLoop() {
    return Optional.ofNullable(eventLoop);
  }

  @Override
  public String toString() {
    return "WxSettings{baseLibraryVersion=" + baseLibraryVersion + ", connectionLimit=" + connectionLimit
        + ", config=" + config + "}";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WxSettings s && baseLibraryVersion.equals(s.baseLibraryVersion)
        && connectionLimit == s.connectionLimit && config.equals(s.config)
        && Objects.equals(eventLoop, s.eventLoop);
  }

  @Override
  public int hashCode() {
    return Objects.hash(baseLibraryVersion, connectionLimit, config, eventLoop);
  }

  /** Compares dotted versions numerically, a missing part counting as 0 ({@code "1.7" == "1.7.0"}). */
  private static int compare(String a, String b) {
    return Arrays.compare(parts(a), parts(b));
  }

  private static int[] parts(String version) {
    int[] parts = new int[3];
    String[] given = version.split("\\.");
    for (int i = 0; i < given.length; i++) {
      parts[i] = Integer.parseInt(given[i]);
    }
    return parts;
  }

  /** Builds {@link WxSettings}; setters reject impossible values at once. */
  public static final class Builder {
    private String baseLibraryVersion = DEFAULT_BASE_LIBRARY_VERSION;
    private int connectionLimit = DEFAULT_CONNECTION_LIMIT;
    private SocketConfig config = SocketConfig.defaults();
    private EventLoop eventLoop;

    private Builder() {}

    /**
     * @param version the base library version to emulate, one to three dot-separated numbers such as
     *                {@code "1.6.0"} or {@code "2.33"}
     * @return this builder
     * @throws IllegalArgumentException when the version is not of that form
     */
    public Builder baseLibraryVersion(String version) {
      if (version == null || !VERSION.matcher(version.trim()).matches()) {
        throw new IllegalArgumentException(
            "baseLibraryVersion must be like \"1.7.0\" (one to three numbers separated by dots), got "
                + (version == null ? "null" : "\"" + version + "\""));
      }
      this.baseLibraryVersion = version.trim();
      return this;
    }

    /**
     * @param limit the most sockets connecting or open at once from base library 1.7.0 on (WeChat: 5; one of the
     *              seed's tips says 2); 0 for no limit
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder connectionLimit(int limit) {
      this.connectionLimit = PlatformProfile.checkConnectionLimit(limit);
      return this;
    }

    /**
     * @param config the app configuration (e.g. from {@link io.minisocket.core.json.JsonConfig#read(java.nio.file.Path)}
     *               on an app.json)
     * @return this builder
     */
    public Builder config(SocketConfig config) {
      this.config = Objects.requireNonNull(config, "config");
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
    public WxSettings build() {
      return new WxSettings(this);
    }
  }
}
