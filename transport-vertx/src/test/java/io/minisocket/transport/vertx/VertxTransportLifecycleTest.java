package io.minisocket.transport.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import io.minisocket.core.transport.ConnectRequest;
import io.minisocket.core.transport.Connection;
import io.minisocket.core.transport.Frame;
import io.minisocket.core.transport.TransportFailure.Kind;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Who owns the {@link Vertx}, and what {@link VertxTransport#close()} does to live connections. */
@Timeout(30)
class VertxTransportLifecycleTest {

  private static ConnectRequest request(int port) {
    return new ConnectRequest(URI.create("ws://127.0.0.1:" + port + "/"), "GET", Map.of(), List.of(),
        Duration.ofSeconds(5));
  }

  private static boolean isClosed(Vertx vertx) {
    return ((VertxInternal) vertx).closeFuture().isClosed();
  }

  @Test
  void ownVertxIsClosedByClose() {
    VertxTransport transport = VertxTransport.create();
    Vertx own = transport.vertx();
    assertThat(isClosed(own)).isFalse();
    transport.close();
    assertThat(isClosed(own)).isTrue();
    transport.close(); // idempotent
  }

  @Test
  void userVertxIsNotClosedButLiveConnectionsAreAborted() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (TestServer server = TestServer.echo(vertx)) {
      VertxTransport transport = VertxTransport.create(vertx);
      RecordingEvents ev = new RecordingEvents();
      Connection c = transport.connect(request(server.port()), ev);
      ev.awaitOpened();

      transport.close();

      assertThat(ev.awaitFailure().kind()).isEqualTo(Kind.ABORTED);
      server.awaitClose();
      assertThat(isClosed(vertx)).isFalse();
      CompletableFuture<Long> timer = new CompletableFuture<>();
      vertx.setTimer(1, timer::complete);
      assertThat(timer.get(5, TimeUnit.SECONDS)).isNotNull();

      CompletableFuture<Throwable> sent = new CompletableFuture<>();
      c.send(Frame.text("after close"), sent::complete);
      assertThat(sent.get(5, TimeUnit.SECONDS)).isNotNull();
      ev.assertNoViolations();
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void connectAfterCloseFailsWithAborted() throws Exception {
    VertxTransport transport = VertxTransport.create();
    transport.close();
    RecordingEvents ev = new RecordingEvents();
    Connection c = transport.connect(request(1), ev);
    assertThat(ev.awaitFailure().kind()).isEqualTo(Kind.ABORTED);
    assertThat(c.writeQueueFull()).isFalse();
    c.abort();
    ev.assertNoViolations();
  }

  @Test
  void ownVertxTransportWorksEndToEnd() throws Exception {
    Vertx serverVertx = Vertx.vertx();
    try (TestServer server = TestServer.echo(serverVertx); VertxTransport transport = VertxTransport.create()) {
      RecordingEvents ev = new RecordingEvents();
      Connection c = transport.connect(request(server.port()), ev);
      ev.awaitOpened();
      c.send(Frame.text("ping"), f -> { });
      assertThat(ev.nextMessage()).isEqualTo(Frame.text("ping"));
      c.close(1000, "done");
      assertThat(ev.awaitTerminal().isClosed()).isTrue();
      ev.assertNoViolations();
    } finally {
      serverVertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }
}
