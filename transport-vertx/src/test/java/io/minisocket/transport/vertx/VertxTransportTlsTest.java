package io.minisocket.transport.vertx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minisocket.core.transport.ConnectRequest;
import io.minisocket.core.transport.Connection;
import io.minisocket.core.transport.Frame;
import io.minisocket.core.transport.TransportFailure;
import io.minisocket.core.transport.TransportFailure.Kind;
import io.minisocket.transport.vertx.VertxTransportOptions.TrustStoreType;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code wss} against a Vert.x server with a certificate made in the test. */
@Timeout(30)
class VertxTransportTlsTest {

  private static Vertx vertx;
  private static TestCerts certs;
  private static TestServer server;
  @TempDir
  Path dir;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    certs = TestCerts.localhost();
    server = TestServer.start(vertx, o -> o.setSsl(true).setKeyCertOptions(certs.keyCertOptions()), TestServer::echo);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static ConnectRequest wss(int port, Duration timeout) {
    return new ConnectRequest(URI.create("wss://127.0.0.1:" + port + "/tls"), "GET", Map.of(), List.of(), timeout);
  }

  private static RecordingEvents connect(VertxTransportOptions options, int port) {
    RecordingEvents ev = new RecordingEvents();
    try (VertxTransport t = VertxTransport.create(vertx, options)) {
      t.connect(wss(port, Duration.ofSeconds(5)), ev);
      ev.awaitTerminal();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    return ev;
  }

  /** Opens {@code wss://127.0.0.1:port/tls} with the options, echoes one message and closes. */
  static void assertEchoes(Vertx vertx, VertxTransportOptions options, int port) throws Exception {
    try (VertxTransport t = VertxTransport.create(vertx, options)) {
      RecordingEvents ev = new RecordingEvents();
      Connection c = t.connect(wss(port, Duration.ofSeconds(5)), ev);
      ev.awaitOpened();
      c.send(Frame.text("secure"), failure -> { });
      assertThat(ev.nextMessage()).isEqualTo(Frame.text("secure"));
      c.close(1000, "");
      assertThat(ev.awaitTerminal().isClosed()).isTrue();
      ev.assertNoViolations();
    }
  }

  @Test
  void untrustedCertificateFailsWithTls() throws Exception {
    RecordingEvents ev = connect(VertxTransportOptions.defaults(), server.port());
    TransportFailure f = ev.awaitFailure();
    assertThat(f.kind()).as("%s", f).isEqualTo(Kind.TLS);
    ev.assertNoViolations();
  }

  @Test
  void trustedViaPemFileOpens() throws Exception {
    assertEchoes(vertx, VertxTransportOptions.builder().trustPem(certs.writePem(dir)).build(), server.port());
  }

  @Test
  void trustedViaPkcs12StoreOpens() throws Exception {
    Path store = certs.writeTrustStore(dir, "PKCS12", "changeit");
    assertEchoes(vertx, VertxTransportOptions.builder().trustStore(store, "changeit", TrustStoreType.PKCS12).build(),
        server.port());
  }

  @Test
  void trustedViaJksStoreOpens() throws Exception {
    Path store = certs.writeTrustStore(dir, "JKS", "changeit");
    assertEchoes(vertx, VertxTransportOptions.builder().trustStore(store, "changeit", TrustStoreType.JKS).build(),
        server.port());
  }

  @Test
  void trustAllOpens() throws Exception {
    assertEchoes(vertx, VertxTransportOptions.builder().trustAll(true).build(), server.port());
  }

  @Test
  void hostNameMismatchFailsWithTlsUnlessHostVerificationIsOff() throws Exception {
    TestCerts other = TestCerts.otherHost();
    try (TestServer wrongName = TestServer.start(vertx,
        o -> o.setSsl(true).setKeyCertOptions(other.keyCertOptions()), TestServer::echo)) {
      Path pem = other.writePem(dir);
      RecordingEvents ev = connect(VertxTransportOptions.builder().trustPem(pem).build(), wrongName.port());
      assertThat(ev.awaitFailure().kind()).isEqualTo(Kind.TLS);

      assertEchoes(vertx, VertxTransportOptions.builder().trustPem(pem).verifyHost(false).build(), wrongName.port());
    }
  }

  @Test
  void stalledTlsHandshakeTimesOutAndClosesTheSocket() throws Exception {
    try (RawServer raw = new RawServer(RawServer.Conn::awaitEof);
        VertxTransport t = VertxTransport.create(vertx, VertxTransportOptions.builder().trustAll(true).build())) {
      RecordingEvents ev = new RecordingEvents();
      t.connect(wss(raw.port(), Duration.ofMillis(500)), ev);
      assertThat(ev.awaitFailure().kind()).isEqualTo(Kind.TIMEOUT);
      raw.awaitConnection().peerClosed.get(5, TimeUnit.SECONDS);
      ev.assertNoViolations();
    }
  }

  @Test
  void abortDuringStalledTlsHandshakeClosesTheSocket() throws Exception {
    try (RawServer raw = new RawServer(RawServer.Conn::awaitEof);
        VertxTransport t = VertxTransport.create(vertx, VertxTransportOptions.builder().trustAll(true).build())) {
      RecordingEvents ev = new RecordingEvents();
      Connection c = t.connect(wss(raw.port(), Duration.ofSeconds(20)), ev);
      RawServer.Conn conn = raw.awaitConnection();
      c.abort();
      assertThat(ev.awaitFailure().kind()).isEqualTo(Kind.ABORTED);
      conn.peerClosed.get(5, TimeUnit.SECONDS);
      ev.assertNoViolations();
    }
  }

  @Test
  void unreadableTrustFilesAreRejectedAtCreation() throws Exception {
    Path missing = dir.resolve("missing.pem");
    assertThatThrownBy(() -> VertxTransport.create(vertx, VertxTransportOptions.builder().trustPem(missing).build()))
        .isInstanceOf(IllegalArgumentException.class);
    Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a certificate");
    assertThatThrownBy(() -> VertxTransport.create(vertx, VertxTransportOptions.builder().trustPem(garbage).build()))
        .isInstanceOf(IllegalArgumentException.class);
    Path store = certs.writeTrustStore(dir, "PKCS12", "right");
    assertThatThrownBy(() -> VertxTransport.create(vertx,
        VertxTransportOptions.builder().trustStore(store, "wrong", TrustStoreType.PKCS12).build()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
