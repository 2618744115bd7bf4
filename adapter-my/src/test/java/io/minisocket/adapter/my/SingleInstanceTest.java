package io.minisocket.adapter.my;

import static org.assertj.core.api.Assertions.assertThat;

import io.minisocket.core.CloseEvent;
import io.minisocket.core.CloseOptions;
import io.minisocket.core.ConnectOptions;
import io.minisocket.core.MessageEvent;
import io.minisocket.core.OpenEvent;
import io.minisocket.core.SendOptions;
import io.minisocket.core.SocketResult;
import io.minisocket.core.SocketTask;
import io.minisocket.testkit.Handshake;
import io.minisocket.testkit.MockWebSocketServer;
import io.minisocket.testkit.RecordedClose;
import io.minisocket.testkit.RecordedMessage;
import io.minisocket.testkit.RecordedRequest;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Single-instance mode: no task handed out, the connection driven through my.onSocketX / sendSocketMessage / ... */
class SingleInstanceTest extends MyTestBase {

  /** The seed's "单实例" example, then the global API it implies: onSocketOpen, send, onSocketMessage, close. */
  @Test
  void seedSingleInstanceExample() {
    MockWebSocketServer server = wssServer();
    My my = my();
    Events<OpenEvent> opened = new Events<>();
    Events<MessageEvent> messages = new Events<>();
    Events<CloseEvent> closed = new Events<>();
    my.onSocketOpen(opened);
    my.onSocketMessage(messages);
    my.onSocketClose(closed);
    Events<SocketResult> success = new Events<>();
    Events<SocketResult> fail = new Events<>();

    Optional<SocketTask> returned = my.connectSocket(js(
        "url", server.url(),
        "data", Map.of(),
        "header", Map.of("content-type", "application/json"),
        "success", success,
        "fail", fail));

    assertThat(returned).as("single-instance mode hands no task out").isEmpty();
    assertThat(success.next().toMap()).containsEntry("errMsg", "connectSocket:ok");
    assertThat(opened.next().header()).isNotEmpty();
    RecordedRequest request = server.takeRequest(WAIT);
    assertThat(request.header("content-type")).isEqualTo("application/json");
    assertThat(request.path()).isEqualTo("/");

    Events<SocketResult> sent = new Events<>();
    my.sendSocketMessage(js("data", "你好", "success", sent));
    assertThat(sent.next().ok()).isTrue();
    assertThat(messages.next().data()).isEqualTo("你好");

    Events<SocketResult> closeResult = new Events<>();
    my.closeSocket(js("code", 1000, "reason", "bye", "success", closeResult));
    assertThat(closeResult.next().ok()).isTrue();
    assertThat(closed.next().code()).isEqualTo(1000);
    assertThat(server.awaitClose(WAIT)).isEqualTo(new RecordedClose(1, 1000, "bye"));
    assertThat(fail.pending()).isZero();
    assertThat(my.runtime().globalSocket()).isEmpty();
  }

  @Test
  void secondSingleInstanceConnectFailsWithError2AndLeavesTheFirstOpen() {
    MockWebSocketServer server = wssServer();
    My my = my();
    openGlobal(my, server.url());

    Events<SocketResult> fail = new Events<>();
    Events<SocketResult> complete = new Events<>();
    my.connectSocket(ConnectOptions.builder().url(server.url()).fail(fail).complete(complete).build());

    SocketResult refused = fail.next();
    assertAlipayError(refused, 2);
    assertThat(refused.errorMessage()).isEqualTo("网络连接已经存在");
    assertThat(complete.next()).isEqualTo(refused);
    assertThat(server.connectionCount()).isEqualTo(1);

    Events<SocketResult> sent = new Events<>();
    my.sendSocketMessage(SendOptions.builder().data("still here").success(sent).build());
    assertThat(sent.next().ok()).isTrue();
    assertThat(server.takeMessage(WAIT).text()).isEqualTo("still here");
  }

