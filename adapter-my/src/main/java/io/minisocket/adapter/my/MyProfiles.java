package io.minisocket.adapter.my;

import io.minisocket.core.ConnectOption;
import io.minisocket.core.ErrorKind;
import io.minisocket.core.spi.PlatformProfile;
import io.minisocket.core.spi.Policies.CloseWhileConnecting;
import io.minisocket.core.spi.Policies.ConnectResultTiming;
import io.minisocket.core.spi.Policies.GlobalHandlers;
import io.minisocket.core.spi.Policies.GlobalSocketChoice;
import io.minisocket.core.spi.Policies.QueueOverflow;
import io.minisocket.core.spi.Policies.QueueUntilOpen;
import io.minisocket.core.spi.Policies.SecondGlobalConnect;
import io.minisocket.core.spi.ResultStyle;
import java.util.EnumSet;
import java.util.Map;

/** Alipay's rules as a {@link PlatformProfile}. */
final class MyProfiles {
  /** Alipay's code for every failure not in {@link #CODES}: 1, unknown error. */
  static final int UNKNOWN_CODE = 1;

  /** Alipay's error codes (the table of the {@code my.connectSocket} documentation). */
  static final Map<ErrorKind, Integer> CODES = Map.ofEntries(
      Map.entry(ErrorKind.CONNECTION_EXISTS, 2),
      Map.entry(ErrorKind.URL_EMPTY, 3),
      Map.entry(ErrorKind.URL_INVALID, 4),
      Map.entry(ErrorKind.URL_SCHEME, 5),
      Map.entry(ErrorKind.CONNECT_TIMEOUT, 6),
      Map.entry(ErrorKind.TLS, 7),
      Map.entry(ErrorKind.HANDSHAKE, 8),
      Map.entry(ErrorKind.SUBPROTOCOL, 9),
      Map.entry(ErrorKind.NOT_OPEN, 10),
      Map.entry(ErrorKind.SEND_FAILED, 11),
      Map.entry(ErrorKind.QUEUE_FULL, 12),
      Map.entry(ErrorKind.WSS_REQUIRED, 20));

  /** Alipay's own wording of each code, without the closing full stop (core may append a detail). */
  private static final Map<ErrorKind, String> MESSAGES = Map.ofEntries(
      Map.entry(ErrorKind.UNKNOWN, "未知错误"),
      Map.entry(ErrorKind.CONNECTION_EXISTS, "网络连接已经存在"),
      Map.entry(ErrorKind.URL_EMPTY, "URL 参数为空"),
      Map.entry(ErrorKind.URL_INVALID, "无法识别的 URL 格式"),
      Map.entry(ErrorKind.URL_SCHEME, "URL 必须以 ws 或者 wss 开头"),
      Map.entry(ErrorKind.CONNECT_TIMEOUT, "连接服务器超时"),
      Map.entry(ErrorKind.TLS, "服务器返回的 https 证书无效"),
      Map.entry(ErrorKind.HANDSHAKE, "服务端返回协议头无效"),
      Map.entry(ErrorKind.SUBPROTOCOL, "WebSocket 请求没有指定 Sec-WebSocket-Protocol 请求头"),
      Map.entry(ErrorKind.NOT_OPEN, "网络连接没有打开，无法发送消息"),
      Map.entry(ErrorKind.SEND_FAILED, "消息发送失败"),
      Map.entry(ErrorKind.QUEUE_FULL, "无法申请更多内存来读取网络数据"),
      Map.entry(ErrorKind.WSS_REQUIRED, "请求 URL 不支持 ws，请使用 wss"));

  private MyProfiles() {}

  /**
   * @param settings the Alipay-side switches
   * @return Alipay's profile: numeric error codes, the global API on the single-instance socket with handlers
   *     that add up until removed, a second single-instance connect refused (error 2), sends refused before open
   *     (error 10), success on accept with network failures reported through onError
   */
  static PlatformProfile profile(MySettings settings) {
    PlatformProfile.Builder builder = PlatformProfile.builder("my")
        .connectionLimit(settings.maxSockets())
        .wssRequired(settings.wssRequired())
        .acceptedOptions(EnumSet.of(ConnectOption.HEADER, ConnectOption.PROTOCOLS, ConnectOption.DATA,
            ConnectOption.MULTIPLE, ConnectOption.TIMEOUT))
        .resultStyle(ResultStyle.errorCodes(CODES, UNKNOWN_CODE))
        .globalApi(true)
        .globalSocketChoice(GlobalSocketChoice.GLOBAL_CONNECT)
        .globalHandlers(GlobalHandlers.ADD)
        .secondGlobalConnect(SecondGlobalConnect.REFUSE)
        .closeWhileConnecting(CloseWhileConnecting.ABORT)
        .queueUntilOpen(QueueUntilOpen.REFUSE)
        .queueOverflow(QueueOverflow.FAIL_SEND)
        .connectResultTiming(ConnectResultTiming.ON_ACCEPT)
        .message(ErrorKind.LIMIT_EXCEEDED, "最多支持 " + settings.maxSockets() + " 个 WebSocket 实例");
    MESSAGES.forEach(builder::message);
    return builder.build();
  }
}
