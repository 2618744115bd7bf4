package io.minisocket.adapter.taro;

import io.minisocket.core.ConnectOption;
import io.minisocket.core.ErrorKind;
import io.minisocket.core.spi.PlatformProfile;
import io.minisocket.core.spi.Policies.GlobalSocketChoice;
import io.minisocket.core.spi.ResultStyle;
import java.util.EnumSet;
import java.util.Map;

/**
 * Taro's rules as a {@link PlatformProfile}: the target's host base ({@link TaroTarget#host()}) plus Taro's overlay,
 * under {@link TaroSettings}.
 */
final class TaroProfiles {
  private TaroProfiles() {}

  /**
   * @param settings the facade's settings
   * @return the host's wss rule and global API (with its handler policy), under Taro's overlay: errMsg results,
   *     url/header/method/protocols accepted (others ignored), Taro's limit in Taro H5's words
   *     ({@code 同时最多发起 N 个 socket 请求，更多请参考文档。}) and its wording of a wrong option type, the global
   *     API on the oldest socket that is not closed (Taro opens every socket with {@code connectSocket}), and the
   *     settings' Promise timing
   */
  static PlatformProfile profile(TaroSettings settings) {
    TaroTarget target = settings.target();
    return target.host().profile().toBuilder()
        .name("Taro (" + target.taroEnv() + ")")
        .resultStyle(ResultStyle.errMsg())
        .messages(Map.of(ErrorKind.LIMIT_EXCEEDED, "同时最多发起 " + PlatformProfile.LIMIT + " 个 socket 请求，更多请参考文档。"))
        .acceptedOptions(EnumSet.of(ConnectOption.HEADER, ConnectOption.METHOD, ConnectOption.PROTOCOLS))
        .connectionLimit(settings.connectionLimit())
        .wrongTypeWording("parameter error: parameter.{name} should be {expected} instead of {actual}")
        .globalSocketChoice(GlobalSocketChoice.FIRST_LIVE_TASK)
        .connectResultTiming(settings.connectResultTiming())
        .build();
  }
}
