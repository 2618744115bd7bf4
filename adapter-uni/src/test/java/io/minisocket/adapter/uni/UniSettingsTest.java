package io.minisocket.adapter.uni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.minisocket.core.ConnectOptions;
import io.minisocket.core.spi.Policies.UnsupportedOption;
import io.minisocket.testkit.MockWebSocketServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class UniSettingsTest {

  @Test
  void defaultsAreWeixinVue3TheTargetsLimitAndIgnore() {
    UniSettings settings = UniSettings.defaults();

    assertThat(settings.target()).isEqualTo(UniPlatform.MP_WEIXIN);
    assertThat(settings.promiseStyle()).isEqualTo(UniSettings.PromiseStyle.VUE3);
    assertThat(settings.connectionLimit()).isEqualTo(5);
    assertThat(settings.unsupportedOption()).isEqualTo(UnsupportedOption.IGNORE);
  }

  @Test
  void theLimitFollowsTheTargetUnlessOverridden() {
    assertThat(UniSettings.of(UniPlatform.APP).connectionLimit()).isZero();
    assertThat(UniSettings.of(UniPlatform.MP_BAIDU).connectionLimit()).isEqualTo(5);
    assertThat(UniSettings.builder().connectionLimit(3).target(UniPlatform.H5).build().connectionLimit())
        .isEqualTo(3);
    assertThatThrownBy(() -> UniSettings.builder().connectionLimit(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
  }

  @Test
  void targetsAreFoundByTheirUniAppName() {
    assertThat(UniPlatform.fromId("mp-weixin")).isEqualTo(UniPlatform.MP_WEIXIN);
    assertThat(UniPlatform.fromId(" MP-TOUTIAO ")).isEqualTo(UniPlatform.MP_TOUTIAO);
    assertThatThrownBy(() -> UniPlatform.fromId("mp-kuaishou")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mp-kuaishou").hasMessageContaining("app, h5, mp-weixin");
  }

  @Test
  void sizesAreNamedInTheLargestWholeUnit() {
    assertThat(UniProfiles.size(16L * 1024 * 1024)).isEqualTo("16 MiB");
    assertThat(UniProfiles.size(256 * 1024)).isEqualTo("256 KiB");
    assertThat(UniProfiles.size(1000)).isEqualTo("1000 bytes");
  }

  @Test
  void createFindsTheTransportOnTheClassPathAndClosesIt() {
    try (MockWebSocketServer server = MockWebSocketServer.builder().tls(UniE2eTest.CERT).start()) {
      Uni uni = Uni.create();
      List<String> errors = new CopyOnWriteArrayList<>();
      uni.onSocketError(res -> errors.add(res.errMsg()));
      try {
        uni.connectSocket(ConnectOptions.of(server.url("/")));
        await().atMost(Duration.ofSeconds(5)).until(() -> errors.size() == 1);
        assertThat(errors.get(0)).as("a real transport, which does not trust the test certificate")
            .startsWith("the server's certificate is invalid");
      } finally {
        uni.close();
      }
      uni.connectSocket(ConnectOptions.of(server.url("/")));
      await().atMost(Duration.ofSeconds(5)).until(() -> errors.size() == 2);
      assertThat(errors.get(1)).as("the transport was closed with the facade")
          .isEqualTo("closed before the connection opened (transport is closed)");
    }
  }

  @Test
  void toBuilderKeepsEverythingAndALimitNotSetFollowsTheTarget() {
    UniSettings app = UniSettings.builder().target(UniPlatform.APP).promiseStyle(UniSettings.PromiseStyle.VUE2)
        .config(io.minisocket.core.SocketConfig.builder().urlCheck(false).build()).build();
    assertThat(app.toBuilder().build()).isEqualTo(app).hasSameHashCodeAs(app);
    assertThat(app.toBuilder().target(UniPlatform.MP_QQ).build().connectionLimit()).isEqualTo(5);
    assertThat(UniSettings.builder().connectionLimit(3).build().toBuilder().target(UniPlatform.APP).build()
        .connectionLimit()).isEqualTo(3);
    assertThat(app.toString()).contains("target=app", "VUE2", "connectionLimit=0", "urlCheck=false");
  }
}
