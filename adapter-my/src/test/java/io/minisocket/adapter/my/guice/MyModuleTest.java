package io.minisocket.adapter.my.guice;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.minisocket.adapter.my.My;
import io.minisocket.adapter.my.MySettings;
import io.minisocket.core.MessageEvent;
import io.minisocket.core.OpenEvent;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.SocketTask;
import io.minisocket.core.transport.Transport;
import io.minisocket.testkit.MockWebSocketServer;
import io.minisocket.testkit.SelfSignedCertificate;
import io.minisocket.transport.vertx.VertxTransportOptions;
import io.minisocket.transport.vertx.guice.VertxTransportModule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class MyModuleTest {
  private MockWebSocketServer server;
  private Injector injector;

  @AfterEach
  void close() {
    if (injector != null) {
      injector.getInstance(My.class).close();
      injector.getInstance(Transport.class).close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void providesOneMyOverTheBoundTransportWithTheGivenSettingsAndConfig(@TempDir Path dir) throws Exception {
    SelfSignedCertificate certificate = SelfSignedCertificate.localhost();
    server = MockWebSocketServer.builder().tls(certificate).start();
    SocketConfig config = MySettings.defaults().config().toBuilder().connectTimeout(Duration.ofSeconds(7))
        .build();
    MySettings settings = MySettings.builder().defaultMultiple(true).connectionLimit(2).config(config).build();
    injector = Guice.createInjector(
        new VertxTransportModule(VertxTransportOptions.builder().trustPem(certificate.writeCertificatePem(dir)).build()),
        new MyModule(settings));

    My my = injector.getInstance(My.class);

    assertThat(injector.getInstance(My.class)).isSameAs(my);
    assertThat(my.settings()).isEqualTo(settings);
    assertThat(my.runtime().config()).isEqualTo(config);
    assertThat(my.runtime().profile().connectionLimit()).isEqualTo(2);
    SocketTask task = my.connectSocket(Map.of("url", server.url())).orElseThrow();
    CompletableFuture<OpenEvent> opened = new CompletableFuture<>();
    CompletableFuture<MessageEvent> echoed = new CompletableFuture<>();
    task.onOpen(opened::complete);
    task.onMessage(echoed::complete);
    opened.get(10, TimeUnit.SECONDS);
    task.send("via guice");
    assertThat(echoed.get(10, TimeUnit.SECONDS).data()).isEqualTo("via guice");
  }

  @Test
  void defaultsToAlipaysSettingsAndThirtySecondTimeout() {
    injector = Guice.createInjector(new VertxTransportModule(), new MyModule());

    My my = injector.getInstance(My.class);

    assertThat(my.settings()).isEqualTo(MySettings.defaults());
    assertThat(my.runtime().config().connectTimeout()).isEqualTo(Duration.ofSeconds(30));
  }
}
