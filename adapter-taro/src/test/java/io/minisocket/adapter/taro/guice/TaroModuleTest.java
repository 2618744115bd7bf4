package io.minisocket.adapter.taro.guice;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.minisocket.adapter.taro.Taro;
import io.minisocket.adapter.taro.TaroSettings;
import io.minisocket.adapter.taro.TaroTarget;
import io.minisocket.core.ConnectOptions;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.SocketTask;
import io.minisocket.core.spi.Policies.ConnectResultTiming;
import io.minisocket.core.transport.Transport;
import io.minisocket.testkit.EchoServer;
import io.minisocket.transport.vertx.guice.VertxTransportModule;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** TaroModule provides one Taro over the injector's transport, with the given settings and configuration. */
class TaroModuleTest {
  private final EchoServer server = EchoServer.plain();
  private Injector injector;

  @AfterEach
  void tearDown() {
    if (injector != null) {
      injector.getInstance(Taro.class).close();
      injector.getInstance(Transport.class).close();
    }
    server.close();
  }

  @Test
  void providesOneTaroWithTheSettingsAndConfigurationOverTheBoundTransport() throws Exception {
    SocketConfig config = SocketConfig.builder().connectTimeout(Duration.ofSeconds(7)).build();
    TaroSettings settings = TaroSettings.builder().target(TaroTarget.H5).connectionLimit(5)
        .connectResultTiming(ConnectResultTiming.ON_OPEN).config(config).build();
    injector = Guice.createInjector(new VertxTransportModule(), new TaroModule(settings));

    Taro taro = injector.getInstance(Taro.class);
    assertThat(injector.getInstance(Taro.class)).isSameAs(taro);
    assertThat(taro.settings()).isEqualTo(settings);
    assertThat(taro.runtime().config()).isEqualTo(config);
    assertThat(taro.runtime().profile().connectionLimit()).isEqualTo(5);

    SocketTask task = taro.connectSocket(ConnectOptions.of(server.url())).get(10, TimeUnit.SECONDS);
    assertThat(task.readyState()).isEqualTo(SocketTask.OPEN); // h5 allows ws://, and ON_OPEN settles on open
  }

  @Test
  void defaultsAreTheSeeds() {
    injector = Guice.createInjector(new VertxTransportModule(), new TaroModule());
    Taro taro = injector.getInstance(Taro.class);
    assertThat(taro.settings()).isEqualTo(TaroSettings.defaults());
    assertThat(taro.runtime().config()).isEqualTo(SocketConfig.defaults());
    assertThat(taro.runtime().profile().name()).isEqualTo("Taro (weapp)");
    assertThat(taro.runtime().profile().connectionLimit()).isEqualTo(2);
  }

  @Test
  void settingsAloneKeepTheDefaultConfiguration() {
    TaroSettings settings = TaroSettings.builder().target(TaroTarget.RN).build();
    injector = Guice.createInjector(new VertxTransportModule(), new TaroModule(settings));
    Taro taro = injector.getInstance(Taro.class);
    assertThat(taro.settings().target()).isEqualTo(TaroTarget.RN);
    assertThat(taro.runtime().profile().globalApi()).isFalse();
    assertThat(taro.runtime().config()).isEqualTo(SocketConfig.defaults());
  }
}
