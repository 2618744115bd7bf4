package io.minisocket.adapter.wx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minisocket.core.ErrorKind;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.spi.PlatformProfile;
import io.minisocket.core.spi.Policies.GlobalSocketChoice;
import io.minisocket.core.spi.Policies.SecondGlobalConnect;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The settings and the profile built from them. */
class WxSettingsTest {

  @Test
  void defaultsAreACurrentBaseLibraryWithFiveSockets() {
    WxSettings settings = WxSettings.defaults();
    assertThat(settings.baseLibraryVersion()).isEqualTo("3.0.0");
    assertThat(settings.multipleSockets()).isTrue();
    assertThat(settings.connectionLimit()).isEqualTo(5);
    assertThat(settings.config()).isEqualTo(SocketConfig.defaults());
    assertThat(WxSettings.builder().build()).isEqualTo(settings).hasSameHashCodeAs(settings);
  }

  @ParameterizedTest
  @CsvSource({"1.7.0, true", "1.7, true", "1.10.0, true", "2, true", "1.6.9, false", "1.6, false", "1, false",
      "0.9.99, false", "' 1.6.0 ', false"})
  void severalSocketsFromBaseLibrary170On(String version, boolean multiple) {
    assertThat(WxSettings.builder().baseLibraryVersion(version).build().multipleSockets()).isEqualTo(multiple);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "v1.7.0", "1.7.0.1", "1..7", "1.7-beta", "latest", "1.7.0 2"})
  void aMalformedVersionIsRefusedNamingTheSetting(String version) {
    assertThatThrownBy(() -> WxSettings.builder().baseLibraryVersion(version))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("baseLibraryVersion must be like \"1.7.0\"")
        .hasMessageContaining("\"" + version + "\"");
    assertThatThrownBy(() -> WxSettings.builder().baseLibraryVersion(null))
        .hasMessageContaining("got null");
  }

  @Test
  void aNegativeLimitIsRefused() {
    assertThatThrownBy(() -> WxSettings.builder().connectionLimit(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("connectionLimit must be 0 (no limit) or more, got -1");
  }

  @Test
  void toBuilderKeepsEveryValue() {
    WxSettings settings = WxSettings.builder().baseLibraryVersion("1.6.0").connectionLimit(2)
        .config(SocketConfig.builder().connectTimeout(Duration.ofSeconds(3)).build()).build();
    assertThat(settings.toBuilder().build()).isEqualTo(settings);
    assertThat(settings.toString()).contains("1.6.0", "connectionLimit=2", "PT3S");
  }

  @Test
  void fromBaseLibrary170TheLimitIsTheSettingAndTheGlobalSocketIsTheFirstLiveTask() {
    PlatformProfile profile = WxProfiles.profile(WxSettings.builder().connectionLimit(2).build());
    assertThat(profile.name()).isEqualTo("wx");
    assertThat(profile.connectionLimit()).isEqualTo(2);
    assertThat(profile.globalSocketChoice()).isEqualTo(GlobalSocketChoice.FIRST_LIVE_TASK);
    assertThat(profile.message(ErrorKind.LIMIT_EXCEEDED)).isEqualTo("exceed max concurrent count");
  }

  @Test
  void beforeBaseLibrary170ThereIsOneSocketWhichANewConnectReplaces() {
    PlatformProfile profile = WxProfiles.profile(WxSettings.builder().baseLibraryVersion("1.6.0")
        .connectionLimit(5).build());
    assertThat(profile.connectionLimit()).isEqualTo(1);
    assertThat(profile.secondGlobalConnect()).isEqualTo(SecondGlobalConnect.REPLACE);
  }
}
