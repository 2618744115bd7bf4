package io.minisocket.transport.vertx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minisocket.core.transport.Completion;
import io.minisocket.core.transport.ConnectRequest;
import io.minisocket.core.transport.Connection;
import io.minisocket.core.transport.Frame;
import io.minisocket.core.transport.TransportFailure;
import io.minisocket.core.transport.TransportFailure.Kind;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** End-to-end tests of the transport over real sockets on 127.0.0.1. */
@Timeout(30)
class VertxTransportTest {

  private static Vertx vertx;
  private static TestServer echo;
  private VertxTransport transport;
  private final List<RecordingEvents> recorded = new ArrayList<>();

  @BeforeAll
  static void startServers() throws Exception {
    vertx = Vertx.vertx();
    echo = TestServer.start(vertx, o -> o.addWebSocketSubProtocol("chat"), TestServer::echo);
  }

  @AfterAll
  static void stopServers() throws Exception {
    echo.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @BeforeEach
  void createTransport() {
    transport = VertxTransport.create(vertx);
  }

  @AfterEach
  void closeTransport() {
    transport.close();
    recorded.forEach(RecordingEvents::assertNoViolations);
  }

  // ------------------------------------------------------------------------------------------------ helpers

  static ConnectRequest request(String uri) {
    return request(uri, Map.of(), List.of(), Duration.ofSeconds(5));
  }

  static ConnectRequest request(String uri, Map<String, String> headers, List<String> protocols, Duration timeout) {
    return new ConnectRequest(URI.create(uri), "GET", headers, protocols, timeout);
  }

  private RecordingEvents events() {
    RecordingEvents e = new RecordingEvents();
    recorded.add(e);
    return e;
  }

  private String echoUri(String path) {
    return "ws://127.0.0.1:" + echo.port() + path;
  }

  /** A completion as a future: empty on success, the failure otherwise. */
  static final class Done implements Completion {
    final CompletableFuture<Optional<Throwable>> result = new CompletableFuture<>();
    volatile int calls;

    @Override
    public void complete(Throwable failure) {
      calls++;
      result.complete(Optional.ofNullable(failure));
    }

    Optional<Throwable> await() throws Exception {
      return result.get(5, TimeUnit.SECONDS);
    }
  }

  private static Done send(Connection c, Frame f) {
    Done d = new Done();
    c.send(f, d);
    return d;
  }

  private Connection open(ConnectRequest request, RecordingEvents events) throws Exception {
    Connection c = transport.connect(request, events);
    events.awaitOpened();
    return c;
  }

  // ------------------------------------------------------------------------------------------------ open / messages

  @Test
  void opensAndReportsHeadersAndNegotiatedSubProtocol() throws Exception {
    echo.requests.clear();
    RecordingEvents ev = events();
    transport.connect(request(echoUri("/room/1?user=a%20b&x=1"), Map.of("X-Test", "yes"),
        List.of("superchat", "chat"), Duration.ofSeconds(5)), ev);

    RecordingEvents.Opened opened = ev.awaitOpened();
    assertThat(opened.protocol()).isEqualTo("chat");
    assertThat(opened.headers().keySet()).anySatisfy(k -> assertThat(k).isEqualToIgnoringCase("upgrade"));
    assertThat(opened.headers().keySet()).anySatisfy(k -> assertThat(k).isEqualToIgnoringCase("sec-websocket-protocol"));

    TestServer.Request seen = echo.requests.poll(5, TimeUnit.SECONDS);
    assertThat(seen).isNotNull();
    assertThat(seen.method()).isEqualTo("GET");
    assertThat(seen.uri()).isEqualTo("/room/1?user=a%20b&x=1");
    assertThat(seen.headers()).containsEntry("x-test", "yes").doesNotContainKey("origin");
    assertThat(seen.headers().get("sec-websocket-protocol")).isEqualTo("superchat,chat");
  }

  @Test
  void opensWithoutSubProtocolReportsNull() throws Exception {
    RecordingEvents ev = events();
    transport.connect(request(echoUri("/")), ev);
    assertThat(ev.awaitOpened().protocol()).isNull();
  }

  @Test
  void sendsOriginOnlyWhenGiven() throws Exception {
    echo.requests.clear();
    RecordingEvents ev = events();
    transport.connect(request(echoUri("/o"), Map.of("Origin", "https://servicewechat.com"), List.of(),
        Duration.ofSeconds(5)), ev);
    ev.awaitOpened();
    TestServer.Request seen = echo.requests.poll(5, TimeUnit.SECONDS);
    assertThat(seen.headers()).containsEntry("origin", "https://servicewechat.com");
  }

  @Test
  void echoesText() throws Exception {
    RecordingEvents ev = events();
    Connection c = open(request(echoUri("/")), ev);
    Done done = send(c, Frame.text("hello, 世界 ✓"));
    assertThat(done.await()).isEmpty();
    assertThat(ev.nextMessage()).isEqualTo(Frame.text("hello, 世界 ✓"));
    assertThat(done.calls).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 125, 65_536, 1024 * 1024})
  void echoesBinary(int size) throws Exception {
    byte[] data = new byte[size];
    new Random(size).nextBytes(data);
    RecordingEvents ev = events();
    Connection c = open(request(echoUri("/")), ev);
    assertThat(send(c, Frame.binary(ByteBuffer.wrap(data))).await()).isEmpty();
    Frame f = ev.nextMessage();
    assertThat(f).isInstanceOf(Frame.Binary.class);
    assertThat(((Frame.Binary) f).toByteArray()).isEqualTo(data);
  }

