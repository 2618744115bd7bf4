package io.minisocket.tck;

import static io.minisocket.tck.Waiting.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.minisocket.core.transport.Connection;
import io.minisocket.core.transport.ConnectRequest;
import io.minisocket.core.transport.Frame;
import io.minisocket.core.transport.Transport;
import io.minisocket.core.transport.TransportFailure;
import io.minisocket.tck.PortEvents.Closed;
import io.minisocket.tck.PortEvents.Message;
import io.minisocket.tck.PortEvents.Opened;
import io.minisocket.testkit.Handshake;
import io.minisocket.testkit.MockWebSocketServer;
import io.minisocket.testkit.RecordedClose;
import io.minisocket.testkit.RecordedMessage;
import io.minisocket.testkit.RecordedRequest;
import io.minisocket.testkit.Script;
import io.minisocket.testkit.SelfSignedCertificate;
import io.minisocket.testkit.ServerConnection;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract of the transport port ({@link Transport}, {@link Connection}, and the
 * {@link io.minisocket.core.transport.ConnectionEvents} it reports to), as a JUnit 5 suite: a transport proves
 * itself with a subclass that creates it.
 *
 * <pre>{@code
 * class VertxTransportContractTest extends TransportContractKit {
 *   protected Transport createTransport(Path trustedCertificatePem) {
 *     return VertxTransport.create(VertxTransportOptions.builder().trustPem(trustedCertificatePem).build());
 *   }
 * }
 * }</pre>
 *
 * <p>Every test talks to a {@link MockWebSocketServer} on 127.0.0.1 over {@code wss://localhost} with a
 * self-signed certificate whose PEM file {@link #createTransport} receives. In every test the events of a
 * connection are checked to come one at a time, {@code opened} at most once, and nothing after the terminal
 * {@code closed} or {@code failed}. Test names state the rule they check; each test's Javadoc says where to look
 * when it fails. A transport whose client cannot do something the port asks declares it in {@link #capabilities()},
 * and the kit checks the weaker promise that remains; a transport that cannot keep a rule yet lists it in
 * {@link #knownViolations()} with the reason (the test is then skipped).
 */
public abstract class TransportContractKit extends ContractKitLifecycle<PortEvents> {
  /** Longer than the kit waits: a transport that leaves a cancelled handshake to its connect timeout fails. */
  private static final Duration LONG_CONNECT_TIMEOUT = WAIT.multipliedBy(3);

  /**
   * Declares what the transport's client cannot do of what the port asks; the tests that depend on it then check
   * the weaker promise that remains. Override only for a limit of the underlying client, and document it.
   *
   * @return the transport's capabilities; {@link TransportCapabilities#all()} unless overridden
   */
  protected TransportCapabilities capabilities() {
    return TransportCapabilities.all();
  }

  /** Checks one connection's events: one at a time, {@code opened} at most once, nothing after the end. */
  @Override
  final void assertRulesKept(PortEvents events) {
    events.assertWellFormed();
  }

  // ------------------------------------------------------------------------------------------------ opening

  /**
   * The handshake carries the request's path, headers and offered sub-protocols; {@code opened} reports the
   * response headers and the sub-protocol the server chose. When this fails, look at how the transport maps a
   * {@link ConnectRequest} to its client's options, and what it passes to {@code opened}.
   */
  @Test
  public void required_connect_sendsTheRequestAndReportsTheResponse() {
    server.enqueue(Handshake.acceptSubProtocols("kit-v2").withHeader("X-Kit-Reply", "yes"), Script.echo());
    PortEvents events = new PortEvents();
    Connection connection = connect(new ConnectRequest(URI.create(server.url("/chat?room=1")), "GET",
        Map.of("X-Kit-Token", "abc"), List.of("kit-v1", "kit-v2"), CONNECT_TIMEOUT), events);
    Opened opened = events.awaitOpened(WAIT);
    RecordedRequest request = server.takeRequest(WAIT);
    assertThat(request.path()).as("request target").isEqualTo("/chat?room=1");
    assertThat(request.header("X-Kit-Token")).as("request header").isEqualTo("abc");
    assertThat(request.subProtocols()).as("offered sub-protocols, in order").containsExactly("kit-v1", "kit-v2");
    assertThat(opened.protocol()).as("negotiated sub-protocol").isEqualTo("kit-v2");
    assertThat(opened.header("X-Kit-Reply")).as("response header; got %s", opened.headers()).containsExactly("yes");
    connection.close(1000, "");
    events.awaitClosed(WAIT);
  }

  /**
   * Without offered sub-protocols, {@code opened} reports none ({@code null}). When this fails, look at what the
   * transport passes as the protocol when the response has no {@code Sec-WebSocket-Protocol}.
   */
  @Test
  public void required_connect_withoutSubProtocolReportsNone() {
    PortEvents events = new PortEvents();
    connect(request(server.url()), events);
    assertThat(events.awaitOpened(WAIT).protocol()).as("sub-protocol when none was offered").isNull();
  }

  /**
   * Two handshakes to the same URI in progress at once (the first answered a moment after the second) each report
   * their own response headers. A transport that declares it cannot tell them apart
   * ({@link TransportCapabilities#tellsOverlappingHandshakesApart()}) reports its own headers or none, never the
   * other's. When this fails, look at how the transport matches a handshake's response to its connection.
   */
  @Test
  public void required_connect_overlappingHandshakesReportTheirOwnResponseHeaders() {
    server.enqueue(Handshake.accept().withHeader("X-Kit-Session", "first").delayed(Duration.ofSeconds(1)));
    server.enqueue(Handshake.accept().withHeader("X-Kit-Session", "second"));
    PortEvents first = new PortEvents();
    connect(request(server.url("/same")), first);
    server.takeRequest(WAIT);
    PortEvents second = new PortEvents();
    connect(request(server.url("/same")), second);
    List<String> secondSession = second.awaitOpened(WAIT).header("X-Kit-Session");
    List<String> firstSession = first.awaitOpened(WAIT).header("X-Kit-Session");
    if (capabilities().tellsOverlappingHandshakesApart()) {
      assertThat(firstSession).as("the first handshake's own header").containsExactly("first");
      assertThat(secondSession).as("the second handshake's own header").containsExactly("second");
    } else {
      assertThat(firstSession).as("the first handshake's own header, or none").isIn(List.of("first"), List.of());
      assertThat(secondSession).as("the second handshake's own header, or none").isIn(List.of("second"), List.of());
    }
  }

  // ------------------------------------------------------------------------------------------------ messages

  /**
   * Every write completes exactly once, successfully while open; messages reach the server whole, in order and
   * with their type; messages from the server arrive whole, in order and with their type — including one of 1 MiB.
   * When this fails, look at the write completion and at how the transport aggregates fragments.
   */
  @Test
  public void required_send_completesEveryWriteOnceAndKeepsOrderAndType() {
    PortEvents events = new PortEvents();
    Connection connection = connect(request(server.url()), events);
    events.awaitOpened(WAIT);
    Writes writes = new Writes();
    List<RecordedMessage> expected = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      if (i % 2 == 0) {
        connection.send(Frame.text("text " + i), writes.next());
        expected.add(RecordedMessage.text("text " + i));
      } else {
        byte[] bytes = ("binary " + i).getBytes(StandardCharsets.UTF_8);
        connection.send(Frame.binary(ByteBuffer.wrap(bytes)), writes.next());
        expected.add(RecordedMessage.binary(bytes));
      }
    }
    byte[] large = new byte[1024 * 1024];
    for (int i = 0; i < large.length; i++) {
      large[i] = (byte) (i * 31);
    }
    connection.send(Frame.binary(ByteBuffer.wrap(large)), writes.next());
    expected.add(RecordedMessage.binary(large));
    writes.awaitAllExactlyOnce(WAIT);
    assertThat(writes.succeeded()).as("writes that succeeded").isEqualTo(writes.size());
    List<RecordedMessage> received = new ArrayList<>();
    for (int i = 0; i < expected.size(); i++) {
      received.add(server.takeMessage(WAIT));
    }
    assertThat(received).as("messages at the server").containsExactlyElementsOf(expected);
    List<Message> echoed = events.awaitMessages(expected.size(), WAIT);
    for (int i = 0; i < expected.size(); i++) {
      RecordedMessage want = expected.get(i);
      Message got = echoed.get(i);
      if (want.isText()) {
        assertThat(got.text()).as("echo #%s is text", i).isEqualTo(want.text());
      } else {
        assertThat(got.bytes()).as("echo #%s is binary", i).isEqualTo(want.bytes());
      }
    }
  }

  /**
   * While the peer does not read, {@code writeQueueFull()} turns true once the transport's buffer is above its
   * high-water mark; when the peer reads again, {@code writable()} is reported and every write completes and
   * arrives. When this fails, look at the transport's write-queue accounting and drain handler.
   */
  @Test
  public void required_backpressure_writeQueueFullThenWritable() {
    Stalled stalled = openToAPeerThatDoesNotRead();
    Connection connection = stalled.connection();
    Writes writes = new Writes();
    byte[] payload = new byte[64 * 1024];
    for (int i = 0; i < 2_000 && !connection.writeQueueFull(); i++) {
      connection.send(Frame.binary(ByteBuffer.wrap(payload)), writes.next());
    }
    assertThat(connection.writeQueueFull()).as("writeQueueFull after %s writes of 64 KiB to a peer that does not "
        + "read", writes.size()).isTrue();
    stalled.peer().resumeReading();
    await("writable() after the peer reads again").atMost(WAIT).until(stalled.events()::wasWritable);
    writes.awaitAllExactlyOnce(WAIT);
    assertThat(writes.succeeded()).as("writes that succeeded").isEqualTo(writes.size());
    await("the peer reads every message").atMost(WAIT).until(() -> server.received().size() == writes.size());
  }

  // ------------------------------------------------------------------------------------------------ closing

  /**
   * {@code close(code, reason)} sends a close frame with them and ends with {@code closed} once the peer answered.
   * When this fails, look at the transport's close and its close handler.
   */
  @Test
  public void required_close_performsTheClosingHandshake() {
    PortEvents events = new PortEvents();
    Connection connection = connect(request(server.url()), events);
    events.awaitOpened(WAIT);
    connection.close(4000, "kit says bye");
    RecordedClose received = server.awaitClose(WAIT);
    assertThat(received.code()).as("close code at the server").isEqualTo(4000);
    assertThat(received.reason()).as("close reason at the server").isEqualTo("kit says bye");
    assertThat(events.awaitClosed(WAIT).code()).as("code in closed").isEqualTo(4000);
    server.awaitDisconnect(WAIT);
  }

  /**
   * A close frame from the peer ends the connection with {@code closed} carrying its code and reason. When this
   * fails, look at the transport's close handler.
   */
  @Test
  public void required_peerClose_reportsItsCodeAndReason() {
    server.enqueue(Script.echo().closeOnOpen(4001, "server says bye"));
    PortEvents events = new PortEvents();
    connect(request(server.url()), events);
    assertThat(events.awaitClosed(WAIT)).isEqualTo(new Closed(4001, "server says bye"));
    assertThat(events.opened()).as("opened before closed").isNotNull();
  }

  /**
   * {@code abort()} while the handshake is in progress cancels it: {@code failed(ABORTED)} and the TCP connection
   * goes at once, not at the connect timeout; a second abort changes nothing. {@code close} before open behaves the
   * same. When this fails, look at how the transport cancels a pending connect (cancelling the client's connect
   * future may not be enough: a "still connected" failure means the handshake was left to time out).
   */
  @Test
  public void required_abort_whileConnectingLeavesNothingOpen() {
    server.enqueue(Handshake.stallHandshake());
    server.enqueue(Handshake.stallHandshake());
    PortEvents aborted = new PortEvents();
    Connection first = connect(new ConnectRequest(URI.create(server.url()), "GET", Map.of(), List.of(),
        LONG_CONNECT_TIMEOUT), aborted);
    server.takeRequest(WAIT);
    first.abort();
    first.abort();
    assertThat(aborted.awaitFailed(WAIT).kind()).as("failure of an aborted connect")
        .isEqualTo(TransportFailure.Kind.ABORTED);
    PortEvents closed = new PortEvents();
    Connection second = connect(new ConnectRequest(URI.create(server.url()), "GET", Map.of(), List.of(),
        LONG_CONNECT_TIMEOUT), closed);
    server.takeRequest(WAIT);
    second.close(1000, "");
    assertThat(closed.awaitFailed(WAIT).kind()).as("failure of a connect closed before open")
        .isEqualTo(TransportFailure.Kind.ABORTED);
    server.awaitDisconnect(WAIT);
    assertThat(aborted.opened()).as("opened after abort").isNull();
  }

  /**
   * {@code abort()} on an open connection ends it at once with {@code failed(ABORTED)}; a write after the end
   * completes with a failure, exactly once. When this fails, look at the transport's abort and its handling of
   * writes on an ended connection.
   */
  @Test
  public void required_abort_afterOpenEndsAtOnce() {
    PortEvents events = new PortEvents();
    Connection connection = connect(request(server.url()), events);
    events.awaitOpened(WAIT);
    connection.abort();
    assertThat(events.awaitFailed(WAIT).kind()).isEqualTo(TransportFailure.Kind.ABORTED);
    server.awaitDisconnect(WAIT);
    Writes writes = new Writes();
    connection.send(Frame.text("too late"), writes.next());
    writes.awaitAllExactlyOnce(WAIT);
    assertThat(writes.failure(0)).as("a write after the end fails").isNotNull();
    assertThat(writes.failure(0).getMessage()).as("the failure says why").isNotBlank();
  }

  // ------------------------------------------------------------------------------------------------ failures

  /**
   * A port where nothing listens fails as {@code REFUSED}. When this fails, look at the transport's failure
   * classification.
   */
  @Test
  public void required_failure_refusedConnectionIsRefused() {
    PortEvents events = new PortEvents();
    connect(request("wss://localhost:" + MockWebSocketServer.unusedPort() + "/"), events);
    assertFailure(events, TransportFailure.Kind.REFUSED);
  }

  /**
   * A handshake the server never answers — after the request, or before TLS completes — fails as {@code TIMEOUT}
   * within the request's connect timeout, and the connection is closed. When this fails, look at how the transport
   * applies {@link ConnectRequest#connectTimeout()} to the whole of TCP connect, TLS and handshake.
   */
  @Test
  public void required_failure_stalledHandshakeTimesOutInTime() {
    server.enqueue(Handshake.stallHandshake());
    server.enqueue(Handshake.stallBeforeRequest());
    for (int i = 0; i < 2; i++) {
      PortEvents events = new PortEvents();
      long start = System.nanoTime();
      connect(new ConnectRequest(URI.create(server.url()), "GET", Map.of(), List.of(), SHORT_CONNECT_TIMEOUT),
          events);
      assertFailure(events, TransportFailure.Kind.TIMEOUT);
      assertEndedSoonAfterTheShortTimeout(start);
    }
    server.awaitDisconnect(WAIT);
  }

  /**
   * A handshake answered with an HTTP error fails as {@code HANDSHAKE_REJECTED} carrying the status. When this
   * fails, look at the transport's classification of non-101 answers.
   */
  @Test
  public void required_failure_rejectedHandshakeCarriesTheStatus() {
    server.enqueue(Handshake.rejectWith(403));
    PortEvents events = new PortEvents();
    connect(request(server.url()), events);
    TransportFailure failure = assertFailure(events, TransportFailure.Kind.HANDSHAKE_REJECTED);
    assertThat(failure.httpStatus()).as("HTTP status in the failure").isEqualTo(403);
  }

  /**
   * A 200 answer without the upgrade fails as a handshake failure ({@code HANDSHAKE_INVALID}, or
   * {@code HANDSHAKE_REJECTED} with status 200). When this fails, look at the transport's handshake checks.
   */
  @Test
  public void required_failure_answerWithoutUpgradeIsAHandshakeFailure() {
    server.enqueue(Handshake.answerWithoutUpgrade());
    PortEvents events = new PortEvents();
    connect(request(server.url()), events);
    TransportFailure failure = events.awaitFailed(WAIT);
    assertThat(failure.kind()).as("failure %s", failure).isIn(TransportFailure.Kind.HANDSHAKE_INVALID,
        TransportFailure.Kind.HANDSHAKE_REJECTED);
    if (failure.kind() == TransportFailure.Kind.HANDSHAKE_REJECTED) {
      assertThat(failure.httpStatus()).isEqualTo(200);
    }
    assertThat(events.opened()).isNull();
  }

  /**
   * A server that answers with a sub-protocol the client did not offer fails as {@code SUBPROTOCOL} (RFC 6455
   * section 4.1). When this fails, look at the transport's check of {@code Sec-WebSocket-Protocol}.
   */
  @Test
  public void required_failure_unofferedSubProtocolIsASubProtocolFailure() {
    server.enqueue(Handshake.answerSubProtocol("kit-other"));
    PortEvents events = new PortEvents();
    connect(new ConnectRequest(URI.create(server.url()), "GET", Map.of(), List.of("kit-v1"), CONNECT_TIMEOUT),
        events);
    assertFailure(events, TransportFailure.Kind.SUBPROTOCOL);
  }

  /**
   * A server whose certificate is not trusted fails as {@code TLS} before any HTTP is exchanged. When this fails,
   * look at the transport's trust configuration (trusting everything?) and its classification of TLS errors.
   */
  @Test
  public void required_failure_untrustedCertificateIsATlsFailure() {
    assertRefusedCertificate(KitCertificates.UNTRUSTED, "self-signed certificate");
  }

  /**
   * Each other reason to refuse a certificate is a {@code TLS} failure whose message names it: a trusted certificate
   * for another host ("hostname mismatch"), a trusted but expired one ("certificate expired"), one from an
   * untrusted authority ("unknown issuer"). When this fails, look at whether the transport's TLS setup wraps its
   * trust manager in {@code ExplainingTrustManager} and passes its message on.
   */
  @Test
  public void required_failure_aRefusedCertificateNamesTheReason() {
    assertRefusedCertificate(KitCertificates.OTHER_HOST, "hostname mismatch");
    assertRefusedCertificate(KitCertificates.EXPIRED, "certificate expired");
    assertRefusedCertificate(KitCertificates.UNKNOWN_ISSUER, "unknown issuer");
  }

  private void assertRefusedCertificate(SelfSignedCertificate certificate, String reason) {
    MockWebSocketServer refused = resources.server(certificate);
    PortEvents events = new PortEvents();
    connect(request(refused.url()), events);
    assertThat(assertFailure(events, TransportFailure.Kind.TLS).message()).as("the failure names the reason")
        .contains(reason);
    assertThat(refused.requests()).as("requests sent over a refused connection").isEmpty();
  }

  /**
   * A TCP reset while writes are pending completes every write exactly once and ends the connection with
   * {@code failed(IO)}. When this fails, look at how the transport fails writes it still holds when the connection
   * drops, and how it classifies a reset.
   */
  @Test
  public void required_failure_resetMidStreamCompletesEveryWriteAndFailsWithIo() {
    Stalled stalled = openToAPeerThatDoesNotRead();
    Writes writes = new Writes();
    byte[] payload = new byte[32 * 1024];
    for (int i = 0; i < 64; i++) {
      stalled.connection().send(Frame.binary(ByteBuffer.wrap(payload)), writes.next());
    }
    stalled.peer().reset();
    TransportFailure failure = stalled.events().awaitFailed(WAIT);
    assertThat(failure.kind()).as("failure after a reset: %s", failure).isEqualTo(TransportFailure.Kind.IO);
    writes.awaitAllExactlyOnce(WAIT);
  }

  // ------------------------------------------------------------------------------------------------ helpers

  private Connection connect(ConnectRequest request, PortEvents events) {
    Connection connection = transport.connect(request, track(events));
    assertThat(connection).as("the connection handle").isNotNull();
    return connection;
  }

  /** An open connection whose peer has stopped reading. */
  private record Stalled(Connection connection, PortEvents events, ServerConnection peer) {}

  private Stalled openToAPeerThatDoesNotRead() {
    PortEvents events = new PortEvents();
    Connection connection = connect(request(server.url()), events);
    events.awaitOpened(WAIT);
    ServerConnection peer = server.takeConnection(WAIT);
    peer.pauseReading();
    return new Stalled(connection, events, peer);
  }

  private static ConnectRequest request(String url) {
    return new ConnectRequest(URI.create(url), "GET", Map.of(), List.of(), CONNECT_TIMEOUT);
  }

  private static TransportFailure assertFailure(PortEvents events, TransportFailure.Kind kind) {
    TransportFailure failure = events.awaitFailed(WAIT);
    assertThat(failure.kind()).as("failure %s", failure).isEqualTo(kind);
    assertThat(failure.message()).as("the failure says what happened").isNotBlank();
    assertThat(events.opened()).as("opened before a failed connect").isNull();
    return failure;
  }
}
