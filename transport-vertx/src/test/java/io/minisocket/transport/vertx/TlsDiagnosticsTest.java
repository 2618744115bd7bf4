package io.minisocket.transport.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import io.minisocket.core.transport.ConnectRequest;
import io.minisocket.core.transport.TransportFailure;
import io.minisocket.core.transport.TransportFailure.Kind;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.PemTrustOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a {@code wss} user sees when TLS fails (the failure names the cause: self-signed, unknown issuer, expired,
 * hostname mismatch, the server's handshake alert) and what they can configure: a client certificate (mutual TLS)
 * and an HTTP proxy ({@code CONNECT}).
 */
@Timeout(30)
class TlsDiagnosticsTest {
  private static final TestCerts CA = TestCerts.ca("MiniSocket Test CA");
  private static final TestCerts LOCALHOST = TestCerts.localhost();
  private static Vertx vertx;
  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void aSelfSignedCertificateIsCalledSelfSigned() throws Exception {
    assertThat(tlsFailure(LOCALHOST, VertxTransportOptions.defaults()))
        .startsWith("TLS failed: self-signed certificate: CN=localhost is not trusted");
  }

  @Test
  void aCertificateFromAnUnknownCaNamesTheIssuer() throws Exception {
    assertThat(tlsFailure(CA.issue("localhost"), VertxTransportOptions.defaults()))
        .isEqualTo("TLS failed: unknown issuer: CN=MiniSocket Test CA, which signed CN=localhost, is not trusted");
  }

  @Test
  void anExpiredCertificateSaysExpiredAndWhen() throws Exception {
    TestCerts expired = CA.issueExpired("localhost");
    VertxTransportOptions trustCa = VertxTransportOptions.builder().trustPem(CA.writeCertPem(dir, "ca.pem")).build();

    assertThat(tlsFailure(expired, trustCa)).startsWith("TLS failed: certificate expired: CN=localhost was valid "
        + "until " + expired.certificate.getNotAfter().toInstant());
  }

  @Test
  void aTrustedButExpiredSelfSignedCertificateIsRefusedToo() throws Exception {
    TestCerts expired = TestCerts.ca("localhost").issueExpired("localhost");
    VertxTransportOptions trustLeaf = VertxTransportOptions.builder().trustPem(expired.writePem(dir)).build();

    assertThat(tlsFailure(expired, trustLeaf)).startsWith("TLS failed: certificate expired: CN=localhost");
  }

  @Test
  void aCertificateForAnotherHostSaysHostnameMismatch() throws Exception {
    TestCerts other = TestCerts.otherHost();
    VertxTransportOptions trustIt = VertxTransportOptions.builder().trustPem(other.writePem(dir)).build();

    assertThat(tlsFailure(other, trustIt))
        .isEqualTo("TLS failed: hostname mismatch: the certificate is for example.invalid, not 127.0.0.1");
  }

  @Test
  void aServerThatRequiresAClientCertificateFailsWithItsHandshakeAlert() throws Exception {
    try (TestServer server = mutualTlsServer()) {
      String failure = failureOf(server, trustLocalhost());

      assertThat(failure).matches("TLS failed: handshake alert \\w+ from the server \\(.*client certificate.*\\)");
    }
  }

  @Test
  void aClientCertificateOpensAServerThatRequiresOne() throws Exception {
    TestCerts client = CA.issue("minisocket-client");
    VertxTransportOptions options = VertxTransportOptions.builder()
        .trustPem(LOCALHOST.writePem(dir))
        .clientCertificate(client.writeCertPem(dir, "client.pem"), client.writeKeyPem(dir, "client-key.pem"))
        .build();
    try (TestServer server = mutualTlsServer()) { // ClientAuth.REQUIRED: without the certificate, see above
      VertxTransportTlsTest.assertEchoes(vertx, options, server.port());
    }
  }

  @Test
  void anHttpProxyCarriesTheConnectionThroughConnect() throws Exception {
    String credentials = "Basic " + Base64.getEncoder().encodeToString("user:secret".getBytes(StandardCharsets.UTF_8));
    try (TestServer server = tlsServer(); ConnectProxy proxy = new ConnectProxy(credentials)) {
      VertxTransportOptions options = VertxTransportOptions.builder().trustPem(LOCALHOST.writePem(dir))
          .httpProxy("127.0.0.1", proxy.port()).proxyCredentials("user", "secret").build();

      VertxTransportTlsTest.assertEchoes(vertx, options, server.port());
      ConnectProxy.Tunnel tunnel = proxy.tunnels.poll(5, TimeUnit.SECONDS);
      assertThat(tunnel).isNotNull();
      assertThat(tunnel.target()).isEqualTo("127.0.0.1:" + server.port());
      assertThat(tunnel.authorization()).isEqualTo(credentials);
    }
  }

  @Test
  void aProxyThatRefusesTheTunnelFailsTheConnection() throws Exception {
    try (TestServer server = tlsServer(); ConnectProxy proxy = new ConnectProxy("Basic nobody")) {
      VertxTransportOptions options = VertxTransportOptions.builder().trustPem(LOCALHOST.writePem(dir))
          .httpProxy("127.0.0.1", proxy.port()).build();
      RecordingEvents ev = new RecordingEvents();
      try (VertxTransport t = VertxTransport.create(vertx, options)) {
        t.connect(wss(server.port()), ev);
        TransportFailure failure = ev.awaitFailure();
        assertThat(failure.kind()).as("%s", failure).isNotEqualTo(Kind.ABORTED);
        assertThat(failure.message()).containsIgnoringCase("proxy");
      }
      assertThat(server.requests).as("nothing reached the server").isEmpty();
    }
  }

  // ---------------------------------------------------------------------------------------------------------------

  private static ConnectRequest wss(int port) {
    return new ConnectRequest(URI.create("wss://127.0.0.1:" + port + "/tls"), "GET", Map.of(), List.of(),
        Duration.ofSeconds(10));
  }

  private VertxTransportOptions trustLocalhost() throws Exception {
    return VertxTransportOptions.builder().trustPem(LOCALHOST.writePem(dir)).build();
  }

  private static TestServer tlsServer() throws Exception {
    return TestServer.start(vertx, o -> o.setSsl(true).setKeyCertOptions(LOCALHOST.keyCertOptions()),
        TestServer::echo);
  }

  /** A server for localhost that requires a client certificate issued by {@link #CA}. */
  private static TestServer mutualTlsServer() throws Exception {
    return TestServer.start(vertx, o -> o.setSsl(true).setKeyCertOptions(LOCALHOST.keyCertOptions())
        .setClientAuth(ClientAuth.REQUIRED)
        .setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(CA.certPem))), TestServer::echo);
  }

  /** Starts a TLS server with the certificate, connects with the options, and returns the TLS failure's text. */
  private static String tlsFailure(TestCerts serverCertificate, VertxTransportOptions options) throws Exception {
    try (TestServer server = TestServer.start(vertx,
        o -> o.setSsl(true).setKeyCertOptions(serverCertificate.keyCertOptions()), TestServer::echo)) {
      return failureOf(server, options);
    }
  }

  private static String failureOf(TestServer server, VertxTransportOptions options) throws Exception {
    RecordingEvents ev = new RecordingEvents();
    try (VertxTransport t = VertxTransport.create(vertx, options)) {
      t.connect(wss(server.port()), ev);
      TransportFailure failure = ev.awaitFailure();
      assertThat(failure.kind()).as("%s", failure).isEqualTo(Kind.TLS);
      ev.assertNoViolations();
      return failure.message();
    }
  }
}