  @Test
  void sendsOnlyTheRemainingBytesOfABuffer() throws Exception {
    ByteBuffer buf = ByteBuffer.wrap("xxpayloadyy".getBytes(StandardCharsets.US_ASCII));
    buf.position(2).limit(9);
    RecordingEvents ev = events();
    Connection c = open(request(echoUri("/")), ev);
    assertThat(send(c, Frame.binary(buf)).await()).isEmpty();
    assertThat(((Frame.Binary) ev.nextMessage()).toByteArray()).isEqualTo("payload".getBytes(StandardCharsets.US_ASCII));
    assertThat(buf.position()).isEqualTo(2);
  }

  @Test
  void reassemblesFragmentedMessagesFromTheServer() throws Exception {
    try (TestServer server = TestServer.start(vertx, o -> { }, ws -> {
      ws.writeFrame(WebSocketFrame.textFrame("Hel", false));
      ws.writeFrame(WebSocketFrame.continuationFrame(Buffer.buffer("lo, "), false));
      ws.writeFrame(WebSocketFrame.continuationFrame(Buffer.buffer("world"), true));
      ws.writeFrame(WebSocketFrame.binaryFrame(Buffer.buffer(new byte[] {1, 2}), false));
      ws.writeFrame(WebSocketFrame.continuationFrame(Buffer.buffer(new byte[] {3}), true));
    })) {
      RecordingEvents ev = events();
      transport.connect(request("ws://127.0.0.1:" + server.port() + "/"), ev);
      assertThat(ev.nextMessage()).isEqualTo(Frame.text("Hello, world"));
      assertThat(((Frame.Binary) ev.nextMessage()).toByteArray()).containsExactly(1, 2, 3);
    }
  }

  @Test
  void deliversMessagesTheServerSendsRightAfterTheHandshake() throws Exception {
    try (TestServer server = TestServer.start(vertx, o -> { }, ws -> {
      for (int i = 0; i < 50; i++) {
        ws.writeTextMessage("m" + i);
      }
      ws.close((short) 4002, "done");
    })) {
      RecordingEvents ev = events();
      transport.connect(request("ws://127.0.0.1:" + server.port() + "/"), ev);
      for (int i = 0; i < 50; i++) {
        assertThat(ev.nextMessage()).isEqualTo(Frame.text("m" + i));
      }
      RecordingEvents.Terminal t = ev.awaitTerminal();
      assertThat(t.isClosed()).isTrue();
      assertThat(t.code()).isEqualTo(4002);
    }
  }

  @Test
  void answersPingWithPong() throws Exception {
    BlockingQueue<Buffer> pongs = new LinkedBlockingQueue<>();
    try (TestServer server = TestServer.start(vertx, o -> { }, ws -> ws.pongHandler(pongs::add))) {
      RecordingEvents ev = events();
      transport.connect(request("ws://127.0.0.1:" + server.port() + "/"), ev);
      ev.awaitOpened();
      ServerWebSocket sws = server.awaitSocket();
      sws.writePing(Buffer.buffer("are you there"));
      Buffer pong = pongs.poll(5, TimeUnit.SECONDS);
      assertThat(pong).isNotNull();
      assertThat(pong.toString()).isEqualTo("are you there");
      assertThat(ev.messages).isEmpty();
    }
  }

