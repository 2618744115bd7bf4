package io.minisocket.transport.vertx.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.minisocket.core.SocketConfig;
import io.minisocket.core.SocketRuntime;
import io.minisocket.core.spi.TransportProvider;
import io.minisocket.core.transport.Transport;
import io.minisocket.transport.vertx.TestServer;
import io.minisocket.transport.vertx.VertxTransport;
import io.minisocket.transport.vertx.VertxTransportProvider;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The transport is found with {@link ServiceLoader} under the name "vertx", and what it creates works. */
@Timeout(60) // above several E2e.WAITs: a guard against hangs, not a speed check
class VertxTransportProviderTest extends E2e {

  private static TransportProvider vertxProvider() {
    List<TransportProvider> found = ServiceLoader.load(TransportProvider.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(p -> p.name().equals("vertx"))
        .toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  @Test
  void serviceLoaderFindsTheVertxProvider() {
    TransportProvider provider = vertxProvider();
    assertThat(provider).isInstanceOf(VertxTransportProvider.class);
    assertThat(provider.name()).isEqualTo(VertxTransportProvider.NAME);
  }

  @Test
  void theProvidedTransportIsANewVertxTransportThatCarriesMessages() throws Exception {
    TransportProvider provider = vertxProvider();
    Transport transport = track(provider.create());
    Transport another = track(provider.create());
    assertThat(transport).isInstanceOf(VertxTransport.class).isNotSameAs(another);

    TestServer server = track(TestServer.echo(serverVertx));
    SocketRuntime runtime = runtime(profile().build(), SocketConfig.defaults(), transport);
    Connected c = connect(runtime, ws(server.port(), "/provided"));
    c.events().awaitOpen();
    send(c, "via ServiceLoader", "send");
    assertThat(c.events().nextMessage().data()).isEqualTo("via ServiceLoader");
  }
}
