package io.minisocket.transport.vertx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minisocket.core.transport.ConnectRequest;
import io.minisocket.core.transport.Transport;
import io.minisocket.core.transport.TrustSource;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transport made without code ({@code Wx.create()} and the other facades find it with ServiceLoader) trusts what
 * the {@code minisocket.tls.*} system properties name.
 */
@Timeout(30)
class SystemPropertyTrustTest {
  @TempDir
  Path dir;

  @AfterEach
  void clearProperties() {
    TrustSource.PROPERTIES.forEach(System::clearProperty);
  }

  @Test
  void theServiceLoaderTransportTrustsThePemFileTheSystemPropertyNames() throws Exception {
    TestCerts certificate = TestCerts.localhost();
    Vertx vertx = Vertx.vertx();
    try (TestServer server = TestServer.start(vertx,
        o -> o.setSsl(true).setKeyCertOptions(certificate.keyCertOptions()), TestServer::echo)) {
      System.setProperty(TrustSource.PEM_PROPERTY, certificate.writePem(dir).toString());
      try (Transport transport = new VertxTransportProvider().create()) {
        RecordingEvents ev = new RecordingEvents();
        transport.connect(new ConnectRequest(URI.create("wss://127.0.0.1:" + server.port() + "/"), "GET", Map.of(),
            List.of(), Duration.ofSeconds(10)), ev);
        ev.awaitOpened();
      }
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aTrustStoreIsReadWithItsPasswordAndType() throws Exception {
    Path store = TestCerts.localhost().writeTrustStore(dir, "JKS", "changeit");
    System.setProperty(TrustSource.STORE_PROPERTY, store.toString());
    System.setProperty(TrustSource.STORE_PASSWORD_PROPERTY, "changeit");
    System.setProperty(TrustSource.STORE_TYPE_PROPERTY, "jks");

    VertxTransportOptions options = VertxTransportOptions.fromSystemProperties();

    assertThat(options.trust()).isEqualTo(TrustSource.store(store, "changeit", TrustSource.Format.JKS));
  }

  @Test
  void withoutThePropertiesTheDefaultsApply() {
    assertThat(VertxTransportOptions.fromSystemProperties().toString())
        .isEqualTo(VertxTransportOptions.defaults().toString());
  }

  @Test
  void anUnknownStoreTypeIsNamed() {
    System.setProperty(TrustSource.STORE_PROPERTY, "trust.p12");
    System.setProperty(TrustSource.STORE_TYPE_PROPERTY, "PEM");

    assertThatThrownBy(VertxTransportOptions::fromSystemProperties)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("minisocket.tls.trustStoreType must be PKCS12 or JKS, got PEM");
  }
}
