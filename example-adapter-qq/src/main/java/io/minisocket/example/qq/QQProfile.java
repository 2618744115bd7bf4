package io.minisocket.example.qq;

import io.minisocket.core.ConnectOption;
import io.minisocket.core.spi.PlatformProfile;
import io.minisocket.core.spi.Policies.CloseWhileConnecting;
import io.minisocket.core.spi.Policies.ConnectResultTiming;
import io.minisocket.core.spi.Policies.GlobalHandlers;
import io.minisocket.core.spi.Policies.GlobalSocketChoice;
import io.minisocket.core.spi.Policies.QueueOverflow;
import io.minisocket.core.spi.Policies.QueueUntilOpen;
import io.minisocket.core.spi.Policies.UnsupportedOption;
import io.minisocket.core.spi.ResultStyle;
import java.util.EnumSet;

/**
 * QQ's rules as data. Every difference from another platform is a property of the profile; the facade has no
 * platform logic of its own.
 */
final class QQProfile {
  /** The most sockets a QQ mini-program keeps connecting or open at once (uni-app's notes, seed 000). */
  static final int CONNECTION_LIMIT = 5;

  /**
   * QQ mini-programs: wss only (while the url check is on); {@code url} and {@code header} take effect and other
   * options are ignored (uni-app's option table lists neither {@code method} nor {@code protocols} for QQ); results
   * named as WeChat names them ({@code errMsg}); the deprecated global API acts on the oldest socket that is not
   * closed and keeps one handler per event, as WeChat's; closing while connecting cancels the handshake; sends
   * before open and past the queue bound fail; {@code connectSocket}'s success runs once the request is accepted.
   */
  static final PlatformProfile PROFILE = PlatformProfile.builder("qq")
      .connectionLimit(CONNECTION_LIMIT)
      .wssRequired(true)
      .acceptedOptions(EnumSet.of(ConnectOption.HEADER))
      .unsupportedOption(UnsupportedOption.IGNORE)
      .resultStyle(ResultStyle.errMsg())
      .globalApi(true)
      .globalSocketChoice(GlobalSocketChoice.FIRST_LIVE_TASK)
      .globalHandlers(GlobalHandlers.REPLACE)
      .closeWhileConnecting(CloseWhileConnecting.ABORT)
      .queueUntilOpen(QueueUntilOpen.REFUSE)
      .queueOverflow(QueueOverflow.FAIL_SEND)
      .connectResultTiming(ConnectResultTiming.ON_ACCEPT)
      .build();

  private QQProfile() {}
}
