package io.minisocket.adapter.uni;

import io.minisocket.core.ConnectOption;
import io.minisocket.core.spi.Policies.GlobalHandlers;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The platform a uni-app build runs on ({@code process.env.UNI_PLATFORM}). It chooses the rules of
 * {@code uni.connectSocket} that the uni-app documentation lists per platform: which options take effect, whether
 * {@code wss://} is required, the limit of simultaneous sockets, and whether the deprecated global socket API
 * ({@code uni.onSocketOpen}, ...) exists.
 *
 * <table>
 *   <caption>Rules per target</caption>
 *   <tr><th>target</th><th>header</th><th>method</th><th>protocols</th><th>multiple</th><th>wss only</th>
 *       <th>limit</th><th>global API</th></tr>
 *   <tr><td>app</td><td>yes</td><td>–</td><td>yes</td><td>–</td><td>no</td><td>none</td><td>yes</td></tr>
 *   <tr><td>h5</td><td>–</td><td>–</td><td>yes</td><td>–</td><td>no</td><td>none</td><td>yes</td></tr>
 *   <tr><td>mp-weixin</td><td>yes</td><td>yes</td><td>yes</td><td>–</td><td>yes</td><td>5</td><td>yes</td></tr>
 *   <tr><td>mp-alipay</td><td>yes</td><td>–</td><td>–</td><td>yes</td><td>yes</td><td>5</td><td>yes</td></tr>
 *   <tr><td>mp-baidu</td><td>yes</td><td>–</td><td>yes</td><td>–</td><td>yes</td><td>5</td><td>yes</td></tr>
 *   <tr><td>mp-qq</td><td>yes</td><td>–</td><td>–</td><td>–</td><td>yes</td><td>5</td><td>yes</td></tr>
 *   <tr><td>mp-toutiao</td><td>yes</td><td>–</td><td>yes</td><td>–</td><td>yes</td><td>none</td><td>no</td></tr>
 *   <tr><td>mp-lark</td><td>yes</td><td>–</td><td>yes</td><td>–</td><td>yes</td><td>none</td><td>yes</td></tr>
 * </table>
 */
public enum UniPlatform {
  /** The App (Android/iOS): no wss rule, no documented limit; a send queue over 16 MiB closes the connection. */
  APP("app", false, 0, true, EnumSet.of(ConnectOption.HEADER, ConnectOption.PROTOCOLS)),
  /** The web (H5): browsers cannot set handshake headers, so {@code header} has no effect; no documented limit. */
  H5("h5", false, 0, true, EnumSet.of(ConnectOption.PROTOCOLS)),
  /** WeChat mini-program: the only target where {@code method} takes effect; 5 sockets at most. */
  MP_WEIXIN("mp-weixin", true, 5, true,
      EnumSet.of(ConnectOption.HEADER, ConnectOption.METHOD, ConnectOption.PROTOCOLS)),
  /**
   * Alipay mini-program: the only target with {@code multiple}; a socket without {@code multiple: true} is Alipay's
   * single instance (the global socket); 5 sockets at most.
   */
  MP_ALIPAY("mp-alipay", true, 5, true, EnumSet.of(ConnectOption.HEADER, ConnectOption.MULTIPLE)),
  /** Baidu mini-program: "several" sockets since base library 1.9.4, taken as 5. */
  MP_BAIDU("mp-baidu", true, 5, true, EnumSet.of(ConnectOption.HEADER, ConnectOption.PROTOCOLS)),
  /** QQ mini-program: no {@code protocols}; 5 sockets at most. */
  MP_QQ("mp-qq", true, 5, true, EnumSet.of(ConnectOption.HEADER)),
  /** Douyin (ByteDance) mini-program: the global socket API is not supported; no documented limit. */
  MP_TOUTIAO("mp-toutiao", true, 0, false, EnumSet.of(ConnectOption.HEADER, ConnectOption.PROTOCOLS)),
  /** Feishu (Lark) mini-program: no documented limit. */
  MP_LARK("mp-lark", true, 0, true, EnumSet.of(ConnectOption.HEADER, ConnectOption.PROTOCOLS));

  private final String id;
  private final boolean wssRequired;
  private final int defaultConnectionLimit;
  private final boolean globalApi;
  private final Set<ConnectOption> acceptedOptions;

  UniPlatform(String id, boolean wssRequired, int defaultConnectionLimit, boolean globalApi,
      Set<ConnectOption> acceptedOptions) {
    this.id = id;
    this.wssRequired = wssRequired;
    this.defaultConnectionLimit = defaultConnectionLimit;
    this.globalApi = globalApi;
    this.acceptedOptions = Set.copyOf(acceptedOptions);
  }

  /** @return the uni-app name of the target, e.g. {@code "mp-weixin"} */
  public String id() {
    return id;
  }

  /** @return the target's limit of simultaneous sockets; 0 where the documentation gives none */
  public int defaultConnectionLimit() {
    return defaultConnectionLimit;
  }

  /**
   * @param id a uni-app target name such as {@code "mp-weixin"} (case-insensitive)
   * @return the target
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static UniPlatform fromId(String id) {
    for (UniPlatform platform : values()) {
      if (platform.id.equals(id == null ? null : id.trim().toLowerCase(Locale.ROOT))) {
        return platform;
      }
    }
    throw new IllegalArgumentException("unknown uni-app target '" + id + "', expected one of "
        + Arrays.stream(values()).map(UniPlatform::id).collect(Collectors.joining(", ")));
  }

  boolean wssRequired() {
    return wssRequired;
  }

  boolean globalApi() {
    return globalApi;
  }

  Set<ConnectOption> acceptedOptions() {
    return acceptedOptions;
  }

  /** Only Alipay has a single-instance mode that {@code multiple: true} leaves. */
  boolean singleInstanceWithoutMultiple() {
    return acceptedOptions.contains(ConnectOption.MULTIPLE);
  }

  /** Only the App bounds its send queue by closing the connection. */
  boolean closesOnQueueOverflow() {
    return this == APP;
  }

  /**
   * uni-app's own runtime (App, H5) and Alipay keep every {@code onSocketX} handler; the WeChat-like
   * mini-programs keep the last one.
   */
  GlobalHandlers globalHandlers() {
    return this == APP || this == H5 || this == MP_ALIPAY ? GlobalHandlers.ADD : GlobalHandlers.REPLACE;
  }
}
