package io.minisocket.adapter.my;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minisocket.core.CloseEvent;
import io.minisocket.core.ConnectOptions;
import io.minisocket.core.ErrorKind;
import io.minisocket.core.OpenEvent;
import io.minisocket.core.SendOptions;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.SocketResult;
import io.minisocket.core.SocketTask;
import io.minisocket.core.transport.Transport;
import io.minisocket.testkit.Handshake;
import io.minisocket.testkit.MockWebSocketServer;
import io.minisocket.testkit.ServerConnection;
import io.minisocket.transport.vertx.VertxTransport;
import io.minisocket.transport.vertx.VertxTransportOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every Alipay error code, each provoked by its real condition over real sockets. Validation failures (2, 3, 4, 5,
 * 20) reach connectSocket's {@code fail}; a connection that cannot be made (6, 7, 8, 9, 1) is accepted first, as on
 * Alipay, and reported to {@code onError} before {@code onClose}; send failures (10, 11, 12) reach the send's
 * {@code fail}.
 */
class ErrorCodesTest extends MyTestBase {

  private static SocketConfig urlCheckOff() {
    return MySettings.defaults().config().toBuilder().urlCheck(false).build();
  }

  private SocketResult connectFails(My my, String url) {
    Events<SocketResult> fail = new Events<>();
    Events<SocketResult> complete = new Events<>();
    SocketTask task = my.connectSocketTask(ConnectOptions.builder().url(url).fail(fail).complete(complete).build());
    SocketResult result = fail.next();
    assertThat(complete.next()).isEqualTo(result);
    assertThat(task.readyState()).isEqualTo(SocketTask.CLOSED);
    return result;
  }

  /** Connects a task to {@code url} and returns the onError event that ends it (the connect itself succeeded). */
  private static SocketResult errorEvent(My my, ConnectOptions.Builder options) {
    Events<SocketResult> success = new Events<>();
    Events<SocketResult> errors = new Events<>();
    Events<CloseEvent> closes = new Events<>();
    SocketTask task = my.connectSocketTask(options.success(success).build());
    task.onError(errors);
    task.onClose(closes);
    assertThat(success.next().ok()).isTrue();
    SocketResult error = errors.next();
    assertThat(closes.next().code()).isEqualTo(1006);
    assertThat(task.readyState()).isEqualTo(SocketTask.CLOSED);
    return error;
  }

  @Test
  void error3UrlEmpty() {
    My my = my();
    SocketResult missing = connectFails(my, null);
    assertAlipayError(missing, 3);
    assertAlipayError(connectFails(my, ""), 3);
    assertAlipayError(connectFails(my, "   "), 3);
  }

  @ParameterizedTest
  @CsvSource({"wss://exa mple.com/", "wss://", "wss:///no-host", "wss://[::1/"})
  void error4UrlNotParsable(String url) {
    assertAlipayError(connectFails(my(), url), 4);
  }

  @ParameterizedTest
  @CsvSource({"https://localhost/", "localhost:8080", "ftp://localhost/"})
  void error5NotWsOrWss(String url) {
    SocketResult result = connectFails(my(), url);
    assertAlipayError(result, 5);
  }

  @Test
  void error20WsWhereWssIsRequired() {
    MockWebSocketServer plain = track(MockWebSocketServer.builder().start());
    SocketResult result = connectFails(my(), plain.url());
    assertAlipayError(result, 20);
    assertThat(result.errorMessage()).isEqualTo("请求 URL 不支持 ws，请使用 wss");
    assertThat(plain.connectionCount()).isZero();

    My relaxed = my(MySettings.builder().wssRequired(false).build());
    openTask(relaxed, plain.url());
  }

  @Test
  void error2SecondSingleInstanceConnect() {
    MockWebSocketServer server = wssServer();
    My my = my();
    Events<SocketResult> success = new Events<>();
    Events<SocketResult> fail = new Events<>();
    my.connectSocket(ConnectOptions.builder().url(server.url()).success(success).build());
    success.next();
    my.connectSocket(ConnectOptions.builder().url(server.url()).fail(fail).build());
    assertAlipayError(fail.next(), 2);
  }

  @Test
  void error6ConnectTimedOutOnAStalledHandshake() {
    MockWebSocketServer server = track(MockWebSocketServer.builder().tls(certificate)
        .handshake(Handshake.stallHandshake()).start());
    My my = my();
    long start = System.nanoTime();

    SocketResult error = errorEvent(my, ConnectOptions.builder().url(server.url()).timeout(Duration.ofMillis(300)));

    assertAlipayError(error, 6);
    assertThat(error.errorMessage()).isEqualTo("连接服务器超时");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the timeout option applies")
        .isLessThan(Duration.ofSeconds(5));
    assertThat(server.takeRequest(WAIT).path()).isEqualTo("/");
    server.awaitDisconnect(WAIT);
  }

