package io.minisocket.adapter.uni;

import io.minisocket.core.ErrorKind;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.spi.PlatformProfile;
import io.minisocket.core.spi.Policies.CloseWhileConnecting;
import io.minisocket.core.spi.Policies.ConnectResultTiming;
import io.minisocket.core.spi.Policies.GlobalSocketChoice;
import io.minisocket.core.spi.Policies.QueueOverflow;
import io.minisocket.core.spi.Policies.QueueUntilOpen;
import io.minisocket.core.spi.Policies.SecondGlobalConnect;
import io.minisocket.core.spi.ResultStyle;

/** uni-app's rules as a {@link PlatformProfile}, per target. */
final class UniProfiles {
  private static final long KIB = 1024;
  private static final long MIB = KIB * KIB;

  private UniProfiles() {}

  /**
   * @param settings the target and its overrides
   * @param config   the app configuration (its send queue bound names the App's overflow message)
   * @return the profile
   */
  static PlatformProfile profile(UniSettings settings, SocketConfig config) {
    UniPlatform target = settings.target();
    PlatformProfile.Builder b = PlatformProfile.builder("uni-app (" + target.id() + ")")
        .connectionLimit(settings.connectionLimit())
        .wssRequired(target.wssRequired())
        .acceptedOptions(target.acceptedOptions())
        .unsupportedOption(settings.unsupportedOption())
        .resultStyle(ResultStyle.errMsg())
        .globalApi(target.globalApi())
        .globalSocketChoice(GlobalSocketChoice.GLOBAL_CONNECT)
        .globalHandlers(target.globalHandlers())
        .secondGlobalConnect(SecondGlobalConnect.REFUSE)
        .closeWhileConnecting(CloseWhileConnecting.ABORT)
        .queueUntilOpen(QueueUntilOpen.REFUSE)
        .connectResultTiming(ConnectResultTiming.ON_ACCEPT)
        .message(ErrorKind.URL_EMPTY, "Missing required parameter `url`") // uni-h5's own words
        .sendWhenNotOpenWording("Error: SocketTask.readyState is not OPEN") // uni-h5's own words
        .message(ErrorKind.CONNECTION_EXISTS, target.singleInstanceWithoutMultiple()
            ? "a connection already exists: only one socket without multiple: true can be open"
            : "the global socket is in use: only one can exist; pass success, fail or complete to get a SocketTask");
    if (target.closesOnQueueOverflow()) {
      b.queueOverflow(QueueOverflow.CLOSE_CONNECTION)
          .message(ErrorKind.QUEUE_FULL, "The queue memory exceeds " + size(config.maxQueueBytes())
              + " and the connection will be closed");
    } else {
      b.queueOverflow(QueueOverflow.FAIL_SEND);
    }
    return b.build();
  }

  /** @return {@code 16 MiB}, {@code 64 KiB} or {@code 1000 bytes} */
  static String size(long bytes) {
    if (bytes % MIB == 0) {
      return bytes / MIB + " MiB";
    }
    return bytes % KIB == 0 ? bytes / KIB + " KiB" : bytes + " bytes";
  }
}
