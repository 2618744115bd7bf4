package io.minisocket.testkit;

import static io.minisocket.testkit.JdkClient.WAIT;
import static io.minisocket.testkit.JdkClient.connect;
import static io.minisocket.testkit.JdkClient.failure;
import static io.minisocket.testkit.JdkClient.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

class MockWebSocketServerTest {

  @Test
  void echoesTextAndBinaryAndRecordsTheHandshakeAndTheMessages() throws Exception {
    try (MockWebSocketServer server = MockWebSocketServer.builder().start()) {
      assertThat(server.url()).isEqualTo("ws://127.0.0.1:" + server.port() + "/");
      JdkClient client = new JdkClient();
      WebSocket ws = get(connect(server.url("/chat?room=1"), client, "chat", "v2"));
      assertThat(ws.getSubprotocol()).isEmpty(); // accept() chooses none

      get(ws.sendText("hello", true));
      get(ws.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), true));
      assertThat(client.nextMessage()).isEqualTo("hello");
      assertThat((byte[]) client.nextMessage()).containsExactly(1, 2, 3);

      RecordedRequest request = server.takeRequest(WAIT);
      assertThat(request.method()).isEqualTo("GET");
      assertThat(request.path()).isEqualTo("/chat?room=1");
      assertThat(request.header("x-TOKEN")).isEqualTo("abc");
      assertThat(request.headers()).containsKey("sec-websocket-key");
      assertThat(request.subProtocols()).containsExactly("chat", "v2");
      assertThat(request.connectionId()).isEqualTo(1);

      assertThat(server.takeMessage(WAIT)).isEqualTo(RecordedMessage.text("hello"));
      RecordedMessage binary = server.takeMessage(WAIT);
      assertThat(binary.isText()).isFalse();
      assertThat(binary.bytes()).containsExactly(1, 2, 3);
      assertThat(server.received())
          .containsExactly(RecordedMessage.text("hello"), RecordedMessage.binary(new byte[] {1, 2, 3}));
      assertThat(server.connectionCount()).isEqualTo(1);