  // ------------------------------------------------------------------------------------------------ closing

  @Test
  void closeFromClientCarriesCodeAndReason() throws Exception {
    try (TestServer server = TestServer.echo(vertx)) {
      RecordingEvents ev = events();
      Connection c = open(request("ws://127.0.0.1:" + server.port() + "/"), ev);
      c.close(4000, "bye now");
      TestServer.Close seen = server.awaitClose();
      assertThat(seen.code()).isEqualTo((short) 4000);
      assertThat(seen.reason()).isEqualTo("bye now");
      RecordingEvents.Terminal t = ev.awaitTerminal();
      assertThat(t.isClosed()).as("%s", t).isTrue();
      assertThat(t.code()).isEqualTo(4000);
      assertThat(t.reason()).isEqualTo("bye now");
    }
  }

  @Test
  void closeFromServerCarriesCodeAndReason() throws Exception {
    try (TestServer server = TestServer.echo(vertx)) {
      RecordingEvents ev = events();
      open(request("ws://127.0.0.1:" + server.port() + "/"), ev);
      server.awaitSocket().close((short) 4001, "server says bye");
      RecordingEvents.Terminal t = ev.awaitTerminal();
      assertThat(t.isClosed()).as("%s", t).isTrue();
      assertThat(t.code()).isEqualTo(4001);
      assertThat(t.reason()).isEqualTo("server says bye");
    }
  }

  @Test
  void emptyCloseFrameFromServerIs1005() throws Exception {
    try (RawServer raw = new RawServer(conn -> {
      conn.switchProtocols(conn.readRequest(), "");
      conn.writeFrame(0x8, true, new byte[0]);
      byte[] echoed = conn.readFrame();
      conn.closeQuietly();
      conn.scriptError.complete(echoed[0] == 0x8 ? null : new IllegalStateException("no close echo"));
    })) {
      RecordingEvents ev = events();
      transport.connect(request("ws://127.0.0.1:" + raw.port() + "/"), ev);
      RecordingEvents.Terminal t = ev.awaitTerminal();
      assertThat(t.isClosed()).as("%s", t).isTrue();
      assertThat(t.code()).isEqualTo(1005);
      assertThat(t.reason()).isEmpty();
      assertThat(raw.awaitConnection().scriptError.get(5, TimeUnit.SECONDS)).isNull();
    }
  }

  @Test
  void endOfStreamWithoutCloseFrameIsAnIoFailure() throws Exception {
    try (RawServer raw = new RawServer(conn -> {
      conn.switchProtocols(conn.readRequest(), "");
      conn.writeFrame(0x1, true, "last words".getBytes(StandardCharsets.UTF_8));
      conn.awaitProceed();
      conn.closeQuietly();
    })) {
      RecordingEvents ev = events();
      transport.connect(request("ws://127.0.0.1:" + raw.port() + "/"), ev);
      assertThat(ev.nextMessage()).isEqualTo(Frame.text("last words"));
      raw.awaitConnection().proceed.complete(null);
      assertThat(ev.awaitFailure().kind()).isEqualTo(Kind.IO);
    }
  }

  // ------------------------------------------------------------------------------------------------ failures to open

