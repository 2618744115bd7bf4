package io.minisocket.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EchoServerTest {

  @Test
  void echoesTextAndBinaryAndRecordsWhatItReceived() throws Exception {
    try (EchoServer server = EchoServer.plain()) {
      assertThat(server.url()).startsWith("ws://127.0.0.1:").endsWith("/");
      List<Object> echoed = new CopyOnWriteArrayList<>();
      WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
          .buildAsync(URI.create(server.url()), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
              echoed.add(data.toString());
              webSocket.request(1);
              return null;
            }

            @Override
            public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
              echoed.add(data.remaining());
              webSocket.request(1);
              return null;
            }
          }).get(10, TimeUnit.SECONDS);
      ws.sendText("hello", true).get(10, TimeUnit.SECONDS);
      ws.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), true).get(10, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(10)).until(() -> echoed.size() == 2);
      assertThat(echoed).containsExactly("hello", 3);
      assertThat(server.received()).hasSize(2);
      assertThat(server.received().get(0)).isEqualTo("hello");
      assertThat((byte[]) server.received().get(1)).containsExactly(1, 2, 3);
      ws.abort();
    }
  }

  @Test
  void selfSignedCertificateNamesTheHostAndTheLoopbackAddress() throws Exception {
    SelfSignedCertificate certificate = SelfSignedCertificate.localhost();
    X509Certificate x509 = certificate.certificate();
    x509.checkValidity();
    List<Object> names = x509.getSubjectAlternativeNames().stream().map(l -> (Object) l.get(1)).toList();
    assertThat(names).contains("localhost", "127.0.0.1");
    assertThat(certificate.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
    assertThat(certificate.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----");
    try (EchoServer tls = EchoServer.tls(certificate)) {
      assertThat(tls.url()).isEqualTo("wss://localhost:" + tls.port() + "/");
      assertThat(tls.certificate()).isSameAs(certificate);
    }
  }
}