  @Test
  void afterCloseSocketANewSingleInstanceConnectSucceeds() {
    MockWebSocketServer server = wssServer();
    My my = my();
    Events<OpenEvent> opened = new Events<>();
    Events<CloseEvent> closed = new Events<>();
    my.onSocketOpen(opened);
    my.onSocketClose(closed);
    my.connectSocket(ConnectOptions.of(server.url()));
    opened.next();
    my.closeSocket(CloseOptions.defaults());
    closed.next();

    Events<SocketResult> success = new Events<>();
    my.connectSocket(ConnectOptions.builder().url(server.url()).success(success).build());
    assertThat(success.next().ok()).isTrue();
    opened.next();
    assertThat(server.connectionCount()).isEqualTo(2);
  }

  /** The platforms' timing trap: closeSocket before onSocketOpen. Here it ends the connection; nothing leaks. */
  @Test
  void closeSocketWhileConnectingEndsTheConnectionAndFreesTheSingleInstance() {
    MockWebSocketServer server = track(MockWebSocketServer.builder().tls(certificate)
        .handshake(Handshake.stallHandshake()).start());
    My my = my();
    Events<CloseEvent> closed = new Events<>();
    my.onSocketClose(closed);
    my.connectSocket(ConnectOptions.of(server.url()));
    server.takeRequest(WAIT);
    Events<SocketResult> closeResult = new Events<>();

    my.closeSocket(CloseOptions.builder().success(closeResult).build());

    assertThat(closeResult.next().ok()).isTrue();
    assertThat(closed.next().code()).as("WHATWG: a close while connecting ends in 1006").isEqualTo(1006);
    server.awaitDisconnect(WAIT);
    Events<SocketResult> again = new Events<>();
    my.connectSocket(ConnectOptions.builder().url(server.url()).success(again).build());
    assertThat(again.next().ok()).as("no error 2: the first socket is gone").isTrue();
  }

  @Test
  void typedConnectSocketWithMultipleTrueFailsWithError1AndConnectsNothing() {
    MockWebSocketServer server = wssServer();
    My my = my();
    Events<SocketResult> fail = new Events<>();

    my.connectSocket(ConnectOptions.builder().url(server.url()).multiple(true).fail(fail).build());

    SocketResult result = fail.next();
    assertAlipayError(result, 1);
    assertThat(result.errorMessage()).contains("connectSocketTask");
    assertThat(my.runtime().tasks()).isEmpty();
    assertThat(server.connectionCount()).isZero();
  }

  /** Alipay keeps every handler until offSocketX removes exactly that one (WeChat would keep only the last). */
  @Test
  void globalHandlersAddUpAndOffRemovesExactlyTheOneGiven() {
    MockWebSocketServer server = wssServer();
    My my = my();
    Events<OpenEvent> openKept = new Events<>();
    Events<OpenEvent> openRemoved = new Events<>();
    Events<OpenEvent> openLast = new Events<>();
    Events<MessageEvent> messageKept = new Events<>();
    Events<MessageEvent> messageRemoved = new Events<>();
    Events<MessageEvent> messageLast = new Events<>();
    Events<SocketResult> errorRemoved = new Events<>();
    Events<SocketResult> errorLast = new Events<>();
    Events<CloseEvent> closeRemoved = new Events<>();
    Events<CloseEvent> closeLast = new Events<>();
    my.onSocketOpen(openKept);
    my.onSocketOpen(openRemoved);
    my.onSocketOpen(openLast);
    my.onSocketMessage(messageKept);
    my.onSocketMessage(messageRemoved);
    my.onSocketMessage(messageLast);
    my.onSocketError(errorRemoved);
    my.onSocketError(errorLast);
    my.onSocketClose(closeRemoved);
    my.onSocketClose(closeLast);
    my.offSocketOpen(openRemoved);
    my.offSocketMessage(messageRemoved);
    my.offSocketError(errorRemoved);
    my.offSocketClose(closeRemoved);

    my.connectSocket(ConnectOptions.of(server.url()));
    openKept.next();
    openLast.next();
    my.sendSocketMessage(SendOptions.of("ping"));
    assertThat(messageKept.next().data()).isEqualTo("ping");
    assertThat(messageLast.next().data()).isEqualTo("ping");
    server.takeConnection(WAIT).reset(); // an error, then the close
    assertAlipayError(errorLast.next(), 1);
    assertThat(closeLast.next().code()).isEqualTo(1006);

    assertThat(openRemoved.pending()).isZero();
    assertThat(messageRemoved.pending()).isZero();
    assertThat(errorRemoved.pending()).isZero();
    assertThat(closeRemoved.pending()).isZero();
  }

