package io.minisocket.adapter.uni;

import io.minisocket.core.ConnectOption;
import io.minisocket.core.ErrorKind;
import io.minisocket.core.spi.PlatformProfile;
import io.minisocket.core.spi.Policies.GlobalHandlers;
import io.minisocket.core.spi.Policies.GlobalSocketChoice;
import io.minisocket.core.spi.Policies.QueueOverflow;
import io.minisocket.core.spi.ResultStyle;
import java.util.Map;

/**
 * uni-app's rules as a {@link PlatformProfile}: the target's host base ({@link UniPlatform#host()}) plus uni-app's
 * overlay: its name, the options it passes on, errMsg results in uni-h5's own words, the global socket of a connect
 * without callbacks, and its own global API where it runs its own runtime.
 */
final class UniProfiles {
  private static final long KIB = 1024;
  private static final long MIB = KIB * KIB;

  private UniProfiles() {}

  /**
   * @param settings the target and its overrides (its configuration's send queue bound words the App's overflow)
   * @return the profile
   */
  static PlatformProfile profile(UniSettings settings) {
    UniPlatform target = settings.target();
    PlatformProfile host = target.host().profile();
    boolean singleInstance = target.acceptedOptions().contains(ConnectOption.MULTIPLE);
    PlatformProfile.Builder b = host.toBuilder()
        .name("uni-app (" + target.id() + ")")
        .connectionLimit(settings.connectionLimit())
        .acceptedOptions(target.acceptedOptions())
        .unsupportedOption(settings.unsupportedOption())
        .resultStyle(ResultStyle.errMsg())
        .messages(Map.of(
            ErrorKind.URL_EMPTY, "Missing required parameter `url`", // uni-h5's own words
            ErrorKind.CONNECTION_EXISTS, singleInstance
                ? "a connection already exists: only one socket without multiple: true can be open"
                : "the global socket is in use: only one can exist; pass success, fail or complete to get a "
                    + "SocketTask"))
        .sendWhenNotOpenWording("Error: SocketTask.readyState is not OPEN") // uni-h5's own words
        .globalSocketChoice(GlobalSocketChoice.GLOBAL_CONNECT);
    if (target.ownRuntime()) {
      b.globalApi(true).globalHandlers(GlobalHandlers.ADD);
    }
    if (host.queueOverflow() == QueueOverflow.CLOSE_CONNECTION) {
      b.message(ErrorKind.QUEUE_FULL, "The queue memory exceeds " + size(settings.config().maxQueueBytes())
          + " and the connection will be closed");
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
