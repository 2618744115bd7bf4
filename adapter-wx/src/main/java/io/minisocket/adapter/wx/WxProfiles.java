package io.minisocket.adapter.wx;

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
import io.minisocket.core.spi.Policies.UnsupportedOption;
import io.minisocket.core.spi.ResultStyle;
import java.util.EnumSet;

/** WeChat's rules as a {@link PlatformProfile}, from {@link WxSettings}. */
final class WxProfiles {
  /**
   * The reason of a connect past the limit. WeChat devices say
   * {@code createSocketTask:fail wcwss taskID=9 exceed max concurrent count}: the prefix names an internal API and
   * the task id a device-internal counter. MiniSocket keeps the {@code connectSocket:fail} prefix of every other
   * connect failure and WeChat's wording: {@code connectSocket:fail exceed max concurrent count}, so code that
   * looks for {@code "exceed max concurrent count"} matches both.
   */
  static final String LIMIT_EXCEEDED = "exceed max concurrent count";

  private WxProfiles() {}

  /**
   * @param settings the version and limit to emulate
   * @return WeChat's profile: wss required; url, header, method, protocols and data accepted, other options
   *     ignored; errMsg results; the global API on the first task that is not closed, one handler per event; close
   *     while connecting aborts the handshake; sends before open refused; success once the request is accepted.
   *     From base library 1.7.0 on the settings' limit; before it one socket, which a new connect replaces.
   */
  static PlatformProfile profile(WxSettings settings) {
    return PlatformProfile.builder("wx")
        .connectionLimit(settings.multipleSockets() ? settings.connectionLimit() : 1)
        .secondGlobalConnect(settings.multipleSockets() ? SecondGlobalConnect.REFUSE : SecondGlobalConnect.REPLACE)
        .wssRequired(true)
        .acceptedOptions(EnumSet.of(ConnectOption.URL, ConnectOption.HEADER, ConnectOption.METHOD,
            ConnectOption.PROTOCOLS, ConnectOption.DATA))
        .unsupportedOption(UnsupportedOption.IGNORE)
        .resultStyle(ResultStyle.errMsg())
        .message(ErrorKind.LIMIT_EXCEEDED, LIMIT_EXCEEDED)
        .globalApi(true)
        .globalSocketChoice(GlobalSocketChoice.FIRST_LIVE_TASK)
        .globalHandlers(GlobalHandlers.REPLACE)
        .closeWhileConnecting(CloseWhileConnecting.ABORT)
        .queueUntilOpen(QueueUntilOpen.REFUSE)
        .queueOverflow(QueueOverflow.FAIL_SEND)
        .connectResultTiming(ConnectResultTiming.ON_ACCEPT)
        .build();
  }
}
