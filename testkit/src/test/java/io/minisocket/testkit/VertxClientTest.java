package io.minisocket.testkit;

import static io.minisocket.testkit.JdkClient.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.net.PemTrustOptions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The server against the client MiniSocket's transport is built on: Vert.x 5's WebSocketClient. */
class VertxClientTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void closeVertx() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Test
  void wssEchoWithSubProtocolHeadersAndAServerClose() throws Exception {
    SelfSignedCertificate certificate = SelfSignedCertificate.localhost();
    try (MockWebSocketServer server = MockWebSocketServer.builder().tls(certificate)
        .handshake(Handshake.acceptSubProtocols("chat").withHeader("X-Server", "mock"))
        .script(Script.echo().closeAfter(1, 4000, "bye")).start()) {
      WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setSsl(true)
          .setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(certificate.certificatePem()))));
      WebSocket ws = await(client.connect(new WebSocketConnectOptions().setAbsoluteURI(server.url("/vx"))
          .addSubProtocol("chat")));
      assertThat(ws.subProtocol()).isEqualTo("chat");
      assertThat(ws.headers().get("x-server")).isEqualTo("mock");
      CompletableFuture<String> echoed = new CompletableFuture<>();
      CompletableFuture<String> closed = new CompletableFuture<>();
      ws.textMessageHandler(echoed::complete);
      ws.closeHandler(v -> closed.complete(ws.closeStatusCode() + " " + ws.closeReason()));
      await(ws.writeTextMessage("hi"));
      assertThat(echoed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("hi");
      assertThat(closed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("4000 bye");
      assertThat(server.awaitClose(WAIT).code()).isEqualTo(4000);
      server.awaitDisconnect(WAIT);
    }
  }

  @Test
  void rejectionAndWrongSubProtocolFailTheVertxConnect() throws Exception {
    try (MockWebSocketServer server = MockWebSocketServer.builder().start()) {
      server.enqueue(Handshake.rejectWith(403));
      server.enqueue(Handshake.answerSubProtocol("surprise"));
      WebSocketClient client = vertx.createWebSocketClient();

      ExecutionException rejected = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
          () -> await(client.connect(new WebSocketConnectOptions().setAbsoluteURI(server.url()))));
      assertThat(rejected.getCause()).isInstanceOf(UpgradeRejectedException.class);
      assertThat(((UpgradeRejectedException) rejected.getCause()).getStatus()).isEqualTo(403);

      ExecutionException wrong = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
          () -> await(client.connect(new WebSocketConnectOptions().setAbsoluteURI(server.url())
              .addSubProtocol("chat"))));
      assertThat(wrong.getCause()).hasMessageContaining("surprise");
      server.awaitDisconnect(WAIT);
    }
  }
}
