package io.minisocket.transport.vertx.guice;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.minisocket.core.transport.Transport;
import io.minisocket.transport.vertx.VertxTransport;
import io.minisocket.transport.vertx.VertxTransportOptions;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class VertxTransportModuleTest {

  @Test
  void bindsOneSingletonForBothTypesOnTheUsersVertx() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      Injector injector = Guice.createInjector(new VertxTransportModule(vertx));
      Transport transport = injector.getInstance(Transport.class);
      assertThat(transport).isInstanceOf(VertxTransport.class)
          .isSameAs(injector.getInstance(VertxTransport.class))
          .isSameAs(injector.getInstance(Transport.class));
      transport.close();
      assertThat(((VertxInternal) vertx).closeFuture().isClosed()).as("the user's Vertx stays open").isFalse();
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void usesTheGivenOptions() {
    VertxTransportOptions options = VertxTransportOptions.builder().writeQueueMaxSize(4096).build();
    Injector injector = Guice.createInjector(new VertxTransportModule(options));
    try (VertxTransport transport = injector.getInstance(VertxTransport.class)) {
      assertThat(transport.options()).isSameAs(options);
    }
  }

  @Test
  void noArgumentModuleOwnsItsVertx() {
    Injector injector = Guice.createInjector(new VertxTransportModule());
    Transport transport = injector.getInstance(Transport.class);
    assertThat(transport).isInstanceOf(VertxTransport.class);
    transport.close();
  }
}
