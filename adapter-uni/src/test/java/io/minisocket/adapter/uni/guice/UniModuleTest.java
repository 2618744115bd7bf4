package io.minisocket.adapter.uni.guice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.minisocket.adapter.uni.Uni;
import io.minisocket.adapter.uni.UniPlatform;
import io.minisocket.adapter.uni.UniSettings;
import io.minisocket.core.ConnectOptions;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.SocketResult;
import io.minisocket.core.SocketTask;
import io.minisocket.core.transport.Transport;
import io.minisocket.testkit.MockWebSocketServer;
import io.minisocket.transport.vertx.guice.VertxTransportModule;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UniModuleTest {
  private Injector injector;
  private MockWebSocketServer server;

  @AfterEach
  void close() {
    if (injector != null) {
      injector.getInstance(Uni.class).close();
      injector.getInstance(Transport.class).close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void providesOneUniWithTheGivenSettingsOverTheBoundTransport() throws Exception {
    server = MockWebSocketServer.builder().start();
    injector = Guice.createInjector(new VertxTransportModule(),
        new UniModule(UniSettings.builder().target(UniPlatform.APP)
            .config(SocketConfig.builder().connectTimeout(Duration.ofSeconds(7)).build()).build()));

    Uni uni = injector.getInstance(Uni.class);

    assertThat(injector.getInstance(Uni.class)).isSameAs(uni);
    assertThat(uni.settings().target()).isEqualTo(UniPlatform.APP);
    assertThat(uni.runtime().config().connectTimeout()).isEqualTo(Duration.ofSeconds(7));
    SocketTask task = uni.connectSocket(ConnectOptions.builder().url(server.url("/guice")).complete(r -> { })
        .build()).task(); // ws:// is fine on the App
    await().atMost(Duration.ofSeconds(5)).until(() -> task.readyState() == SocketTask.OPEN);
    assertThat(server.takeRequest(Duration.ofSeconds(5)).path()).isEqualTo("/guice");
  }

  @Test
  void defaultsAreWeixinRules() throws Exception {
    server = MockWebSocketServer.builder().start();
    injector = Guice.createInjector(new VertxTransportModule(), new UniModule());

    Uni uni = injector.getInstance(Uni.class);
    CompletableFuture<SocketResult> result = new CompletableFuture<>();
    uni.connectSocket(ConnectOptions.builder().url(server.url("/")).complete(result::complete).build());

    assertThat(uni.settings()).isSameAs(UniSettings.defaults());
    assertThat(result.get(5, TimeUnit.SECONDS).errMsg()).isEqualTo("connectSocket:fail url must use wss://");
  }
}
