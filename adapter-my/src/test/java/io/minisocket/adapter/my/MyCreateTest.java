package io.minisocket.adapter.my;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minisocket.core.ConnectOptions;
import io.minisocket.core.SocketResult;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.SocketTask;
import io.minisocket.core.transport.Transport;
import io.minisocket.testkit.MockWebSocketServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The factories: discovered transport owned by the facade, a given transport left to its owner. */
class MyCreateTest extends MyTestBase {

  @Test
  void createFindsTheVertxTransportOnTheClassPathAndCloseEndsEverything() {
    MockWebSocketServer server = wssServer(); // self-signed: the discovered transport, with default trust, refuses it
    My my = My.create();
    try {
      Events<SocketResult> errors = new Events<>();
      SocketTask task = my.connectSocketTask(ConnectOptions.of(server.url()));
      task.onError(errors);
      assertAlipayError(errors.next(), 7);
      assertThat(my.settings()).isEqualTo(MySettings.defaults());
      assertThat(my.runtime().config()).isEqualTo(MySettings.defaults().config());
    } finally {
      my.close();
    }
  }

  @Test
  void closeEndsTheSocketsButLeavesAGivenTransportOpen() {
    MockWebSocketServer server = wssServer();
    Transport transport = transport();
    My first = My.create(transport);
    Events<SocketResult> success = new Events<>();
    first.connectSocket(ConnectOptions.builder().url(server.url()).success(success).build());
    success.next();
    server.takeConnection(WAIT);

    first.close();

    server.awaitDisconnect(WAIT);
    My second = track(My.create(transport));
    Events<SocketResult> again = new Events<>();
    second.connectSocket(ConnectOptions.builder().url(server.url()).success(again).build());
    assertThat(again.next().ok()).isTrue();
    server.takeConnection(WAIT);
  }

  @Test
  void nullArgumentsAreRefusedAtOnce() {
    Transport transport = transport();
    assertThatThrownBy(() -> My.create((Transport) null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> My.create(transport, null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> MySettings.builder().config(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void settingsRejectImpossibleValuesAndRoundTrip() {
    assertThatThrownBy(() -> MySettings.builder().connectionLimit(-1)).isInstanceOf(IllegalArgumentException.class);
    MySettings settings = MySettings.builder().defaultMultiple(true).connectionLimit(3).wssRequired(false).build();
    assertThat(settings.toBuilder().build()).isEqualTo(settings).hasSameHashCodeAs(settings);
    assertThat(MySettings.defaults().defaultMultiple()).isFalse();
    assertThat(MySettings.defaults().connectionLimit()).isEqualTo(5);
    assertThat(MySettings.defaults().wssRequired()).isTrue();
  }

  @Test
  @SuppressWarnings("deprecation") // the aliases kept for this release
  void theDeprecatedFormsStillWork() {
    assertThatThrownBy(() -> MySettings.builder().maxSockets(0)).isInstanceOf(IllegalArgumentException.class);
    assertThat(MySettings.builder().maxSockets(3).build().connectionLimit()).isEqualTo(3);
    assertThat(MySettings.defaults().maxSockets()).isEqualTo(MySettings.DEFAULT_MAX_SOCKETS).isEqualTo(5);
    assertThat(My.defaultConfig()).isEqualTo(MySettings.defaults().config());
    assertThat(My.DEFAULT_TIMEOUT).isEqualTo(Duration.ofSeconds(30));
    SocketConfig custom = SocketConfig.builder().urlCheck(false).build();
    My my = track(My.create(transport(), MySettings.defaults(), custom));
    assertThat(my.runtime().config()).isEqualTo(custom);
    assertThatThrownBy(() -> My.create(transport(), MySettings.defaults(), null))
        .isInstanceOf(NullPointerException.class);
    assertThat(new io.minisocket.adapter.my.guice.MyModule(MySettings.defaults(), custom)).isNotNull();
  }

  /** The README's example of "The platforms at a glance": every facade's settings hold the configuration. */
  @Test
  void theSettingsHoldTheLimitAndTheConfigurationAsForEveryFacade() {
    Transport transport = transport();
    My my = track(My.create(transport, MySettings.builder()
        .connectionLimit(3)
        .config(MySettings.defaults().config().toBuilder().socketDomains(List.of("example.com")).build())
        .build()));
    assertThat(my.runtime().profile().connectionLimit()).isEqualTo(3);
    assertThat(my.runtime().config().connectTimeout()).as("Alipay's 30 s kept").isEqualTo(Duration.ofSeconds(30));
    Events<SocketResult> failed = new Events<>();
    my.connectSocketTask(ConnectOptions.builder().url("wss://other.example/").fail(failed).build());
    assertAlipayError(failed.next(), 1);
  }
}