      get(ws.sendClose(4001, "bye"));
      assertThat(server.awaitClose(WAIT)).isEqualTo(new RecordedClose(1, 4001, "bye"));
      assertThat(get(client.closed)).isEqualTo("4001 "); // the server echoed the code, not the reason
      server.awaitDisconnect(WAIT);
      assertThat(server.openConnections()).isEmpty();
    }
  }

  @Test
  void scriptedRepliesAndOnOpenMessages() throws Exception {
    Script script = Script.reply(text -> text.equals("quiet") ? null : text.toUpperCase())
        .sendOnOpen("welcome").sendBinaryOnOpen(new byte[] {9});
    try (MockWebSocketServer server = MockWebSocketServer.builder().script(script).start()) {
      JdkClient client = new JdkClient();
      WebSocket ws = get(connect(server.url(), client));
      assertThat(client.nextMessage()).isEqualTo("welcome");
      assertThat((byte[]) client.nextMessage()).containsExactly(9);
      get(ws.sendText("quiet", true));
      get(ws.sendText("hi", true));
      assertThat(client.nextMessage()).isEqualTo("HI"); // "quiet" got no answer
      assertThat(server.received()).hasSize(2);
      ws.abort();
    }
  }

  @Test
  void closesAfterTheScriptedNumberOfMessagesWithCodeAndReason() throws Exception {
    try (MockWebSocketServer server = MockWebSocketServer.builder()
        .script(Script.echo().closeAfter(2, 4000, "enough")).start()) {
      server.enqueue(Script.silent().closeOnOpen(1001, "going away"));

      JdkClient first = new JdkClient();
      get(connect(server.url(), first));
      assertThat(get(first.closed)).isEqualTo("1001 going away");

      JdkClient second = new JdkClient();
      WebSocket ws = get(connect(server.url(), second));
      get(ws.sendText("one", true));
      get(ws.sendText("two", true));
      assertThat(second.nextMessage()).isEqualTo("one");
      assertThat(second.nextMessage()).isEqualTo("two"); // answered before the close
      assertThat(get(second.closed)).isEqualTo("4000 enough");
      assertThat(server.awaitClose(WAIT).code()).isEqualTo(1001); // the clients' answers
      assertThat(server.awaitClose(WAIT)).isEqualTo(new RecordedClose(2, 4000, "")); // the JDK echoes the code only
      server.awaitDisconnect(WAIT);
    }
  }

  @Test
  void rejectsWithAnHttpStatusTheClientSees() throws Exception {
    try (MockWebSocketServer server = MockWebSocketServer.builder()
        .handshake(Handshake.rejectWith(403).withHeader("X-Reason", "banned")).start()) {
      Throwable failure = failure(connect(server.url("/private"), new JdkClient()));
      assertThat(failure).isInstanceOf(WebSocketHandshakeException.class);
      assertThat(((WebSocketHandshakeException) failure).getResponse().statusCode()).isEqualTo(403);
      assertThat(((WebSocketHandshakeException) failure).getResponse().headers().firstValue("x-reason"))
          .hasValue("banned");
      assertThat(server.takeRequest(WAIT).path()).isEqualTo("/private");
      server.awaitDisconnect(WAIT);
    }
  }

  @Test
  void answersWithoutUpgrade() throws Exception {
    try (MockWebSocketServer server = MockWebSocketServer.builder()
        .handshake(Handshake.answerWithoutUpgrade()).start()) {
      Throwable failure = failure(connect(server.url(), new JdkClient()));
      assertThat(failure).isInstanceOf(WebSocketHandshakeException.class);
      assertThat(((WebSocketHandshakeException) failure).getResponse().statusCode()).isEqualTo(200);
      server.awaitDisconnect(WAIT);
    }
  }

  @Test
  void stalledHandshakeTimesTheClientOutAndTheServerSeesItLeave() throws Exception {
    try (MockWebSocketServer server = MockWebSocketServer.builder().handshake(Handshake.stallHandshake()).start()) {
      Throwable failure = failure(connect(HttpClient.newHttpClient(), server.url(), Duration.ofMillis(300),
          new JdkClient()));
      assertThat(failure).isInstanceOf(HttpTimeoutException.class);
      assertThat(server.takeRequest(WAIT).method()).isEqualTo("GET"); // read, never answered
      server.awaitDisconnect(WAIT);
    }
  }

  @Test
  void stallBeforeRequestHangsTheTlsHandshake() throws Exception {
    SelfSignedCertificate certificate = SelfSignedCertificate.localhost();
    try (MockWebSocketServer server = MockWebSocketServer.builder().tls(certificate)
        .handshake(Handshake.stallBeforeRequest()).start()) {
      Throwable failure = failure(connect(JdkClient.tlsClient(certificate.trustingSslContext()), server.url(),
          Duration.ofMillis(300), new JdkClient()));
      assertThat(failure).isInstanceOf(HttpTimeoutException.class);
      server.awaitDisconnect(WAIT);
      assertThat(server.requests()).isEmpty();
      assertThat(server.connectionCount()).isEqualTo(1);
    }
  }

  @Test
  void resetMidStreamEndsTheClientAbnormally() throws Exception {
    try (MockWebSocketServer server = MockWebSocketServer.builder().script(Script.echo().resetAfter(2)).start()) {
      JdkClient client = new JdkClient();
      WebSocket ws = get(connect(server.url(), client));
      get(ws.sendText("one", true));
      assertThat(client.nextMessage()).isEqualTo("one");
      ws.sendText("two", true);
      assertThat(get(client.error)).isInstanceOf(IOException.class);
      assertThat(client.closed).isNotDone(); // no close frame
      assertThat(server.received()).containsExactly(RecordedMessage.text("one"), RecordedMessage.text("two"));
      assertThat(server.closes()).isEmpty();
    }
  }

  @Test
  void resetDuringTheHandshakeFailsTheConnect() throws Exception {
    try (MockWebSocketServer server = MockWebSocketServer.builder().handshake(Handshake.resetConnection()).start()) {
      assertThat(failure(connect(server.url(), new JdkClient()))).isInstanceOf(IOException.class);
      assertThat(server.takeRequest(WAIT).path()).isEqualTo("/");
    }
  }

  @Test
  void requiredSubProtocolIsChosenOrTheHandshakeFails() throws Exception {
    try (MockWebSocketServer server = MockWebSocketServer.builder()
        .handshake(Handshake.requireSubProtocol("chat", "v2")).start()) {
      WebSocket ws = get(connect(server.url(), new JdkClient(), "v1", "v2"));
      assertThat(ws.getSubprotocol()).isEqualTo("v2");
      assertThat(server.takeConnection(WAIT).subProtocol()).isEqualTo("v2");
      ws.abort();

      for (String[] offer : new String[][] {{}, {"other"}}) {
        Throwable failure = failure(connect(server.url(), new JdkClient(), offer));
        assertThat(failure).isInstanceOf(WebSocketHandshakeException.class);
        assertThat(((WebSocketHandshakeException) failure).getResponse().statusCode()).isEqualTo(400);
      }
    }
  }

  @Test
  void acceptSubProtocolsBehavesLikeVertxAndAcceptsWithoutAMatch() throws Exception {
    try (MockWebSocketServer server = MockWebSocketServer.builder()
        .handshake(Handshake.acceptSubProtocols("chat")).start()) {
      assertThat(get(connect(server.url(), new JdkClient(), "other")).getSubprotocol()).isEmpty();
      assertThat(get(connect(server.url(), new JdkClient(), "other", "chat")).getSubprotocol()).isEqualTo("chat");
    }
  }

  @Test
  void anUnofferedSubProtocolInTheAnswerIsRejectedByTheClient() throws Exception {
    try (MockWebSocketServer server = MockWebSocketServer.builder()
        .handshake(Handshake.answerSubProtocol("surprise")).start()) {
      Throwable failure = failure(connect(server.url(), new JdkClient(), "chat"));
      assertThat(failure).isInstanceOf(WebSocketHandshakeException.class);
      assertThat(((WebSocketHandshakeException) failure).getResponse().statusCode()).isEqualTo(101);
      assertThat(server.takeConnection(WAIT).subProtocol()).isEqualTo("surprise");
      server.awaitDisconnect(WAIT); // the client closed the socket it could not use
    }
  }

  @Test
  void pausedReadingBacksUpTheClientUntilResumed() throws Exception {
    try (MockWebSocketServer server = MockWebSocketServer.builder().script(Script.silent()).start()) {
      JdkClient client = new JdkClient();
      WebSocket ws = get(connect(server.url(), client));
      server.takeConnection(WAIT).pauseReading();
      String chunk = "x".repeat(256 * 1024);
      CompletableFuture<WebSocket> stuck = null;
      int sent = 0;
      while (stuck == null && sent < 400) { // 100 MiB at most; a few MiB fill the buffers
        CompletableFuture<WebSocket> send = ws.sendText(sent + chunk, true);
        sent++;
        try {
          send.get(500, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          stuck = send;
        }
      }
      assertThat(stuck).as("a send that stays pending while the server does not read").isNotNull();
      assertThat(server.received().size()).isLessThan(sent);

      server.connections().get(0).resumeReading();
      get(stuck);
      for (int i = 0; i < sent; i++) {
        assertThat(server.takeMessage(WAIT).text()).startsWith(i + "x");
      }
      ws.abort();
    }
  }

  @Test
  void serverPausedForEveryConnectionAlsoBacksUpAndResumes() throws Exception {
    try (MockWebSocketServer server = MockWebSocketServer.builder().script(Script.silent()).start()) {
      server.pauseReading();
      WebSocket ws = get(connect(server.url(), new JdkClient()));
      get(ws.sendText("queued", true)); // fits the buffers
      assertThat(server.received()).isEmpty();
      server.resumeReading();
      assertThat(server.takeMessage(WAIT)).isEqualTo(RecordedMessage.text("queued"));
      ws.abort();
    }
  }

  @Test
  void pingRecordsThePong() throws Exception {
    try (MockWebSocketServer server = MockWebSocketServer.builder().start()) {
      WebSocket ws = get(connect(server.url(), new JdkClient()));
      ServerConnection connection = server.takeConnection(WAIT);
      byte[] pong = get(connection.ping("are you there".getBytes(StandardCharsets.UTF_8)));
      assertThat(new String(pong, StandardCharsets.UTF_8)).isEqualTo("are you there");
      get(server.ping());
      assertThat(connection.pongs()).hasSize(2);
      ws.abort();
    }
  }

  @Test
  void pushesMessagesAndClosesAtRuntime() throws Exception {
    try (MockWebSocketServer server = MockWebSocketServer.builder().start()) {
      JdkClient client = new JdkClient();
      get(connect(server.url(), client));
      ServerConnection connection = server.takeConnection(WAIT);
      connection.send("pushed");
      connection.send(new byte[] {7});
      assertThat(client.nextMessage()).isEqualTo("pushed");
      assertThat((byte[]) client.nextMessage()).containsExactly(7);
      connection.close(1000, "done");
      assertThat(get(client.closed)).isEqualTo("1000 done");
      connection.awaitDisconnect(WAIT);
      assertThatThrownBy(() -> connection.send("late")).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void tlsWithAClientTrustingTheCertificatePem() throws Exception {
    SelfSignedCertificate certificate = SelfSignedCertificate.localhost();
    try (MockWebSocketServer server = MockWebSocketServer.builder().tls(certificate).start()) {
      assertThat(server.url("chat")).isEqualTo("wss://localhost:" + server.port() + "/chat");
      JdkClient client = new JdkClient();
      WebSocket ws = get(connect(JdkClient.tlsClient(trusting(certificate.certificatePem())), server.url("chat"),
          null, client));
      get(ws.sendText("secret", true));
      assertThat(client.nextMessage()).isEqualTo("secret");
      assertThat(server.takeRequest(WAIT).path()).isEqualTo("/chat");
      get(ws.sendClose(1000, ""));
      assertThat(get(client.closed)).startsWith("1000");
      server.awaitDisconnect(WAIT);
    }
  }

  @Test
  void tlsClientThatDoesNotTrustTheCertificateFails() throws Exception {
    try (MockWebSocketServer server = MockWebSocketServer.builder().tls(SelfSignedCertificate.localhost()).start()) {
      assertThat(failure(connect(server.url(), new JdkClient()))).isInstanceOf(IOException.class);
      server.awaitDisconnect(WAIT);
      assertThat(server.connections().get(0).failure()).startsWith("TLS handshake failed");
    }
  }

  @Test
  void enqueuedHandshakesApplyToTheNextConnectionsInOrder() throws Exception {
    try (MockWebSocketServer server = MockWebSocketServer.builder().start()) {
      server.enqueue(Handshake.rejectWith(503));
      server.enqueue(Handshake.accept().delayed(Duration.ofMillis(100)), Script.silent().sendOnOpen("late"));
      Throwable failure = failure(connect(server.url(), new JdkClient()));
      assertThat(((WebSocketHandshakeException) failure).getResponse().statusCode()).isEqualTo(503);
      JdkClient second = new JdkClient();
      get(connect(server.url(), second));
      assertThat(second.nextMessage()).isEqualTo("late");
      JdkClient third = new JdkClient();
      WebSocket ws = get(connect(server.url(), third));
      get(ws.sendText("echo?", true));
      assertThat(third.nextMessage()).isEqualTo("echo?"); // the default again
      assertThat(server.connectionCount()).isEqualTo(3);
      assertThat(server.requests()).extracting(RecordedRequest::connectionId).containsExactly(1, 2, 3);
    }
  }

  @Test
  void refusedPorts() throws Exception {
    int port = MockWebSocketServer.unusedPort();
    assertThat(failure(connect("ws://127.0.0.1:" + port + "/", new JdkClient())))
        .isInstanceOf(ConnectException.class);
    try (MockWebSocketServer server = MockWebSocketServer.builder().start()) {
      server.stopAccepting();
      assertThat(failure(connect(server.url(), new JdkClient()))).isInstanceOf(ConnectException.class);
    }
  }

  @Test
  void closeEndsOpenConnections() throws Exception {
    MockWebSocketServer server = MockWebSocketServer.builder().start();
    JdkClient client = new JdkClient();
    get(connect(server.url(), client));
    server.takeConnection(WAIT);
    server.close();
    server.awaitDisconnect(WAIT);
    assertThat(get(client.closed)).isEqualTo("1006 "); // the JDK's code for an end without a close frame
  }

  static SSLContext trusting(String pem) throws Exception {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    trust.setCertificateEntry("server", CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }
}
