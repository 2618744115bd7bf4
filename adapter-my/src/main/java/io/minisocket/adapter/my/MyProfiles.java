package io.minisocket.adapter.my;

import io.minisocket.core.spi.HostPlatform;
import io.minisocket.core.spi.PlatformProfile;

/**
 * Alipay's rules as a {@link PlatformProfile}: its host's base, {@link HostPlatform#ALIPAY}, under {@link MySettings}.
 */
final class MyProfiles {
  private MyProfiles() {}

  /**
   * @param settings the Alipay-side switches
   * @return Alipay's base profile with the settings' limit (worded {@code 最多支持 N 个 WebSocket 实例}) and wss rule
   */
  static PlatformProfile profile(MySettings settings) {
    return HostPlatform.ALIPAY.profile().toBuilder()
        .connectionLimit(settings.connectionLimit())
        .wssRequired(settings.wssRequired())
        .build();
  }
}
