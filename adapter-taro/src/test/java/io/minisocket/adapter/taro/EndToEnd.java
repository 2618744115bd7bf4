package io.minisocket.adapter.taro;

import io.minisocket.core.SocketConfig;
import io.minisocket.testkit.EchoServer;
import io.minisocket.testkit.MockWebSocketServer;
import io.minisocket.testkit.SelfSignedCertificate;
import io.minisocket.transport.vertx.VertxTransport;
import io.minisocket.transport.vertx.VertxTransportOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real servers on 127.0.0.1 for a test class — a TLS echo server with a self-signed certificate (offering the
 * sub-protocol "chat") and a plain one — and a Vert.x transport that trusts the certificate. Facades made with
 * {@link #taro} are closed after each test.
 */
abstract class EndToEnd {
  static final SelfSignedCertificate CERTIFICATE = SelfSignedCertificate.localhost();

  @TempDir
  static Path tempDir;

  static EchoServer tls;
  static EchoServer plain;
  static VertxTransport transport;

  private final List<Taro> facades = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startServers() throws IOException {
    tls = EchoServer.tls(CERTIFICATE, "chat");
    plain = EchoServer.plain();
    transport = VertxTransport.create(VertxTransportOptions.builder()
        .trustPem(CERTIFICATE.writeCertificatePem(tempDir)).build());
  }

  @AfterAll
  static void stopServers() {
    transport.close();
    tls.close();
    plain.close();
  }

  @AfterEach
  void closeFacades() {
    facades.forEach(Taro::close);
  }

  Taro taro(TaroSettings settings) {
    return taro(settings, SocketConfig.defaults());
  }

  Taro taro(TaroSettings settings, SocketConfig config) {
    return track(Taro.create(transport, settings.toBuilder().config(config).build()));
  }

  Taro track(Taro taro) {
    facades.add(taro);
    return taro;
  }

  /** @return a ws:// url on a loopback port nobody listens on */
  static String refusedUrl() {
    return "ws://127.0.0.1:" + MockWebSocketServer.unusedPort() + "/";
  }
}
