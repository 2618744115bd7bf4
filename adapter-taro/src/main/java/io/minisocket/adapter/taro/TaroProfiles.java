package io.minisocket.adapter.taro;

import io.minisocket.core.ConnectOption;
import io.minisocket.core.ErrorKind;
import io.minisocket.core.spi.PlatformProfile;
import io.minisocket.core.spi.Policies.GlobalSocketChoice;
import io.minisocket.core.spi.ResultStyle;
import java.util.EnumSet;

/** Taro's rules as a {@link PlatformProfile}, derived from {@link TaroSettings}. */
final class TaroProfiles {
  private TaroProfiles() {}

  /**
   * @param settings the facade's settings
   * @return the profile: errMsg results, url/header/method/protocols accepted (others ignored), Taro's limit and
   *     message, and the target's global API (which acts on the oldest socket that is not closed, since Taro opens
   *     every socket with {@code connectSocket})
   */
  static PlatformProfile profile(TaroSettings settings) {
    TaroTarget target = settings.target();
    return PlatformProfile.builder("Taro (" + target.taroEnv() + ")")
        .resultStyle(ResultStyle.errMsg())
        .acceptedOptions(EnumSet.of(ConnectOption.HEADER, ConnectOption.METHOD, ConnectOption.PROTOCOLS))
        .connectionLimit(settings.connectionLimit())
        .message(ErrorKind.LIMIT_EXCEEDED, limitMessage(settings.connectionLimit()))
        .wrongTypeWording("parameter error: parameter.{name} should be {expected} instead of {actual}")
        .wssRequired(target.wssRequired())
        .globalApi(target.globalApi())
        .globalSocketChoice(GlobalSocketChoice.FIRST_LIVE_TASK)
        .globalHandlers(target.globalHandlers())
        .connectResultTiming(settings.connectResultTiming())
        .build();
  }

  /** Taro H5's wording, with the configured number. */
  private static String limitMessage(int limit) {
    return "同时最多发起 " + limit + " 个 socket 请求，更多请参考文档。";
  }
}
