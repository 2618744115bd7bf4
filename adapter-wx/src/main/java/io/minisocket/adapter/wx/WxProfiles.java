package io.minisocket.adapter.wx;

import io.minisocket.core.spi.HostPlatform;
import io.minisocket.core.spi.PlatformProfile;
import io.minisocket.core.spi.Policies.SecondGlobalConnect;

/**
 * WeChat's rules as a {@link PlatformProfile}: its host's base, {@link HostPlatform#WECHAT}, under {@link WxSettings}.
 */
final class WxProfiles {
  private WxProfiles() {}

  /**
   * @param settings the version and limit to emulate
   * @return WeChat's base profile; from base library 1.7.0 on with the settings' limit, before it with one socket,
   *     which a new connect replaces
   */
  static PlatformProfile profile(WxSettings settings) {
    return HostPlatform.WECHAT.profile().toBuilder()
        .connectionLimit(settings.multipleSockets() ? settings.connectionLimit() : 1)
        .secondGlobalConnect(settings.multipleSockets() ? SecondGlobalConnect.REFUSE : SecondGlobalConnect.REPLACE)
        .build();
  }
}
