package io.minisocket.transport.vertx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minisocket.core.transport.ConnectRequest;
import io.minisocket.core.transport.Connection;
import io.minisocket.core.transport.Frame;
import io.minisocket.core.transport.TransportFailure.Kind;
import io.netty.channel.Channel;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The connections of a transport share one Vert.x {@code WebSocketClient}: each still learns its own channel, which
 * is what ending it closes, so that connecting and ending many leaves nothing open and cancelling one handshake leaves
 * the others alone.
 */
@Timeout(60)
class SharedClientTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private static Vertx vertx;
  private static TestServer echo;
  private VertxTransport transport;
  private final List<RecordingEvents> recorded = new ArrayList<>();

  @BeforeAll
  static void startServer() throws Exception {
    vertx = Vertx.vertx();
    echo = TestServer.echo(vertx);
  }

  @AfterAll
  static void stopServer() throws Exception {
    echo.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @BeforeEach
  void createTransport() {
    transport = VertxTransport.create(vertx, VertxTransportOptions.builder().trustAll(true).build());
  }

  @AfterEach
  void closeTransport() {
    transport.close();
    recorded.forEach(RecordingEvents::assertNoViolations);
  }

  private RecordingEvents events() {
    RecordingEvents e = new RecordingEvents();
    recorded.add(e);
    return e;
  }

  private static ConnectRequest request(String uri) {
    return new ConnectRequest(URI.create(uri), "GET", Map.of(), List.of(), TIMEOUT);
  }

  private Connection open(String uri, RecordingEvents events) throws Exception {
    Connection c = transport.connect(request(uri), events);
    events.awaitOpened();
    return c;
  }

  private static Channel channelOf(Connection c) {
    return ((VertxConnection) c).channel();
  }

  private static void assertEchoes(Connection c, RecordingEvents events) throws Exception {
    CompletableFuture<Optional<Throwable>> sent = new CompletableFuture<>();
    c.send(Frame.text("still here"), failure -> sent.complete(Optional.ofNullable(failure)));
    assertThat(sent.get(5, TimeUnit.SECONDS)).isEmpty();
    assertThat(events.nextMessage()).isEqualTo(Frame.text("still here"));
  }

  @Test
  void manyConnectsAndEndsShareOneClientAndLeaveNoChannelOpen() throws Exception {
    List<Connection> connections = new ArrayList<>();
    List<RecordingEvents> events = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      RecordingEvents ev = events();
      events.add(ev);
      connections.add(transport.connect(request("ws://127.0.0.1:" + echo.port() + "/many"), ev));
    }
    List<Channel> channels = new ArrayList<>();
    for (int i = 0; i < connections.size(); i++) {
      events.get(i).awaitOpened();
      Channel channel = channelOf(connections.get(i));
      assertThat(channel).as("the channel of connection %s", i).isNotNull();
      assertThat(channels).as("each connection has a channel of its own").doesNotContain(channel);
      channels.add(channel);
    }
    assertThat(transport.clientCount()).isEqualTo(1);
    for (int i = 0; i < connections.size(); i++) {
      if (i % 2 == 0) {
        connections.get(i).close(1000, "");
      } else {
        connections.get(i).abort();
      }
    }
    for (RecordingEvents ev : events) {
      ev.awaitTerminal();
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> channels.stream().noneMatch(Channel::isOpen));
    await().atMost(Duration.ofSeconds(10)).until(() -> transport.liveConnections() == 0);
    assertThat(transport.clientCount()).as("the client stays for later connects").isEqualTo(1);
  }

  @Test
  void abortingAStalledHandshakeClosesOnlyItsOwnSocket() throws Exception {
    try (RawServer stalled = new RawServer(conn -> {
      conn.readRequest();
      conn.awaitEof();
    })) {
      RecordingEvents openEvents = events();
      Connection open = open("ws://127.0.0.1:" + echo.port() + "/", openEvents);
      RecordingEvents abortedEvents = events();
      Connection aborted = transport.connect(request("ws://127.0.0.1:" + stalled.port() + "/"), abortedEvents);
      RawServer.Conn conn = stalled.awaitConnection();
      conn.requestSeen.get(5, TimeUnit.SECONDS);

      aborted.abort();

      assertThat(abortedEvents.awaitFailure().kind()).isEqualTo(Kind.ABORTED);
      conn.peerClosed.get(5, TimeUnit.SECONDS);
      assertThat(transport.clientCount()).as("both on one client").isEqualTo(1);
      assertEchoes(open, openEvents);
      assertThat(channelOf(open).isOpen()).isTrue();
      assertThat(openEvents.terminal).isNotDone();
    }
  }

  @Test
  void abortingAStalledTlsHandshakeClosesOnlyItsOwnSocket() throws Exception {
    try (RawServer silent = new RawServer(RawServer.Conn::awaitEof)) { // accepts, never answers the ClientHello
      RecordingEvents openEvents = events();
      Connection open = open("ws://127.0.0.1:" + echo.port() + "/", openEvents);
      RecordingEvents abortedEvents = events();
      Connection aborted = transport.connect(request("wss://127.0.0.1:" + silent.port() + "/"), abortedEvents);
      RawServer.Conn conn = silent.awaitConnection();

      aborted.abort();

      assertThat(abortedEvents.awaitFailure().kind()).isEqualTo(Kind.ABORTED);
      conn.peerClosed.get(5, TimeUnit.SECONDS);
      assertThat(transport.clientCount()).as("ws and wss on one client").isEqualTo(1);
      assertEchoes(open, openEvents);
      assertThat(openEvents.terminal).isNotDone();
    }
  }

  @Test
  void connectsWithAnotherTimeoutGetAClientOfTheirOwnThatCloseReleases() throws Exception {
    open("ws://127.0.0.1:" + echo.port() + "/", events());
    RecordingEvents other = events();
    transport.connect(new ConnectRequest(URI.create("ws://127.0.0.1:" + echo.port() + "/"), "GET", Map.of(),
        List.of(), Duration.ofSeconds(7)), other);
    other.awaitOpened();
    assertThat(transport.clientCount()).isEqualTo(2);
    transport.close();
    assertThat(transport.clientCount()).isZero();
    assertThat(other.awaitFailure().kind()).isEqualTo(Kind.ABORTED);
  }

  @Test
  void connectsWithManyDistinctTimeoutsShareABoundedNumberOfClients() throws Exception {
    List<RecordingEvents> opened = new ArrayList<>();
    for (int jitter = 0; jitter < 20; jitter++) { // reconnects with a jittered timeout, 17.0 s to 18.9 s
      RecordingEvents events = events();
      transport.connect(new ConnectRequest(URI.create("ws://127.0.0.1:" + echo.port() + "/"), "GET", Map.of(),
          List.of(), Duration.ofMillis(17_000 + jitter * 100)), events);
      opened.add(events);
    }
    for (RecordingEvents events : opened) {
      events.awaitOpened();
    }
    assertThat(transport.clientCount()).as("one client for the bucket of 16.4 to 32.8 s").isEqualTo(1);
    assertThat(VertxTransport.timeoutBucket(1)).isEqualTo(1);
    assertThat(VertxTransport.timeoutBucket(60_000)).isEqualTo(65_536);
    assertThat(VertxTransport.timeoutBucket(65_536)).isEqualTo(65_536);
    assertThat(VertxTransport.timeoutBucket(Long.MAX_VALUE)).isEqualTo(1L << 62);
  }
}
