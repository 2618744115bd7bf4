package io.minisocket.transport.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import io.minisocket.core.transport.ConnectRequest;
import io.minisocket.core.transport.TransportFailure;
import io.minisocket.core.transport.TransportFailure.Kind;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.dns.AddressResolverOptions;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Name resolution failure, without depending on the machine's DNS: the resolver asks a port where nothing listens. */
@Timeout(30)
class UnknownHostTest {

  @Test
  void unresolvableHostIsUnknownHost() throws Exception {
    Vertx vertx = Vertx.vertx(new VertxOptions().setAddressResolverOptions(new AddressResolverOptions()
        .setHostsValue(Buffer.buffer("127.0.0.1 localhost\n"))
        .setServers(List.of("127.0.0.1:9"))
        .setSearchDomains(List.of())
        .setQueryTimeout(300)
        .setMaxQueries(1)));
    try (VertxTransport transport = VertxTransport.create(vertx)) {
      RecordingEvents ev = new RecordingEvents();
      transport.connect(new ConnectRequest(URI.create("ws://no-such-host.invalid/"), "GET", Map.of(), List.of(),
          Duration.ofSeconds(4)), ev);
      TransportFailure f = ev.awaitFailure();
      assertThat(f.kind()).as("%s", f).isEqualTo(Kind.UNKNOWN_HOST);
      ev.assertNoViolations();
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }
}