  @Test
  void sendSocketMessageWithIsBufferSendsTheDecodedBytesAsABinaryFrame() {
    MockWebSocketServer server = wssServer();
    My my = my();
    Events<MessageEvent> messages = new Events<>();
    my.onSocketMessage(messages);
    openGlobal(my, server.url());

    Events<SocketResult> sent = new Events<>();
    my.sendSocketMessage(js("data", "AAEC/w==", "isBuffer", true, "success", sent));

    assertThat(sent.next().ok()).isTrue();
    RecordedMessage atServer = server.takeMessage(WAIT);
    assertThat(atServer.isText()).isFalse();
    assertThat(atServer.bytes()).containsExactly(0, 1, 2, 0xff);
    MessageEvent echo = messages.next();
    assertThat(echo.isText()).isFalse();
    assertThat(echo.bytes()).containsExactly(0, 1, 2, 0xff);

    my.sendSocketMessage(My.bufferMessage("SGk=").success(sent).build());
    assertThat(sent.next().ok()).isTrue();
    assertThat(server.takeMessage(WAIT).bytes()).containsExactly('H', 'i');

    my.sendSocketMessage(js("data", "AAEC", "isBuffer", false, "success", sent));
    assertThat(sent.next().ok()).isTrue();
    assertThat(server.takeMessage(WAIT).text()).as("isBuffer false: the text as it is").isEqualTo("AAEC");
  }

  @Test
  void invalidBase64FailsWithError1SayingSoAndSendsNothing() {
    MockWebSocketServer server = wssServer();
    My my = my();
    openGlobal(my, server.url());

    Events<SocketResult> fail = new Events<>();
    my.sendSocketMessage(js("data", "not base64!", "isBuffer", true, "fail", fail));
    SocketResult invalid = fail.next();
    assertAlipayError(invalid, 1);
    assertThat(invalid.errorMessage()).contains("Base64");

    my.sendSocketMessage(My.bufferMessage("%%%").fail(fail).build());
    assertThat(fail.next().errorMessage()).contains("Base64");

    my.sendSocketMessage(js("data", "AAEC", "isBuffer", "yes", "fail", fail));
    assertThat(fail.next().errorMessage()).contains("isBuffer must be a boolean");

    Events<SocketResult> sent = new Events<>();
    my.sendSocketMessage(SendOptions.builder().data("after").success(sent).build());
    sent.next();
    assertThat(server.takeMessage(WAIT).text()).as("nothing was sent before").isEqualTo("after");
  }

  @Test
  void globalApiWithoutASocketFailsWithError10() {
    My my = my();
    Events<SocketResult> fail = new Events<>();
    my.sendSocketMessage(SendOptions.builder().data("nobody listens").fail(fail).build());
    SocketResult send = fail.next();
    assertAlipayError(send, 10);
    assertThat(send.errorMessage()).isEqualTo("网络连接没有打开，无法发送消息");

    my.closeSocket(CloseOptions.builder().fail(fail).build());
    assertAlipayError(fail.next(), 10);
  }
}
