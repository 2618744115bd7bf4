package io.minisocket.core.spi;

import io.minisocket.core.ConnectOption;
import io.minisocket.core.ErrorKind;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.spi.Policies.GlobalHandlers;
import io.minisocket.core.spi.Policies.GlobalSocketChoice;
import io.minisocket.core.spi.Policies.QueueOverflow;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The platforms a mini-program (or a framework's build of it) runs on, each with its base profile: the facts of the
 * platform itself, stated once here — connection limit, the wss rule, the options it accepts, how it words results
 * (errMsg or Alipay's codes), whether its deprecated global socket API exists and which socket it acts on, whether
 * {@code onSocketX} handlers replace or add up, and its default connect timeout. Sources: {@code shared/PLATFORMS.md}
 * and the platform documents it condenses (uni-app's per-platform table for Baidu, QQ, Douyin and Lark).
 *
 * <p>Adapters derive from a base: {@code Wx} is {@link #WECHAT}, {@code My} is {@link #ALIPAY}; a uni-app target or a
 * Taro target is its host plus the framework's overlay (uni-app: errMsg wording, the Promise rule, its option table;
 * Taro: the limit of 2, the Promise of the task). A custom adapter starts the same way:
 * <pre>{@code
 * PlatformProfile qq = HostPlatform.QQ.profile();                                   // as the host is
 * PlatformProfile strict = HostPlatform.QQ.profile().toBuilder().connectionLimit(2).build(); // a variant
 * }</pre>
 *
 * <p>Every value is data: core never asks which host a profile came from.
 */
public enum HostPlatform {
  /**
   * WeChat ({@code wx}): 5 sockets from base library 1.7.0 on; wss only; url, header, method, protocols and data
   * (accepted, not sent); errMsg results ({@code exceed max concurrent count} past the limit); the global API acts on
   * the oldest socket that is not closed and keeps one handler per event; 60 s connect timeout
   * ({@code networkTimeout.connectSocket}).
   */
  WECHAT("wx", SocketConfig.DEFAULT_CONNECT_TIMEOUT, b -> globalApiAsWeChat(b
      .connectionLimit(5)
      .wssRequired(true)
      .acceptedOptions(EnumSet.of(ConnectOption.HEADER, ConnectOption.METHOD, ConnectOption.PROTOCOLS,
          ConnectOption.DATA))
      .message(ErrorKind.LIMIT_EXCEEDED, "exceed max concurrent count"))),
  /**
   * Alipay ({@code my}): 5 sockets; wss only (code 20 for ws); url, header, protocols, data, multiple and timeout;
   * numeric {@code error} codes 1–12 and 20 with Alipay's {@code errorMessage} texts; the global API acts on the
   * single-instance socket (a connect without {@code multiple: true}) and its handlers add up until removed; 30 s
   * connect timeout (the {@code timeout} option's default).
   */
  ALIPAY("my", Duration.ofMillis(30_000), b -> b
      .connectionLimit(5)
      .wssRequired(true)
      .acceptedOptions(EnumSet.of(ConnectOption.HEADER, ConnectOption.PROTOCOLS, ConnectOption.DATA,
          ConnectOption.MULTIPLE, ConnectOption.TIMEOUT))
      .resultStyle(ResultStyle.errorCodes(AlipayResults.CODES, AlipayResults.UNKNOWN_CODE))
      .messages(AlipayResults.MESSAGES)
      .globalApi(true)
      .globalSocketChoice(GlobalSocketChoice.GLOBAL_CONNECT)
      .globalHandlers(GlobalHandlers.ADD)),
  /**
   * Baidu smart programs ({@code swan}): "several" sockets since base library 1.9.4, taken as 5; wss only; url,
   * header and protocols; errMsg results; a global API as WeChat's (oldest socket, one handler per event).
   */
  BAIDU("swan", SocketConfig.DEFAULT_CONNECT_TIMEOUT, b -> globalApiAsWeChat(b
      .connectionLimit(5)
      .wssRequired(true)
      .acceptedOptions(EnumSet.of(ConnectOption.HEADER, ConnectOption.PROTOCOLS)))),
  /**
   * QQ mini-programs ({@code qq}): 5 sockets; wss only; url and header (uni-app's table lists neither method nor
   * protocols for QQ); errMsg results; a global API as WeChat's (oldest socket, one handler per event).
   */
  QQ("qq", SocketConfig.DEFAULT_CONNECT_TIMEOUT, b -> globalApiAsWeChat(b
      .connectionLimit(5)
      .wssRequired(true)
      .acceptedOptions(EnumSet.of(ConnectOption.HEADER)))),
  /**
   * Douyin / ByteDance mini-programs ({@code tt}): no documented limit; wss only; url, header and protocols; errMsg
   * results; no global socket API.
   */
  DOUYIN("tt", SocketConfig.DEFAULT_CONNECT_TIMEOUT, b -> b
      .wssRequired(true)
      .acceptedOptions(EnumSet.of(ConnectOption.HEADER, ConnectOption.PROTOCOLS))),
  /**
   * Lark / Feishu mini-programs: no documented limit; wss only; url, header and protocols; errMsg results; a global
   * API with one handler per event.
   */
  LARK("lark", SocketConfig.DEFAULT_CONNECT_TIMEOUT, b -> globalApiAsWeChat(b
      .wssRequired(true)
      .acceptedOptions(EnumSet.of(ConnectOption.HEADER, ConnectOption.PROTOCOLS)))),
  /**
   * The browser (H5): no limit; {@code ws://} allowed; url and protocols only (a browser cannot set handshake
   * headers); errMsg results; no global socket API of its own.
   */
  BROWSER("h5", SocketConfig.DEFAULT_CONNECT_TIMEOUT, b -> b
      .acceptedOptions(EnumSet.of(ConnectOption.PROTOCOLS))),
  /**
   * The uni-app App (Android/iOS): no documented limit; {@code ws://} allowed; url, header and protocols; errMsg
   * results; uni-app's own global API, whose handlers add up; a send queue past its bound (16 MiB) closes the
   * connection.
   */
  UNI_APP("app", SocketConfig.DEFAULT_CONNECT_TIMEOUT, b -> b
      .acceptedOptions(EnumSet.of(ConnectOption.HEADER, ConnectOption.PROTOCOLS))
      .globalApi(true)
      .globalSocketChoice(GlobalSocketChoice.GLOBAL_CONNECT)
      .globalHandlers(GlobalHandlers.ADD)
      .queueOverflow(QueueOverflow.CLOSE_CONNECTION)),
  /**
   * React Native (a Taro target): no limit; {@code ws://} allowed; url, header and protocols; errMsg results; no
   * global socket API.
   */
  REACT_NATIVE("rn", SocketConfig.DEFAULT_CONNECT_TIMEOUT, b -> b
      .acceptedOptions(EnumSet.of(ConnectOption.HEADER, ConnectOption.PROTOCOLS)));

  private final PlatformProfile profile;
  private final SocketConfig defaultConfig;

  /** WeChat's global API, which Baidu, QQ and Lark copy: on the oldest socket not closed, one handler per event. */
  private static PlatformProfile.Builder globalApiAsWeChat(PlatformProfile.Builder builder) {
    return builder.globalApi(true).globalSocketChoice(GlobalSocketChoice.FIRST_LIVE_TASK)
        .globalHandlers(GlobalHandlers.REPLACE);
  }

  HostPlatform(String name, Duration connectTimeout, UnaryOperator<PlatformProfile.Builder> facts) {
    this.profile = facts.apply(PlatformProfile.builder(name)).build();
    this.defaultConfig = SocketConfig.builder().connectTimeout(connectTimeout).build();
  }

  /**
   * @return the host's base profile, named by its JavaScript object ({@code "wx"}, {@code "my"}, ...); derive a
   *     variant with {@link PlatformProfile#toBuilder()}
   */
  public PlatformProfile profile() {
    return profile;
  }

  /**
   * @return the host's default app configuration: {@link SocketConfig#defaults()} with its default connect timeout
   *     (60 s, Alipay 30 s); derive a variant with {@link SocketConfig#toBuilder()}
   */
  public SocketConfig defaultConfig() {
    return defaultConfig;
  }

  /** Alipay's result codes and texts (the table of the {@code my.connectSocket} documentation), a row each. */
  private static final class AlipayResults {
    /** The code of every failure not in the table: 1, unknown error. */
    static final int UNKNOWN_CODE = 1;
    static final Map<ErrorKind, Integer> CODES = new EnumMap<>(ErrorKind.class);
    /** Alipay's own wording of each code, without the closing full stop (core may append a detail). */
    static final Map<ErrorKind, String> MESSAGES = new EnumMap<>(ErrorKind.class);

    static {
      row(ErrorKind.UNKNOWN, UNKNOWN_CODE, "未知错误");
      row(ErrorKind.CONNECTION_EXISTS, 2, "网络连接已经存在");
      row(ErrorKind.URL_EMPTY, 3, "URL 参数为空");
      row(ErrorKind.URL_INVALID, 4, "无法识别的 URL 格式");
      row(ErrorKind.URL_SCHEME, 5, "URL 必须以 ws 或者 wss 开头");
      row(ErrorKind.CONNECT_TIMEOUT, 6, "连接服务器超时");
      row(ErrorKind.TLS, 7, "服务器返回的 https 证书无效");
      row(ErrorKind.HANDSHAKE, 8, "服务端返回协议头无效");
      row(ErrorKind.SUBPROTOCOL, 9, "WebSocket 请求没有指定 Sec-WebSocket-Protocol 请求头");
      row(ErrorKind.NOT_OPEN, 10, "网络连接没有打开，无法发送消息");
      row(ErrorKind.SEND_FAILED, 11, "消息发送失败");
      row(ErrorKind.QUEUE_FULL, 12, "无法申请更多内存来读取网络数据");
      row(ErrorKind.WSS_REQUIRED, 20, "请求 URL 不支持 ws，请使用 wss");
      row(ErrorKind.LIMIT_EXCEEDED, UNKNOWN_CODE, "最多支持 " + PlatformProfile.LIMIT + " 个 WebSocket 实例");
    }

    private AlipayResults() {}

    private static void row(ErrorKind kind, int code, String text) {
      CODES.put(kind, code);
      MESSAGES.put(kind, text);
    }
  }
}
