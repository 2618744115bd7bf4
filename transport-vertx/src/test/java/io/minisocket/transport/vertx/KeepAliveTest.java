package io.minisocket.transport.vertx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.minisocket.core.transport.ConnectRequest;
import io.minisocket.core.transport.TransportFailure;
import io.minisocket.core.transport.TransportFailure.Kind;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketFrameType;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link VertxTransportOptions#pingInterval} and {@link VertxTransportOptions#idleTimeout}. */
@Timeout(30)
class KeepAliveTest {
  private static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static ConnectRequest ws(int port) {
    return new ConnectRequest(URI.create("ws://127.0.0.1:" + port + "/"), "GET", Map.of(), List.of(),
        Duration.ofSeconds(10));
  }

  @Test
  void pingsAreSentAtTheIntervalAndThePongsKeepAnIdleTimeoutFromFiring() throws Exception {
    AtomicInteger pings = new AtomicInteger();
    try (TestServer server = TestServer.start(vertx, o -> { }, socket -> socket.frameHandler(frame -> {
      if (frame.type() == WebSocketFrameType.PING) {
        pings.incrementAndGet(); // Vert.x answers each with a pong
      }
    }));
        VertxTransport transport = VertxTransport.create(vertx, VertxTransportOptions.builder()
            .pingInterval(Duration.ofMillis(50)).idleTimeout(Duration.ofMillis(400)).build())) {
      RecordingEvents ev = new RecordingEvents();
      transport.connect(ws(server.port()), ev);
      ev.awaitOpened();

      // Ten pings take 500 ms, longer than the idle timeout: only the pongs keep the connection open meanwhile.
      await().atMost(Duration.ofSeconds(10)).until(() -> pings.get() >= 10);
      assertThat(transport.liveConnections()).as("still open after %s pings", pings.get()).isEqualTo(1);
      ev.assertNoViolations();
    }
  }

  @Test
  void aServerThatSendsNothingFailsTheConnectionAfterTheIdleTimeout() throws Exception {
    try (TestServer server = TestServer.start(vertx, o -> { }, socket -> { }); // silent, and no pings from us
        VertxTransport transport = VertxTransport.create(vertx, VertxTransportOptions.builder()
            .idleTimeout(Duration.ofMillis(200)).build())) {
      RecordingEvents ev = new RecordingEvents();
      transport.connect(ws(server.port()), ev);
      ev.awaitOpened();

      TransportFailure failure = ev.awaitFailure();
      assertThat(failure.kind()).isEqualTo(Kind.IO);
      assertThat(failure.message()).startsWith("idle timeout: nothing received from the server for ")
          .endsWith("(idleTimeout 200 ms)");
      ev.assertNoViolations();
    }
  }

  @Test
  void negativeOrSubMillisecondDurationsAreRefused() {
    assertThatThrownBy(
        () -> VertxTransportOptions.builder().pingInterval(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pingInterval");
    assertThatThrownBy(
        () -> VertxTransportOptions.builder().idleTimeout(Duration.ofNanos(10)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("idleTimeout");
  }
}