  @Test
  void refusedWhenNothingListens() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    RecordingEvents ev = events();
    transport.connect(request("ws://127.0.0.1:" + port + "/"), ev);
    TransportFailure f = ev.awaitFailure();
    assertThat(f.kind()).as("%s", f).isEqualTo(Kind.REFUSED);
    assertThat(ev.opened).isNotDone();
  }

  @Test
  void stalledHandshakeTimesOutAndClosesTheSocket() throws Exception {
    try (RawServer raw = new RawServer(conn -> {
      conn.readRequest();
      conn.awaitEof();
    })) {
      RecordingEvents ev = events();
      long start = System.nanoTime();
      transport.connect(request("ws://127.0.0.1:" + raw.port() + "/", Map.of(), List.of(), Duration.ofMillis(500)), ev);
      TransportFailure f = ev.awaitFailure();
      long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertThat(f.kind()).as("%s", f).isEqualTo(Kind.TIMEOUT);
      assertThat(elapsedMs).isBetween(450L, 3000L);
      raw.awaitConnection().peerClosed.get(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void rejectedHandshakeReportsTheStatus() throws Exception {
    RecordingEvents ev = events();
    transport.connect(request(echoUri("/reject")), ev);
    TransportFailure f = ev.awaitFailure();
    assertThat(f.kind()).as("%s", f).isEqualTo(Kind.HANDSHAKE_REJECTED);
    assertThat(f.httpStatus()).isEqualTo(403);
  }

  @Test
  void okWithoutUpgradeIsInvalid() throws Exception {
    RecordingEvents ev = events();
    transport.connect(request(echoUri("/plain")), ev);
    TransportFailure f = ev.awaitFailure();
    assertThat(f.kind()).as("%s", f).isEqualTo(Kind.HANDSHAKE_INVALID);
    assertThat(f.httpStatus()).isEqualTo(200);
  }

  @Test
  void switchingProtocolsWithABadAcceptKeyIsInvalid() throws Exception {
    try (RawServer raw = new RawServer(conn -> {
      conn.readRequest();
      conn.write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Accept: bm90IHRoZSByaWdodCBrZXk=\r\n\r\n");
      conn.awaitEof();
    })) {
      RecordingEvents ev = events();
      transport.connect(request("ws://127.0.0.1:" + raw.port() + "/"), ev);
      TransportFailure f = ev.awaitFailure();
      assertThat(f.kind()).as("%s", f).isEqualTo(Kind.HANDSHAKE_INVALID);
      raw.awaitConnection().peerClosed.get(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void switchingProtocolsWithoutUpgradeHeaderIsInvalid() throws Exception {
    try (RawServer raw = new RawServer(conn -> {
      Map<String, String> req = conn.readRequest();
      conn.write("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Accept: " + RawServer.Conn.accept(req.get("sec-websocket-key")) + "\r\n\r\n");
      conn.awaitEof();
    })) {
      RecordingEvents ev = events();
      transport.connect(request("ws://127.0.0.1:" + raw.port() + "/"), ev);
      TransportFailure f = ev.awaitFailure();
      assertThat(f.kind()).as("%s", f).isEqualTo(Kind.HANDSHAKE_INVALID);
    }
  }

  @Test
  void subProtocolNotOfferedFails() throws Exception {
    try (RawServer raw = new RawServer(conn -> {
      conn.switchProtocols(conn.readRequest(), "Sec-WebSocket-Protocol: other\r\n");
      conn.awaitEof();
    })) {
      RecordingEvents ev = events();
      transport.connect(request("ws://127.0.0.1:" + raw.port() + "/", Map.of(), List.of("chat"),
          Duration.ofSeconds(5)), ev);
      TransportFailure f = ev.awaitFailure();
      assertThat(f.kind()).as("%s", f).isEqualTo(Kind.SUBPROTOCOL);
      raw.awaitConnection().peerClosed.get(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void subProtocolChosenWhenNoneOfferedFails() throws Exception {
    try (RawServer raw = new RawServer(conn -> {
      conn.switchProtocols(conn.readRequest(), "Sec-WebSocket-Protocol: chat\r\n");
      conn.awaitEof();
    })) {
      RecordingEvents ev = events();
      transport.connect(request("ws://127.0.0.1:" + raw.port() + "/"), ev);
      assertThat(ev.awaitFailure().kind()).isEqualTo(Kind.SUBPROTOCOL);
    }
  }

  @Test
  void noSubProtocolSelectedWhenOfferedFails() throws Exception {
    try (TestServer server = TestServer.echo(vertx)) { // this server knows no sub-protocols
      RecordingEvents ev = events();
      transport.connect(request("ws://127.0.0.1:" + server.port() + "/", Map.of(), List.of("chat"),
          Duration.ofSeconds(5)), ev);
      TransportFailure f = ev.awaitFailure();
      assertThat(f.kind()).as("%s", f).isEqualTo(Kind.SUBPROTOCOL);
    }
  }

  @Test
  void serverClosingDuringHandshakeIsAnIoFailure() throws Exception {
    try (RawServer raw = new RawServer(conn -> {
      conn.readRequest();
      conn.closeQuietly();
    })) {
      RecordingEvents ev = events();
      transport.connect(request("ws://127.0.0.1:" + raw.port() + "/"), ev);
      assertThat(ev.awaitFailure().kind()).isEqualTo(Kind.IO);
    }
  }

  // ------------------------------------------------------------------------------------------------ abort

  @Test
  void abortDuringStalledHandshakeFailsWithAbortedAndClosesTheSocket() throws Exception {
    try (RawServer raw = new RawServer(conn -> {
      conn.readRequest();
      conn.awaitEof();
    })) {
      RecordingEvents ev = events();
      Connection c = transport.connect(request("ws://127.0.0.1:" + raw.port() + "/", Map.of(), List.of(),
          Duration.ofSeconds(20)), ev);
      RawServer.Conn conn = raw.awaitConnection();
      conn.requestSeen.get(5, TimeUnit.SECONDS);
      c.abort();
      assertThat(ev.awaitFailure().kind()).isEqualTo(Kind.ABORTED);
      conn.peerClosed.get(5, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(5)).until(() -> transport.liveConnections() == 0);
      assertThat(ev.opened).isNotDone();
    }
  }

  @Test
  void handshakeThatCompletesAfterAbortIsClosedAtOnce() throws Exception {
    try (RawServer raw = new RawServer(conn -> {
      Map<String, String> req = conn.readRequest();
      conn.awaitProceed();
      try {
        conn.switchProtocols(req, "");
      } catch (java.io.IOException alreadyGone) {
        // the client may have closed first: fine
      }
      conn.awaitEof();
    })) {
      RecordingEvents ev = events();
      Connection c = transport.connect(request("ws://127.0.0.1:" + raw.port() + "/", Map.of(), List.of(),
          Duration.ofSeconds(20)), ev);
      RawServer.Conn conn = raw.awaitConnection();
      conn.requestSeen.get(5, TimeUnit.SECONDS);
      c.abort();
      conn.proceed.complete(null);
      assertThat(ev.awaitFailure().kind()).isEqualTo(Kind.ABORTED);
      conn.peerClosed.get(5, TimeUnit.SECONDS);
      assertThat(ev.opened).isNotDone();
    }
  }

  @Test
  void abortAfterOpenFailsWithAbortedAndDropsTheSocket() throws Exception {
    try (TestServer server = TestServer.echo(vertx)) {
      RecordingEvents ev = events();
      Connection c = open(request("ws://127.0.0.1:" + server.port() + "/"), ev);
      c.abort();
      assertThat(ev.awaitFailure().kind()).isEqualTo(Kind.ABORTED);
      TestServer.Close seen = server.awaitClose();
      assertThat(seen.code()).as("no close frame was sent").isEqualTo((short) 1006);
      c.abort(); // idempotent
      c.close(1000, "");
      assertThat(ev.log).filteredOn(s -> s.startsWith("failed") || s.startsWith("closed")).hasSize(1);
    }
  }

  @Test
  void closeWhileConnectingAborts() throws Exception {
    try (RawServer raw = new RawServer(conn -> {
      conn.readRequest();
      conn.awaitEof();
    })) {
      RecordingEvents ev = events();
      Connection c = transport.connect(request("ws://127.0.0.1:" + raw.port() + "/"), ev);
      RawServer.Conn conn = raw.awaitConnection();
      conn.requestSeen.get(5, TimeUnit.SECONDS);
      c.close(1000, "");
      assertThat(ev.awaitFailure().kind()).isEqualTo(Kind.ABORTED);
      conn.peerClosed.get(5, TimeUnit.SECONDS);
    }
  }

  // ------------------------------------------------------------------------------------------------ sending

  @Test
  void sendBeforeOpenOrAfterEndFailsAtOnce() throws Exception {
    try (RawServer raw = new RawServer(conn -> {
      conn.readRequest();
      conn.awaitEof();
    })) {
      RecordingEvents ev = events();
      Connection c = transport.connect(request("ws://127.0.0.1:" + raw.port() + "/"), ev);
      Done early = send(c, Frame.text("too early"));
      assertThat(early.result).isDone();
      assertThat(early.await()).isPresent();
      assertThat(c.writeQueueFull()).isFalse();
      c.abort();
      ev.awaitFailure();
      Done late = send(c, Frame.binary(ByteBuffer.allocate(3)));
      assertThat(late.result).isDone();
      assertThat(late.await()).isPresent();
    }
  }

  @Test
  void resetMidStreamFailsTheConnectionAndEveryPendingSend() throws Exception {
    try (RawServer raw = new RawServer(64 * 1024, conn -> {
      conn.switchProtocols(conn.readRequest(), "");
      conn.awaitProceed(); // never reads: the client's writes back up
      conn.reset();
    })) {
      RecordingEvents ev = events();
      Connection c = open(request("ws://127.0.0.1:" + raw.port() + "/"), ev);
      List<Done> sends = new ArrayList<>();
      byte[] chunk = new byte[64 * 1024];
      for (int i = 0; i < 300; i++) { // ~19 MiB: more than the socket buffers hold
        sends.add(send(c, Frame.binary(ByteBuffer.wrap(chunk))));
      }
      await().atMost(Duration.ofSeconds(5)).until(c::writeQueueFull);
      raw.awaitConnection().proceed.complete(null);

      TransportFailure f = ev.awaitFailure();
      assertThat(f.kind()).as("%s", f).isEqualTo(Kind.IO);
      List<Optional<Throwable>> results = new ArrayList<>();
      for (Done d : sends) {
        results.add(d.await());
        assertThat(d.calls).isEqualTo(1);
      }
      assertThat(results).anySatisfy(r -> assertThat(r).isPresent());
      assertThat(send(c, Frame.text("after")).await()).isPresent();
    }
  }

  @Test
  void slowReaderFillsTheWriteQueueAndWritableFollowsWhenItReadsAgain() throws Exception {
    try (VertxTransport small = VertxTransport.create(vertx,
        VertxTransportOptions.builder().writeQueueMaxSize(256 * 1024).build());
        RawServer raw = new RawServer(64 * 1024, conn -> {
          conn.switchProtocols(conn.readRequest(), "");
          conn.awaitProceed();
          conn.awaitEof();
        })) {
      RecordingEvents ev = events();
      Connection c = small.connect(request("ws://127.0.0.1:" + raw.port() + "/"), ev);
      ev.awaitOpened();
      byte[] chunk = new byte[64 * 1024];
      long sent = 0;
      boolean stalled = false;
      while (!stalled) {
        assertThat(sent).as("the write queue never stayed full").isLessThan(512L * 1024 * 1024);
        send(c, Frame.binary(ByteBuffer.wrap(chunk)));
        sent += chunk.length;
        if (c.writeQueueFull()) {
          // full: either the socket still drains (writable soon) or the server really stopped reading
          stalled = !ev.writable.tryAcquire(300, TimeUnit.MILLISECONDS) && c.writeQueueFull();
        }
      }
      assertThat(c.writeQueueFull()).isTrue();
      raw.awaitConnection().proceed.complete(null);
      assertThat(ev.writable.tryAcquire(5, TimeUnit.SECONDS)).as("writable after the server resumed").isTrue();
      assertThat(c.writeQueueFull()).isFalse();
      assertThat(ev.terminal).isNotDone();
    }
  }

  @Test
  void tooBigIncomingMessageFailsTheConnection() throws Exception {
    try (VertxTransport small = VertxTransport.create(vertx,
        VertxTransportOptions.builder().maxMessageSize(1024).maxFrameSize(1024).build());
        TestServer server = TestServer.start(vertx, o -> { }, ws -> {
          ws.writeFrame(WebSocketFrame.textFrame("x".repeat(1000), false));
          ws.writeFrame(WebSocketFrame.continuationFrame(Buffer.buffer("y".repeat(1000)), true));
        })) {
      RecordingEvents ev = events();
      small.connect(request("ws://127.0.0.1:" + server.port() + "/"), ev);
      TransportFailure f = ev.awaitFailure();
      assertThat(f.kind()).isEqualTo(Kind.IO);
      assertThat(ev.messages).isEmpty();
    }
  }

  @Test
  void manyConnectionsAtOnce() throws Exception {
    List<RecordingEvents> all = new ArrayList<>();
    List<Connection> conns = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      RecordingEvents ev = events();
      all.add(ev);
      conns.add(transport.connect(request(echoUri("/many")), ev));
    }
    for (int i = 0; i < all.size(); i++) {
      all.get(i).awaitOpened();
      send(conns.get(i), Frame.text("n" + i));
    }
    for (int i = 0; i < all.size(); i++) {
      assertThat(all.get(i).nextMessage()).isEqualTo(Frame.text("n" + i));
      conns.get(i).close(1000, "");
    }
    for (RecordingEvents ev : all) {
      assertThat(ev.awaitTerminal().isClosed()).isTrue();
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> transport.liveConnections() == 0);
  }
}
