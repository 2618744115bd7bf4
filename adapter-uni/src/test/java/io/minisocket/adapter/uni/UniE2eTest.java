package io.minisocket.adapter.uni;

import io.minisocket.core.SocketConfig;
import io.minisocket.testkit.Handshake;
import io.minisocket.testkit.MockWebSocketServer;
import io.minisocket.testkit.SelfSignedCertificate;
import io.minisocket.transport.vertx.VertxTransport;
import io.minisocket.transport.vertx.VertxTransportOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end fixture: a TLS {@link MockWebSocketServer} on 127.0.0.1 (echo, sub-protocols {@code protocol1} and
 * {@code chat}), a {@link VertxTransport} that trusts its certificate, and the {@link Uni}s a test creates, all
 * closed after each test (the transport after the class).
 */
abstract class UniE2eTest {
  static final SelfSignedCertificate CERT = SelfSignedCertificate.localhost();
  static final Duration WAIT = Duration.ofSeconds(5);

  @TempDir
  static Path tempDir;
  static VertxTransport transport;

  MockWebSocketServer server;
  private final List<Uni> unis = new ArrayList<>();

  @BeforeAll
  static void startTransport() throws IOException {
    transport = VertxTransport.create(
        VertxTransportOptions.builder().trustPem(CERT.writeCertificatePem(tempDir)).build());
  }

  @AfterAll
  static void stopTransport() {
    transport.close();
  }

  @BeforeEach
  void startServer() {
    server = MockWebSocketServer.builder().tls(CERT)
        .handshake(Handshake.acceptSubProtocols("protocol1", "chat")).start();
  }

  @AfterEach
  void closeAll() {
    unis.forEach(Uni::close);
    server.close();
  }

  Uni uni(UniPlatform target) {
    return uni(UniSettings.of(target));
  }

  Uni uni(UniSettings settings) {
    return uni(settings, SocketConfig.defaults());
  }

  Uni uni(UniSettings settings, SocketConfig config) {
    Uni uni = Uni.create(transport, settings.toBuilder().config(config).build());
    unis.add(uni);
    return uni;
  }

  /** The server's url: {@code wss://localhost:port/path}. */
  String url(String path) {
    return server.url(path);
  }

  static <T> T get(CompletableFuture<T> future) {
    try {
      return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } catch (ExecutionException e) {
      throw new AssertionError("completed exceptionally", e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError("not completed within " + WAIT, e);
    }
  }

  /** @return the exception the future completed with, failing when it completes normally or not in time */
  static Throwable awaitFailure(CompletableFuture<?> future) {
    try {
      Object value = future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      throw new AssertionError("completed normally with " + value);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (TimeoutException e) {
      throw new AssertionError("not completed within " + WAIT, e);
    }
  }
}
