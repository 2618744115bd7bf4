package io.minisocket.adapter.wx;

import io.minisocket.core.SocketConfig;
import io.minisocket.core.spi.FacadeSettings;
import io.minisocket.core.spi.HostPlatform;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a {@link Wx} facade emulates: the WeChat base library version, and what every facade's settings hold
 * ({@link FacadeSettings}): the most sockets open at once, the app configuration ({@code app.json}'s
 * {@code networkTimeout.connectSocket}, url check and socket domain allow-list) and the event loop.
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
public final class WxSettings extends FacadeSettings {
  /** The first base library version with several simultaneous sockets and a returned SocketTask: {@value}. */
  public static final String MULTIPLE_SOCKETS_SINCE = "1.7.0";
  /** The base library version emulated unless set: {@value} (every version from 1.7.0 on behaves the same). */
  public static final String DEFAULT_BASE_LIBRARY_VERSION = "3.0.0";
  /** WeChat's limit of simultaneous sockets from base library 1.7.0 on: its host's, {@link HostPlatform#WECHAT}. */
  public static final int DEFAULT_CONNECTION_LIMIT = HostPlatform.WECHAT.profile().connectionLimit();

  private static final Pattern VERSION = Pattern.compile("\\d{1,6}(\\.\\d{1,6}){0,2}");
  private static final WxSettings DEFAULTS = builder().build();

  private final String baseLibraryVersion;
  private final boolean multipleSockets;

  private WxSettings(Builder b) {
    super(b, DEFAULT_CONNECTION_LIMIT);
    this.baseLibraryVersion = b.baseLibraryVersion;
    this.multipleSockets = compare(baseLibraryVersion, MULTIPLE_SOCKETS_SINCE) >= 0;
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
    return copyInto(new Builder()).baseLibraryVersion(baseLibraryVersion);
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

  @Override
  protected List<Object> platformValues() {
    return List.of(baseLibraryVersion);
  }

  @Override
  protected List<String> platformNames() {
    return List.of("baseLibraryVersion");
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
  public static final class Builder extends FacadeSettings.Builder<WxSettings, Builder> {
    private String baseLibraryVersion = DEFAULT_BASE_LIBRARY_VERSION;

    private Builder() {
      super(HostPlatform.WECHAT.defaultConfig());
    }

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

    @Override
    protected Builder self() {
      return this;
    }

    /** @return the settings */
    @Override
    public WxSettings build() {
      return new WxSettings(this);
    }
  }
}
