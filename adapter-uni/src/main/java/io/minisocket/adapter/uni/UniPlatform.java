package io.minisocket.adapter.uni;

import io.minisocket.core.ConnectOption;
import io.minisocket.core.spi.HostPlatform;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The platform a uni-app build runs on ({@code process.env.UNI_PLATFORM}): a {@linkplain #host() host platform}
 * whose facts apply (the limit of simultaneous sockets, the wss rule, whether the deprecated global socket API
 * exists, whether its handlers replace or add up), under uni-app's overlay (see {@link UniSettings}): uni-app passes
 * on only the options its documentation lists for the target, and on the targets where it runs its own runtime (the
 * App, H5) it supplies the global API itself.
 *
 * <table>
 *   <caption>Rules per target (host facts, then uni-app's)</caption>
 *   <tr><th>target</th><th>host</th><th>header</th><th>method</th><th>protocols</th><th>multiple</th>
 *       <th>wss only</th><th>limit</th><th>global API</th></tr>
 *   <tr><td>app</td><td>uni-app App</td><td>yes</td><td>–</td><td>yes</td><td>–</td><td>no</td><td>none</td>
 *       <td>yes (uni-app's)</td></tr>
 *   <tr><td>h5</td><td>browser</td><td>–</td><td>–</td><td>yes</td><td>–</td><td>no</td><td>none</td>
 *       <td>yes (uni-app's)</td></tr>
 *   <tr><td>mp-weixin</td><td>WeChat</td><td>yes</td><td>yes</td><td>yes</td><td>–</td><td>yes</td><td>5</td>
 *       <td>yes</td></tr>
 *   <tr><td>mp-alipay</td><td>Alipay</td><td>yes</td><td>–</td><td>– (uni-app)</td><td>yes</td><td>yes</td>
 *       <td>5</td><td>yes</td></tr>
 *   <tr><td>mp-baidu</td><td>Baidu</td><td>yes</td><td>–</td><td>yes</td><td>–</td><td>yes</td><td>5</td>
 *       <td>yes</td></tr>
 *   <tr><td>mp-qq</td><td>QQ</td><td>yes</td><td>–</td><td>–</td><td>–</td><td>yes</td><td>5</td><td>yes</td></tr>
 *   <tr><td>mp-toutiao</td><td>Douyin</td><td>yes</td><td>–</td><td>yes</td><td>–</td><td>yes</td><td>none</td>
 *       <td>no</td></tr>
 *   <tr><td>mp-lark</td><td>Lark</td><td>yes</td><td>–</td><td>yes</td><td>–</td><td>yes</td><td>none</td>
 *       <td>yes</td></tr>
 * </table>
 */
public enum UniPlatform {
  /** The App (Android/iOS): a send queue over 16 MiB closes the connection. */
  APP("app", HostPlatform.UNI_APP, true),
  /** The web (H5): browsers cannot set handshake headers, so {@code header} has no effect. */
  H5("h5", HostPlatform.BROWSER, true),
  /** WeChat mini-program: the only target where {@code method} takes effect. */
  MP_WEIXIN("mp-weixin", HostPlatform.WECHAT, false),
  /**
   * Alipay mini-program: the only target with {@code multiple}; a socket without {@code multiple: true} is Alipay's
   * single instance (the global socket); uni-app does not pass {@code protocols} on.
   */
  MP_ALIPAY("mp-alipay", HostPlatform.ALIPAY, false, ConnectOption.PROTOCOLS),
  /** Baidu mini-program: "several" sockets since base library 1.9.4, taken as 5. */
  MP_BAIDU("mp-baidu", HostPlatform.BAIDU, false),
  /** QQ mini-program: no {@code protocols}. */
  MP_QQ("mp-qq", HostPlatform.QQ, false),
  /** Douyin (ByteDance) mini-program: the global socket API is not supported. */
  MP_TOUTIAO("mp-toutiao", HostPlatform.DOUYIN, false),
  /** Feishu (Lark) mini-program. */
  MP_LARK("mp-lark", HostPlatform.LARK, false);

  private final String id;
  private final HostPlatform host;
  private final boolean ownRuntime;
  private final Set<ConnectOption> acceptedOptions;

  UniPlatform(String id, HostPlatform host, boolean ownRuntime, ConnectOption... notPassedOn) {
    this.id = id;
    this.host = host;
    this.ownRuntime = ownRuntime;
    // the options uni-app's connectSocket documents at all; a target passes on those its host accepts
    EnumSet<ConnectOption> accepted = EnumSet.of(ConnectOption.HEADER, ConnectOption.METHOD, ConnectOption.PROTOCOLS,
        ConnectOption.MULTIPLE);
    accepted.removeIf(option -> !host.profile().accepts(option));
    accepted.removeAll(Arrays.asList(notPassedOn));
    this.acceptedOptions = Set.copyOf(accepted);
  }

  /** @return the uni-app name of the target, e.g. {@code "mp-weixin"} */
  public String id() {
    return id;
  }

  /** @return the platform the target runs on, whose facts apply under uni-app's overlay */
  public HostPlatform host() {
    return host;
  }

  /** @return the target's limit of simultaneous sockets (its host's); 0 where the documentation gives none */
  public int defaultConnectionLimit() {
    return host.profile().connectionLimit();
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

  /** @return the options uni-app passes on for this target: those it documents that the host accepts */
  Set<ConnectOption> acceptedOptions() {
    return acceptedOptions;
  }

  /** @return whether uni-app runs its own runtime here (App, H5), which supplies the global API, handlers adding up */
  boolean ownRuntime() {
    return ownRuntime;
  }
}