  @Test
  void error6InSingleInstanceModeReachesOnSocketError() {
    MockWebSocketServer server = track(MockWebSocketServer.builder().tls(certificate)
        .handshake(Handshake.stallHandshake()).start());
    My my = my();
    Events<SocketResult> errors = new Events<>();
    Events<CloseEvent> closes = new Events<>();
    my.onSocketError(errors);
    my.onSocketClose(closes);

    my.connectSocket(js("url", server.url(), "timeout", 300));

    assertAlipayError(errors.next(), 6);
    assertThat(closes.next().code()).isEqualTo(1006);
    assertThat(my.runtime().globalSocket()).isEmpty();
  }

  @Test
  void error7UntrustedCertificate() {
    MockWebSocketServer server = wssServer();
    Transport untrusting = track(VertxTransport.create());
    My my = track(My.create(untrusting));

    SocketResult error = errorEvent(my, ConnectOptions.builder().url(server.url()));

    assertAlipayError(error, 7);
    assertThat(error.errorMessage()).startsWith("服务器返回的 https 证书无效");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"HTTP 403", "HTTP 500", "200 without upgrade"})
  void error8InvalidHandshakeResponse(String answer) {
    Handshake handshake = switch (answer) {
      case "HTTP 403" -> Handshake.rejectWith(403);
      case "HTTP 500" -> Handshake.rejectWith(500);
      default -> Handshake.answerWithoutUpgrade();
    };
    MockWebSocketServer server = track(MockWebSocketServer.builder().tls(certificate).handshake(handshake).start());

    SocketResult error = errorEvent(my(), ConnectOptions.builder().url(server.url()));

    assertAlipayError(error, 8);
    assertThat(error.errorMessage()).startsWith("服务端返回协议头无效");
  }

  /**
   * Code 9 comes from a sub-protocol answer the client cannot accept: the server picked none of those offered, or
   * answered one the client did not offer. A server that requires a sub-protocol and refuses the upgrade with an
   * HTTP status gives code 8: the client cannot tell why a server said no.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"server picked none of those offered", "server answered one not offered"})
  void error9SubProtocolMismatch(String condition) {
    boolean pickedNone = condition.startsWith("server picked none");
    Handshake handshake = pickedNone ? Handshake.acceptSubProtocols("chat") : Handshake.answerSubProtocol("chat");
    MockWebSocketServer server = track(MockWebSocketServer.builder().tls(certificate).handshake(handshake).start());
    ConnectOptions.Builder options = ConnectOptions.builder().url(server.url());
    if (pickedNone) {
      options.protocols("other");
    }

    SocketResult error = errorEvent(my(), options);

    assertAlipayError(error, 9);
    assertThat(error.errorMessage()).startsWith("WebSocket 请求没有指定 Sec-WebSocket-Protocol 请求头");
  }

  @Test
  void aServerRequiringASubProtocolThatRefusesTheUpgradeGivesError8() {
    MockWebSocketServer server = track(MockWebSocketServer.builder().tls(certificate)
        .handshake(Handshake.requireSubProtocol("chat")).start());

    assertAlipayError(errorEvent(my(), ConnectOptions.builder().url(server.url())), 8);
  }

  /**
   * Seed 004's remedy for error 9 — "specify Sec-WebSocket-Protocol" — works: Alipay has no {@code protocols}
   * option, so the header's comma-separated list is offered as the sub-protocols, and a server that picks one opens.
   */
  @Test
  void error9RemedyTheSecWebSocketProtocolHeaderIsOfferedAndTheSocketOpens() {
    MockWebSocketServer server = track(MockWebSocketServer.builder().tls(certificate)
        .handshake(Handshake.requireSubProtocol("chat")).start());
    SocketTask task = my().connectSocketTask(ConnectOptions.builder().url(server.url())
        .header("Sec-WebSocket-Protocol", "other, chat").build());
    Events<OpenEvent> open = new Events<>();
    task.onOpen(open);

    assertThat(open.next().protocol()).isEqualTo("chat");
    assertThat(server.takeRequest(WAIT).subProtocols()).containsExactly("other", "chat");
  }

  @Test
  void error10SendBeforeOpenAndAfterClose() {
    MockWebSocketServer server = track(MockWebSocketServer.builder().tls(certificate)
        .handshake(Handshake.stallHandshake()).start());
    My my = my();
    SocketTask task = my.connectSocketTask(ConnectOptions.of(server.url()));
    server.takeRequest(WAIT); // the handshake is under way and will not finish
    assertThat(task.readyState()).isEqualTo(SocketTask.CONNECTING);
    Events<SocketResult> fail = new Events<>();

    task.send(SendOptions.builder().data("too early").fail(fail).build());

    SocketResult early = fail.next();
    assertAlipayError(early, 10);
    assertThat(early.errorMessage()).isEqualTo("网络连接没有打开，无法发送消息");

    task.close();
    task.send(SendOptions.builder().data("too late").fail(fail).build());
    assertAlipayError(fail.next(), 10);
  }

  @Test
  void error1ConnectionRefused() {
    String url = "wss://localhost:" + MockWebSocketServer.unusedPort() + "/";

    SocketResult error = errorEvent(my(), ConnectOptions.builder().url(url));

    assertAlipayError(error, 1);
    assertThat(error.kind()).hasValue(ErrorKind.REFUSED);
  }

  /**
   * Code 11: the server stops reading, so sends back up into the transport and the task's queue; then it resets
   * the connection. Every send still pending fails with 11, exactly once.
   */
  @Test
  void error11SendsPendingWhenTheConnectionDropsFail() {
    MockWebSocketServer server = track(MockWebSocketServer.builder().receiveBufferSize(64 * 1024).start());
    int chunk = 64 * 1024;
    Transport transport = transport(VertxTransportOptions.builder().writeQueueMaxSize(chunk));
    My my = my(transport, MySettings.defaults(), urlCheckOff());
    SocketTask task = openTask(my, server.url());
    ServerConnection connection = server.takeConnection(WAIT);
    connection.pauseReading();

    // Loopback socket buffers take megabytes: top the task's queue up until it stays queued, then reset.
    List<Events<SocketResult>> sends = new ArrayList<>();
    do {
      sends.addAll(sendUntil(task, chunk, n -> task.queuedBytes() >= 4L * chunk));
    } while (!staysQueued(task, 2L * chunk));
    connection.reset();

    int failed = 0;
    for (Events<SocketResult> send : sends) {
      SocketResult result = send.next();
      if (!result.ok()) {
        assertAlipayError(result, 11);
        assertThat(result.errorMessage()).startsWith("消息发送失败");
        failed++;
      }
      assertThat(send.pending()).as("one result per send").isZero();
    }
    assertThat(failed).as("at least the sends still queued in the task failed").isPositive();
  }

  /** Code 12: a slow reader and a small send queue bound; the send that would pass the bound fails. */
  @Test
  void error12SendQueueBoundExceeded() {
    MockWebSocketServer server = track(MockWebSocketServer.builder().receiveBufferSize(64 * 1024).start());
    Transport transport = transport(VertxTransportOptions.builder().writeQueueMaxSize(32 * 1024));
    SocketConfig config = urlCheckOff().toBuilder().maxQueueBytes(64 * 1024).build();
    My my = my(transport, MySettings.defaults(), config);
    SocketTask task = openTask(my, server.url());
    server.takeConnection(WAIT).pauseReading();

    // A refusal is reported asynchronously: a few more sends may go out before the loop sees it.
    Events<SocketResult> refused = new Events<>();
    int sent = 0;
    while (refused.pending() == 0) {
      assertThat(sent++).as("no send was refused: the server kept reading?").isLessThan(20_000);
      task.send(SendOptions.builder().data(new byte[16 * 1024]).fail(refused).build());
      assertThat(task.queuedBytes()).isLessThanOrEqualTo(64 * 1024);
    }
    SocketResult full = refused.next();

    assertAlipayError(full, 12);
    assertThat(full.errorMessage()).startsWith("无法申请更多内存来读取网络数据").contains("65536");
    assertThat(task.readyState()).as("the connection carries on").isEqualTo(SocketTask.OPEN);
  }

  /** Sends binary chunks until {@code done} holds for the number sent so far; returns each send's results. */
  /** Whether at least {@code bytes} stay in the task's queue for 300 ms (the transport took what it could). */
  private static boolean staysQueued(SocketTask task, long bytes) {
    try {
      await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> task.queuedBytes() >= bytes);
      return true;
    } catch (ConditionTimeoutException e) {
      return false;
    }
  }

  private static List<Events<SocketResult>> sendUntil(SocketTask task, int chunk, Function<Integer, Boolean> done) {
    List<Events<SocketResult>> sends = new ArrayList<>();
    while (!done.apply(sends.size())) {
      assertThat(sends.size()).as("the task never queued: the server kept reading?").isLessThan(4_000);
      Events<SocketResult> send = new Events<>();
      task.send(SendOptions.builder().data(new byte[chunk]).success(send).fail(send).build());
      sends.add(send);
    }
    return sends;
  }
}
