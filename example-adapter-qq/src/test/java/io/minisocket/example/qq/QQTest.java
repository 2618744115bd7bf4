package io.minisocket.example.qq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.SocketResult;
import io.minisocket.core.SocketTask;
import io.minisocket.core.transport.Transport;
import io.minisocket.example.qq.guice.QQModule;
import io.minisocket.testkit.MockWebSocketServer;
import io.minisocket.testkit.RecordedMessage;
import io.minisocket.testkit.SelfSignedCertificate;
import io.minisocket.transport.vertx.VertxTransport;
import io.minisocket.transport.vertx.VertxTransportOptions;
import io.minisocket.transport.vertx.guice.VertxTransportModule;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** QQ wired with Guice and without, and driven with JavaScript-style objects; the contract is QQContractTest's. */
class QQTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final SelfSignedCertificate CERTIFICATE = SelfSignedCertificate.localhost();
  private static final SocketConfig LOCALHOST = SocketConfig.builder().socketDomains(List.of("localhost")).build();

  private final MockWebSocketServer server = MockWebSocketServer.builder().tls(CERTIFICATE).start();
  private final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable resource : toClose) {
      resource.close();
    }
    server.close();
  }

  @Test
  void guiceGivesOneQQOverTheBoundTransport(@TempDir Path dir) throws IOException {
    Injector injector = Guice.createInjector(
        new VertxTransportModule(VertxTransportOptions.builder().trustPem(CERTIFICATE.writeCertificatePem(dir)).build()),
        new QQModule(LOCALHOST));
    Transport transport = injector.getInstance(Transport.class);
    toClose.add(transport);
    QQ qq = injector.getInstance(QQ.class);
    assertThat(injector.getInstance(QQ.class)).isSameAs(qq);
    assertThat(qq.runtime().config()).isEqualTo(LOCALHOST);

    CompletableFuture<SocketResult> connected = new CompletableFuture<>();
    SocketTask task = qq.connectSocket(Map.of("url", server.url(), "header", Map.of("X-Token", "t1"),
        "success", (Consumer<SocketResult>) connected::complete));
    task.onOpen(res -> task.send("hello"));
    assertThat(connected.join().errMsg()).isEqualTo("connectSocket:ok");
    assertThat(server.takeRequest(WAIT).header("X-Token")).isEqualTo("t1");
    assertThat(server.takeMessage(WAIT)).isEqualTo(RecordedMessage.text("hello"));

    qq.close(); // the transport is the module's: it stays usable
    server.awaitDisconnect(WAIT);
    try (QQ another = QQ.create(transport, LOCALHOST)) {
      SocketTask again = another.connectSocket(Map.of("url", server.url()));
      again.onOpen(res -> again.send("again"));
      assertThat(server.takeMessage(WAIT)).isEqualTo(RecordedMessage.text("again"));
    }
  }

  @Test
  void guiceWithTheDefaultConfiguration() {
    Injector injector = Guice.createInjector(new VertxTransportModule(), new QQModule());
    toClose.add(injector.getInstance(Transport.class));
    QQ qq = injector.getInstance(QQ.class);
    toClose.add(qq);
    assertThat(qq.runtime().config()).isEqualTo(SocketConfig.defaults());
  }

  /** Without a transport, QQ finds the Vert.x one with ServiceLoader and closes it with the facade. */
  @Test
  void createFindsATransportAndClosesItWithTheFacade() {
    QQ qq = QQ.create();
    List<String> errors = new CopyOnWriteArrayList<>();
    qq.connectSocket(Map.of("url", server.url())).onError(res -> errors.add(res.errMsg()));
    await().atMost(WAIT).until(() -> errors.size() == 1); // the discovered transport does not trust the server
    assertThat(errors.get(0)).startsWith("the server's certificate is invalid");
    assertThat(server.connectionCount()).isEqualTo(1);

    qq.close();
    qq.connectSocket(Map.of("url", server.url())).onError(res -> errors.add(res.errMsg()));
    await().atMost(WAIT).until(() -> errors.size() == 2);
    assertThat(server.connectionCount()).as("connections after the transport was closed").isEqualTo(1);
  }

  @Test
  void javaScriptStyleOptionsOfTheWrongTypeFailNamingTheKey() {
    try (QQ qq = QQ.create(transport(), LOCALHOST)) {
      CompletableFuture<SocketResult> failed = new CompletableFuture<>();
      SocketTask task = qq.connectSocket(Map.of("url", 42, "fail", (Consumer<SocketResult>) failed::complete));
      assertThat(failed.join().errMsg()).isEqualTo("connectSocket:fail url must be a string, got number");
      assertThat(task.readyState()).isEqualTo(SocketTask.CLOSED);
    }
  }

  private Transport transport() {
    Transport transport = VertxTransport.create();
    toClose.add(transport);
    return transport;
  }
}
