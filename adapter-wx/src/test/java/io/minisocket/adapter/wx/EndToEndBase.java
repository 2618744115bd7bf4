package io.minisocket.adapter.wx;

import io.minisocket.core.SocketConfig;
import io.minisocket.testkit.MockWebSocketServer;
import io.minisocket.testkit.SelfSignedCertificate;
import io.minisocket.transport.vertx.VertxTransport;
import io.minisocket.transport.vertx.VertxTransportOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * End-to-end fixture: a wss {@link MockWebSocketServer} on 127.0.0.1 with a self-signed certificate for
 * {@code localhost}, a {@link VertxTransport} that trusts it through {@code trustPem}, and {@link Wx} facades with
 * the url check on and {@code localhost} on the socket domain allow-list.
 */
abstract class EndToEndBase {
  static final Duration WAIT = Recorder.WAIT;
  /** One certificate for every test class: making one takes a moment. */
  static final SelfSignedCertificate CERTIFICATE = SelfSignedCertificate.localhost();
  static final Path CERTIFICATE_PEM = writePem();

  static VertxTransport transport;

  MockWebSocketServer server;
  final Recorder rec = new Recorder();
  private final List<AutoCloseable> toClose = new ArrayList<>();

  private static Path writePem() {
    try {
      Path dir = Files.createTempDirectory("wx-test-cert");
      dir.toFile().deleteOnExit();
      Path pem = CERTIFICATE.writeCertificatePem(dir);
      pem.toFile().deleteOnExit();
      return pem;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @BeforeAll
  static void startTransport() {
    transport = VertxTransport.create(VertxTransportOptions.builder().trustPem(CERTIFICATE_PEM).build());
  }

  @AfterAll
  static void stopTransport() {
    transport.close();
  }

  @BeforeEach
  void startServer() {
    server = closeLater(MockWebSocketServer.builder().tls(CERTIFICATE).start());
  }

  @AfterEach
  void closeAll() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  /** Closes {@code resource} after the test, in reverse order of registration. */
  <T extends AutoCloseable> T closeLater(T resource) {
    toClose.add(resource);
    return resource;
  }

  /** @return a facade with default settings but for {@code localhost} on the allow-list */
  Wx wx() {
    return wx(settings().build());
  }

  Wx wx(WxSettings settings) {
    return closeLater(Wx.create(transport, settings));
  }

  /** @return settings with the url check on and {@code localhost} allowed */
  static WxSettings.Builder settings() {
    return WxSettings.builder().config(config().build());
  }

  static SocketConfig.Builder config() {
    return SocketConfig.builder().socketDomains(List.of("localhost"));
  }
}
