package io.minisocket.testkit;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A WebSocket echo server on 127.0.0.1 and an ephemeral port: every text or binary message is sent back as it
 * came; every received message is recorded. Plain ({@code ws://}) or TLS ({@code wss://}) with a self-signed
 * certificate. Only ever listens on the loopback address. For scripted behaviour and faults, use
 * {@link MockWebSocketServer}.
 */
public final class EchoServer implements AutoCloseable {
  private static final long TIMEOUT_SECONDS = 10;

  private final Vertx vertx;
  private final HttpServer server;
  private final SelfSignedCertificate certificate;
  private final List<Object> received = new CopyOnWriteArrayList<>();

  private EchoServer(Vertx vertx, SelfSignedCertificate certificate, String... subProtocols) {
    this.vertx = vertx;
    this.certificate = certificate;
    HttpServerOptions options = new HttpServerOptions().setHost("127.0.0.1").setPort(0)
        .setMaxWebSocketFrameSize(16 * 1024 * 1024).setMaxWebSocketMessageSize(64 * 1024 * 1024)
        .setWebSocketSubProtocols(List.of(subProtocols));
    if (certificate != null) {
      options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
          .addCertValue(Buffer.buffer(certificate.certificatePem()))
          .addKeyValue(Buffer.buffer(certificate.privateKeyPem())));
    }
    this.server = vertx.createHttpServer(options);
    server.webSocketHandler(ws -> {
      ws.textMessageHandler(text -> {
        received.add(text);
        ws.writeTextMessage(text);
      });
      ws.binaryMessageHandler(bytes -> {
        received.add(bytes.getBytes());
        ws.writeBinaryMessage(bytes);
      });
    });
  }

  /**
   * @param subProtocols the sub-protocols the server accepts (it picks the client's first one it knows)
   * @return a started plain ({@code ws://}) echo server
   */
  public static EchoServer plain(String... subProtocols) {
    return new EchoServer(Vertx.vertx(), null, subProtocols).listen();
  }

  /**
   * @param certificate  the certificate the server presents
   * @param subProtocols the sub-protocols the server accepts (it picks the client's first one it knows)
   * @return a started TLS ({@code wss://}) echo server
   */
  public static EchoServer tls(SelfSignedCertificate certificate, String... subProtocols) {
    return new EchoServer(Vertx.vertx(), certificate, subProtocols).listen();
  }

  private EchoServer listen() {
    try {
      server.listen().toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      return this;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IllegalStateException("interrupted while starting the echo server", e);
    } catch (ExecutionException | TimeoutException e) {
      close();
      throw new IllegalStateException("the echo server did not start", e);
    }
  }

  /** @return the port it listens on */
  public int port() {
    return server.actualPort();
  }

  /** @return {@code ws://127.0.0.1:port/} or {@code wss://localhost:port/} (the certificate's name) */
  public String url() {
    return certificate == null ? "ws://127.0.0.1:" + port() + "/" : "wss://localhost:" + port() + "/";
  }

  /** @return the certificate presented, or {@code null} for a plain server */
  public SelfSignedCertificate certificate() {
    return certificate;
  }

  /** @return every message received so far, in order: a String for text, a byte[] for binary */
  public List<Object> received() {
    return List.copyOf(received);
  }

  /** Stops the server and its event loops. */
  @Override
  public void close() {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the echo server did not stop cleanly", e);
    }
  }
}
