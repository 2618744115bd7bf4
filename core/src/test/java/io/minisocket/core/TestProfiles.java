package io.minisocket.core;

import io.minisocket.core.spi.PlatformProfile;
import io.minisocket.core.spi.Policies.GlobalHandlers;
import java.util.EnumSet;

/**
 * The profile the core tests start from: a WeChat-like platform whose global API acts on the socket of
 * {@code connectGlobalSocket} (the values {@link PlatformProfile#builder(String)} had before it held no platform's
 * facts).
 */
public final class TestProfiles {
  private TestProfiles() {}

  /**
   * @param name the profile's name
   * @return limit 5, wss required, url/header/method/protocols/data accepted, the global API with one handler per
   *     event
   */
  public static PlatformProfile.Builder builder(String name) {
    return PlatformProfile.builder(name).connectionLimit(5).wssRequired(true)
        .acceptedOptions(EnumSet.of(ConnectOption.HEADER, ConnectOption.METHOD, ConnectOption.PROTOCOLS,
            ConnectOption.DATA))
        .globalApi(true).globalHandlers(GlobalHandlers.REPLACE);
  }
}
