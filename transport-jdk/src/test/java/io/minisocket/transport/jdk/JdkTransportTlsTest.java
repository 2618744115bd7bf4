package io.minisocket.transport.jdk;

import static io.minisocket.transport.jdk.Recorder.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.minisocket.core.transport.ConnectRequest;
import io.minisocket.core.transport.TransportFailure;
import io.minisocket.testkit.MockWebSocketServer;
import io.minisocket.testkit.SelfSignedCertificate;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code wss} trust settings: each way of trusting a server, host verification, and bad trust files. */
@Timeout(30)
class JdkTransportTlsTest {

  /** A certificate for another host name than the {@code localhost} the tests connect to. */
  private static final SelfSignedCertificate OTHER_HOST = SelfSignedCertificate.forNames("example.test");
  private static final SelfSignedCertificate LOCALHOST = SelfSignedCertificate.localhost();
  private static MockWebSocketServer localhost;
  private static MockWebSocketServer otherHost;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    localhost = MockWebSocketServer.builder().tls(LOCALHOST).start();
    otherHost = MockWebSocketServer.builder().tls(OTHER_HOST).start();
  }

  @AfterAll
  static void stop() {
    localhost.close();
    otherHost.close();
  }

  private static Recorder connect(JdkTransportOptions options, MockWebSocketServer server) {
    Recorder events = new Recorder();
    try (JdkTransport transport = JdkTransport.create(options)) {
      transport.connect(new ConnectRequest(URI.create(server.url()), "GET", Map.of(), List.of(),
          Duration.ofSeconds(5)), events);
      await().atMost(WAIT).until(() -> events.opened() || events.terminal() != null);
    }
    return events;
  }

  @Test
  void theJdkDefaultTrustStoreDoesNotTrustASelfSignedCertificateAndSaysSo() {
    TransportFailure failure = connect(JdkTransportOptions.defaults(), localhost).awaitFailed();
    assertThat(failure.kind()).isEqualTo(TransportFailure.Kind.TLS);
    assertThat(failure.message()).startsWith("TLS failed: self-signed certificate: ");
  }

  @Test
  void aTrustStoreInPkcs12IsTrusted() throws Exception {
    Path store = LOCALHOST.writeTrustStore(dir, "PKCS12", "secret");
    assertThat(connect(JdkTransportOptions.builder()
        .trustStore(store, "secret", JdkTransportOptions.TrustStoreType.PKCS12).build(), localhost).opened())
        .isTrue();
  }

  @Test
  void aCallersSslContextIsUsed() {
    assertThat(connect(JdkTransportOptions.builder().sslContext(LOCALHOST.trustingSslContext()).build(), localhost)
        .opened()).isTrue();
  }

  @Test
  void aTrustedCertificateForAnotherHostFailsUnlessHostVerificationIsOff() throws Exception {
    Path pem = OTHER_HOST.writeCertificatePem(dir);
    TransportFailure failure = connect(JdkTransportOptions.builder().trustPem(pem).build(), otherHost)
        .awaitFailed();
    assertThat(failure.kind()).isEqualTo(TransportFailure.Kind.TLS);
    assertThat(failure.message()).startsWith("TLS failed: hostname mismatch: ");
    assertThat(connect(JdkTransportOptions.builder().trustPem(pem).verifyHost(false).build(), otherHost).opened())
        .as("opened with host verification off").isTrue();
  }

  @Test
  void trustAllAcceptsAnyCertificate() {
    assertThat(connect(JdkTransportOptions.builder().trustAll(true).build(), otherHost).opened()).isTrue();
  }

  @Test
  void aTrustFileThatCannotBeReadOrHoldsNoCertificateFailsAtCreation() throws Exception {
    Path missing = dir.resolve("missing.pem");
    assertThatThrownBy(() -> JdkTransport.create(JdkTransportOptions.builder().trustPem(missing).build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot read trust file");
    Path empty = Files.writeString(dir.resolve("empty.pem"), "no certificate here\n");
    assertThatThrownBy(() -> JdkTransport.create(JdkTransportOptions.builder().trustPem(empty).build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(empty.toString());
    assertThatThrownBy(() -> JdkTransport.create(JdkTransportOptions.builder()
        .trustStore(empty, "x", JdkTransportOptions.TrustStoreType.PKCS12).build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot load PKCS12 trust store");
  }
}
