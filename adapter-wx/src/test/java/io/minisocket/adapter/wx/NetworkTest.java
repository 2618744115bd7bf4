package io.minisocket.adapter.wx;

import static org.assertj.core.api.Assertions.assertThat;

import io.minisocket.core.ConnectOptions;
import io.minisocket.core.SocketTask;
import io.minisocket.testkit.Handshake;
import io.minisocket.testkit.MockWebSocketServer;
import io.minisocket.testkit.Script;
import io.minisocket.transport.vertx.VertxTransport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the network does to a socket: the server's close codes, resets, the connect timeout, TLS, refusals. */
class NetworkTest extends EndToEndBase {

  /** Connects with recording callbacks and listeners ("connect:...", "open", "error ...", "close code reason"). */
  private SocketTask connect(Wx wx, String url) {
    SocketTask task = wx.connectSocket(ConnectOptions.builder().url(url).callbacks(rec.callbacks("connect")).build());
    task.onOpen(res -> rec.add("open"));
    task.onError(res -> rec.add("error " + res.errMsg()));
    task.onClose(res -> rec.add("close " + res.code() + " " + res.reason()));
    return task;
  }

  @ParameterizedTest(name = "{0} ''{1}''")
  @CsvSource(delimiter = '|', value = {
      "1000 | ''          | normal closure",
      "1000 | bye         | bye",
      "1001 | ''          | going away",
      "1008 | ''          | policy violation",
      "1011 | ''          | internal server error",
      "4000 | 房间已关闭   | 房间已关闭",
      "4999 | ''          | ''"})
  void theServersCloseCodeAndReasonReachOnClose(int code, String reason, String expectedReason) {
    server.enqueue(Script.echo().closeOnOpen(code, reason));
    Wx wx = wx();
    wx.onSocketClose(res -> rec.add("global close " + res.code() + " " + res.reason()));
    SocketTask task = connect(wx, server.url());

    rec.awaitLine("close " + code + " " + expectedReason);
    rec.awaitLine("global close " + code + " " + expectedReason);
    assertThat(rec.lines()).doesNotContain("error").startsWith("connect:success connectSocket:ok", "connect:complete",
        "open");
    assertThat(task.readyState()).isEqualTo(SocketTask.CLOSED);
    assertThat(server.awaitClose(WAIT).code()).isEqualTo(code); // the client answered the close frame
    server.awaitDisconnect(WAIT);
    assertThat(wx.runtime().tasks()).isEmpty();
  }

  @Test
  void aResetConnectionIsAnErrorThenAnAbnormalClose() {
    server.enqueue(Script.echo().resetAfter(1));
    Wx wx = wx();
    SocketTask task = connect(wx, server.url());
    rec.awaitLine("open");
    task.send("bye");

    rec.awaitLine("close 1006 abnormal closure");
    assertThat(rec.lines("error ")).hasSize(1);
    assertThat(rec.lines().get(rec.lines().size() - 1)).isEqualTo("close 1006 abnormal closure");
  }

  /** A stalled handshake ends with WeChat's timeout text after {@code networkTimeout.connectSocket}. */
  @Test
  void aStalledHandshakeTimesOutWithWeChatsText() {
    server.enqueue(Handshake.stallHandshake());
    Wx wx = wx(settings().config(config().connectTimeout(Duration.ofMillis(300)).build()).build());
    wx.onSocketError(res -> rec.add("global error " + res.errMsg())); // attached at connect, so it runs first
    long start = System.nanoTime();
    SocketTask task = connect(wx, server.url());

    rec.awaitLine("close 1006 abnormal closure");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertThat(rec.lines()).containsExactly("connect:success connectSocket:ok", "connect:complete",
        "global error Timed out connecting to server.", "error Timed out connecting to server.",
        "close 1006 abnormal closure");
    assertThat(task.readyState()).isEqualTo(SocketTask.CLOSED);
    server.awaitDisconnect(WAIT);
  }

  @Test
  void aStalledTlsHandshakeTimesOutToo() {
    server.enqueue(Handshake.stallBeforeRequest());
    Wx wx = wx(settings().config(config().connectTimeout(Duration.ofMillis(300)).build()).build());
    connect(wx, server.url());

    rec.awaitLine("close 1006 abnormal closure");
    assertThat(rec.lines()).contains("error Timed out connecting to server.");
    server.awaitDisconnect(WAIT);
  }

  @Test
  void aRefusedConnectionIsAnError() {
    Wx wx = wx();
    connect(wx, "wss://localhost:" + MockWebSocketServer.unusedPort() + "/");

    rec.awaitLine("close 1006 abnormal closure");
    assertThat(rec.lines("error ")).singleElement().asString().startsWith("error connection refused");
  }

  @ParameterizedTest
  @CsvSource({"403", "404", "500", "503"})
  void aRejectedHandshakeIsAnErrorNamingTheStatus(int status) {
    server.enqueue(Handshake.rejectWith(status));
    connect(wx(), server.url());

    rec.awaitLine("close 1006 abnormal closure");
    assertThat(rec.lines("error ")).singleElement().asString()
        .startsWith("error the server returned an invalid handshake response (HTTP " + status);
  }

  @Test
  void aSubProtocolTheClientDidNotOfferIsAnError() {
    server.enqueue(Handshake.answerSubProtocol("other"));
    Wx wx = wx();
    SocketTask task = wx.connectSocket(Map.of("url", server.url(), "protocols", List.of("protocol1")));
    task.onError(res -> rec.add("error " + res.errMsg()));
    task.onClose(res -> rec.add("close " + res.code()));

    rec.awaitLine("close 1006");
    assertThat(rec.lines("error ")).singleElement().asString()
        .startsWith("error the Sec-WebSocket-Protocol handshake failed");
  }

  /** Without the test certificate in the trust store, the self-signed server is refused. */
  @Test
  void aServerCertificateThatIsNotTrustedIsAnError() {
    try (VertxTransport defaultTrust = VertxTransport.create()) {
      Wx wx = closeLater(Wx.create(defaultTrust, settings().build()));
      connect(wx, server.url());

      rec.awaitLine("close 1006 abnormal closure");
      assertThat(rec.lines("error ")).singleElement().asString()
          .startsWith("error the server's certificate is invalid");
      assertThat(rec.lines()).doesNotContain("open");
    }
  }

  /** The certificate trusted through {@code VertxTransportOptions.trustPem}: wss works end to end. */
  @Test
  void aSelfSignedCertificateTrustedThroughTheSettingOpensAndCarriesMessages() {
    Wx wx = wx();
    SocketTask task = connect(wx, server.url());
    task.onMessage(res -> rec.add("message " + res.text()));
    rec.awaitLine("open");
    task.send("over TLS");

    rec.awaitLine("message over TLS");
    assertThat(server.url()).startsWith("wss://localhost:");
  }
}
