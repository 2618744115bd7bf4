package io.minisocket.transport.vertx.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minisocket.core.MessageEvent;
import io.minisocket.core.OpenEvent;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.SocketResult;
import io.minisocket.core.SocketRuntime;
import io.minisocket.core.SocketTask;
import io.minisocket.transport.vertx.TestServer;
import io.minisocket.transport.vertx.VertxTransportOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Opening over ws and wss, and what onOpen and onMessage give the user. */
@Timeout(60) // above several E2e.WAITs: a guard against hangs, not a speed check
class OpenAndMessagesE2eTest extends E2e {

  private TestServer echoWithChat() throws Exception {
    return track(TestServer.start(serverVertx, o -> o.addWebSocketSubProtocol("chat"), TestServer::echo));
  }

  @Test
  void opensOverWsWithResponseHeaderAndNegotiatedProtocolAndConnectSucceedsExactlyOnce() throws Exception {
    TestServer server = echoWithChat();
    assertOpensAndSucceedsOnce(runtime(), ws(server.port(), "/open"));
  }

  @Test
  void opensOverWssWhenTheSelfSignedCertificateIsTrusted() throws Exception {
    TestServer server = track(TestServer.startTls(serverVertx, o -> o.addWebSocketSubProtocol("chat"),
        TestServer::echo));
    SocketRuntime runtime = runtime(profile().build(), SocketConfig.builder().build(),
        VertxTransportOptions.builder().trustPem(server.writeCertPem(tmp)).build());
    assertOpensAndSucceedsOnce(runtime, "wss://127.0.0.1:" + server.port() + "/open");
  }

  private void assertOpensAndSucceedsOnce(SocketRuntime runtime, String url) throws Exception {
    Connected c = connect(runtime, url, b -> b.protocols("superchat", "chat"));

    OpenEvent open = c.events().awaitOpen();
    assertThat(open.protocol()).isEqualTo("chat");
    assertThat(header(open, "upgrade")).isEqualToIgnoringCase("websocket");
    assertThat(header(open, "sec-websocket-accept")).isNotBlank();
    assertThat(header(open, "sec-websocket-protocol")).isEqualTo("chat");
    assertThat(c.task().readyState()).isEqualTo(SocketTask.OPEN);

    SocketResult connected = c.connect().await();
    assertThat(connected.ok()).isTrue();
    assertThat(connected.errMsg()).isEqualTo("connectSocket:ok");
    assertThat(c.events().log).as("success and complete come before onOpen")
        .containsSubsequence("connect:success", "connect:complete", "open");

    // the socket works, and nothing repeats the connect callbacks or the open event until the very end
    Outcome hello = send(c, "hello", "send");
    assertThat(c.events().nextMessage().data()).isEqualTo("hello");
    assertThat(hello.await().ok()).isTrue();
    assertThat(close(c, 1000, "").await().ok()).isTrue();
    c.events().awaitClose();
    c.connect().assertDeliveredOnce();
    assertThat(c.events().opens).hasValue(1);
    assertThat(c.events().errors).hasValue(0);
  }

  /** The value of a response header, names compared ignoring case. */
  private static String header(OpenEvent open, String name) {
    return open.header().entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " header in " + open.header()));
  }

  @Test
  void echoesTextAsAString() throws Exception {
    TestServer server = echoWithChat();
    Connected c = connect(runtime(), ws(server.port(), "/text"));
    c.events().awaitOpen();

    String text = "hello, 世界 ✓ \uD83D\uDE00";
    Outcome sent = send(c, text, "send");

    MessageEvent echoed = c.events().nextMessage();
    assertThat(echoed.data()).isInstanceOf(String.class).isEqualTo(text);
    assertThat(echoed.isText()).isTrue();
    SocketResult result = sent.await();
    assertThat(result.ok()).isTrue();
    assertThat(result.errMsg()).isEqualTo("sendSocketMessage:ok");
    sent.assertDeliveredOnce();
  }

  @Test
  void echoesOneMebibyteOfBinaryByteExactAsAReadOnlyByteBuffer() throws Exception {
    TestServer server = echoWithChat();
    Connected c = connect(runtime(), ws(server.port(), "/binary"));
    c.events().awaitOpen();

    byte[] data = new byte[1024 * 1024];
    new Random(42).nextBytes(data);
    Outcome sent = send(c, data.clone(), "send");

    MessageEvent echoed = c.events().nextMessage();
    assertThat(echoed.isText()).isFalse();
    assertThat(echoed.data()).isInstanceOf(ByteBuffer.class);
    ByteBuffer buffer = (ByteBuffer) echoed.data();
    assertThat(buffer.isReadOnly()).isTrue();
    assertThat(buffer.remaining()).isEqualTo(data.length);
    assertThat(echoed.bytes()).isEqualTo(data);
    assertThatThrownBy(() -> buffer.duplicate().put(0, (byte) 1)).isInstanceOf(ReadOnlyBufferException.class);
    assertThat(sent.await().ok()).isTrue();
    sent.assertDeliveredOnce();
  }

  @Test
  void echoesABinaryByteBufferFromItsPositionToItsLimit() throws Exception {
    TestServer server = echoWithChat();
    Connected c = connect(runtime(), ws(server.port(), "/slice"));
    c.events().awaitOpen();

    ByteBuffer data = ByteBuffer.wrap(new byte[] {9, 9, 1, 2, 3, 9});
    data.position(2).limit(5);
    assertThat(send(c, data, "send").await().ok()).isTrue();
    assertThat(c.events().nextMessage().bytes()).containsExactly(1, 2, 3);
  }

  @Test
  void pingFromTheServerIsAnsweredAndIsNoMessage() throws Exception {
    BlockingQueue<Buffer> pongs = new LinkedBlockingQueue<>();
    TestServer server = track(TestServer.start(serverVertx, o -> { }, ws -> {
      TestServer.echo(ws);
      ws.pongHandler(pongs::add);
    }));
    Connected c = connect(runtime(), ws(server.port(), "/ping"));
    c.events().awaitOpen();
    ServerWebSocket serverSide = server.awaitSocket();

    serverSide.writePing(Buffer.buffer("are you there"));
    Buffer pong = pongs.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(pong).as("pong within %s", WAIT).isNotNull();
    assertThat(pong.toString()).isEqualTo("are you there");

    // the first message the user sees is the echo of what we send after the ping: the ping made no onMessage
    send(c, "after the ping", "send");
    assertThat(c.events().nextMessage().data()).isEqualTo("after the ping");
    assertThat(c.task().readyState()).isEqualTo(SocketTask.OPEN);
  }
}
