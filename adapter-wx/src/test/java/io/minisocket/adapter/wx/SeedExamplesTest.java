package io.minisocket.adapter.wx;

import static org.assertj.core.api.Assertions.assertThat;

import io.minisocket.core.ConnectOptions;
import io.minisocket.core.MessageEvent;
import io.minisocket.core.SocketTask;
import io.minisocket.testkit.Handshake;
import io.minisocket.testkit.RecordedClose;
import io.minisocket.testkit.RecordedRequest;
import io.minisocket.testkit.Script;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Every code example of WeChat's socket documentation (seed 002), translated to Java and run against a real server.
 * The examples' placeholder url {@code 'test.php'} becomes the test server's {@code wss://} url; what the literal
 * placeholder does is shown by {@link #theSamplesPlaceholderUrlIsRefusedAsWeChatWould()}.
 */
class SeedExamplesTest extends EndToEndBase {

  /**
   * <pre>
   * wx.connectSocket({
   *   url: 'wss://example.qq.com',
   *   data:{ x: '', y: '' },
   *   header:{ 'content-type': 'application/json' },
   *   protocols: ['protocol1'],
   *   method:"GET"
   * })
   * </pre>
   */
  @Test
  void connectSocketWithDataHeaderProtocolsAndMethod() {
    server.enqueue(Handshake.acceptSubProtocols("protocol1"));
    Wx wx = wx();
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("url", server.url());
    object.put("data", Map.of("x", "", "y", ""));
    object.put("header", Map.of("content-type", "application/json"));
    object.put("protocols", List.of("protocol1"));
    object.put("method", "GET");
    object.put("success", rec.consumer("success"));
    object.put("fail", rec.consumer("fail"));
    object.put("complete", rec.consumer("complete"));

    SocketTask task = wx.connectSocket(object);
    task.onOpen(res -> rec.add("open " + res.protocol()));

    rec.awaitLine("open protocol1");
    assertThat(rec.lines()).containsExactly(
        "success connectSocket:ok", "complete connectSocket:ok", "open protocol1");
    assertThat(task.readyState()).isEqualTo(SocketTask.OPEN);
    RecordedRequest request = server.takeRequest(WAIT);
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.path()).isEqualTo("/"); // data is accepted, as in the example, and not sent
    assertThat(request.header("content-type")).isEqualTo("application/json");
    assertThat(request.subProtocols()).containsExactly("protocol1");
  }

  /** The same example with the builder. */
  @Test
  void connectSocketWithTheBuilder() {
    server.enqueue(Handshake.acceptSubProtocols("protocol1"));
    SocketTask task = wx().connectSocket(ConnectOptions.builder()
        .url(server.url())
        .data(Map.of("x", "", "y", ""))
        .header("content-type", "application/json")
        .protocols("protocol1")
        .method("GET")
        .callbacks(rec.callbacks("connect"))
        .build());
    task.onOpen(res -> rec.add("open " + res.protocol()));

    rec.awaitLine("open protocol1");
    assertThat(rec.lines()).containsExactly("connect:success connectSocket:ok", "connect:complete", "open protocol1");
    assertThat(server.takeRequest(WAIT).header("content-type")).isEqualTo("application/json");
  }

  /** {@code wx.connectSocket({url: 'test.php'})}, literally: not a ws:// or wss:// url. */
  @Test
  void theSamplesPlaceholderUrlIsRefusedAsWeChatWould() {
    SocketTask task = wx().connectSocket(Map.of("url", "test.php", "fail", rec.consumer("fail")));
    rec.awaitLine("fail connectSocket:fail url must start with ws:// or wss://, got 'test.php'");
    assertThat(task.readyState()).isEqualTo(SocketTask.CLOSED);
    assertThat(server.connectionCount()).isZero();
  }

  /**
   * <pre>
   * wx.connectSocket({ url: 'test.php' })
   * wx.onSocketOpen(function(res) { console.log('WebSocket连接已打开！') })
   * </pre>
   * {@code res.header} (base library 2.0.0) is the handshake response's headers.
   */
  @Test
  void onSocketOpen() {
    server.enqueue(Handshake.accept().withHeader("X-Served-By", "mock"));
    Wx wx = wx();
    wx.connectSocket(Map.of("url", server.url()));
    wx.onSocketOpen(res -> rec.add("WebSocket连接已打开！ " + header(res.header(), "upgrade") + " "
        + header(res.header(), "x-served-by")));

    rec.awaitLine("WebSocket连接已打开！ websocket mock");
  }

  /**
   * <pre>
   * wx.connectSocket({ url: 'test.php' })
   * wx.onSocketOpen(function(res){ console.log('WebSocket连接已打开！') })
   * wx.onSocketError(function(res){ console.log('WebSocket连接打开失败，请检查！') })
   * </pre>
   * Here the server refuses the upgrade with 403.
   */
  @Test
  void onSocketError() {
    server.enqueue(Handshake.rejectWith(403));
    Wx wx = wx();
    wx.connectSocket(Map.of("url", server.url()));
    wx.onSocketOpen(res -> rec.add("WebSocket连接已打开！"));
    wx.onSocketError(res -> rec.add("WebSocket连接打开失败，请检查！ " + res.errMsg()));
    wx.onSocketClose(res -> rec.add("close " + res.code() + " " + res.reason()));

    rec.awaitLine("close 1006 abnormal closure");
    assertThat(rec.lines()).hasSize(2);
    assertThat(rec.lines().get(0))
        .startsWith("WebSocket连接打开失败，请检查！ the server returned an invalid handshake response (HTTP 403");
    assertThat(wx.runtime().globalSocket()).isEmpty();
  }

  /**
   * The hand-written queue of the sendSocketMessage example: messages sent before onSocketOpen wait in
   * {@code socketMsgQueue} and are flushed when the socket opens.
   * <pre>
   * var socketOpen = false
   * var socketMsgQueue = []
   * wx.connectSocket({ url: 'test.php' })
   * wx.onSocketOpen(function(res) {
   *   socketOpen = true
   *   for (var i = 0; i &lt; socketMsgQueue.length; i++){ sendSocketMessage(socketMsgQueue[i]) }
   *   socketMsgQueue = []
   * })
   * function sendSocketMessage(msg) {
   *   if (socketOpen) { wx.sendSocketMessage({ data:msg }) } else { socketMsgQueue.push(msg) }
   * }
   * </pre>
   */
  @Test
  void sendSocketMessageWithTheSamplesQueue() {
    server.enqueue(Handshake.accept().delayed(Duration.ofMillis(300)), Script.silent());
    Wx wx = wx();
    QueuePattern sample = new QueuePattern(wx, rec);

    wx.connectSocket(Map.of("url", server.url()));
    wx.onSocketOpen(res -> sample.flush());
    sample.sendSocketMessage("first");
    sample.sendSocketMessage("second");
    // why the sample queues by hand: before onSocketOpen, sendSocketMessage fails
    wx.sendSocketMessage(Map.of("data", "too early", "fail", rec.consumer("early")));
    rec.awaitLine("early sendSocketMessage:fail WebSocket is not connected");
    assertThat(sample.queued()).containsExactly("first", "second");

    rec.awaitCount("send ", 2);
    sample.sendSocketMessage("third");
    rec.awaitCount("send ", 3);
    assertThat(rec.lines("send ")).containsOnly("send sendSocketMessage:ok");
    assertThat(List.of(server.takeMessage(WAIT).text(), server.takeMessage(WAIT).text(),
        server.takeMessage(WAIT).text())).containsExactly("first", "second", "third");
    assertThat(sample.queued()).isEmpty();
  }

  /** The sample's {@code socketOpen}, {@code socketMsgQueue} and {@code sendSocketMessage(msg)}. */
  private static final class QueuePattern {
    private final Wx wx;
    private final Recorder rec;
    private boolean socketOpen;
    private List<String> socketMsgQueue = new ArrayList<>();

    QueuePattern(Wx wx, Recorder rec) {
      this.wx = wx;
      this.rec = rec;
    }

    /** The body of the sample's onSocketOpen handler. */
    synchronized void flush() {
      socketOpen = true;
      for (String msg : socketMsgQueue) {
        sendSocketMessage(msg);
      }
      socketMsgQueue = new ArrayList<>();
    }

    synchronized void sendSocketMessage(String msg) {
      if (socketOpen) {
        wx.sendSocketMessage(Map.of("data", msg, "complete", rec.consumer("send")));
      } else {
        socketMsgQueue.add(msg);
      }
    }

    synchronized List<String> queued() {
      return List.copyOf(socketMsgQueue);
    }
  }

  /**
   * <pre>
   * wx.connectSocket({ url: 'test.php' })
   * wx.onSocketMessage(function(res) { console.log('收到服务器内容：' + res.data) })
   * </pre>
   * Text arrives as a String, binary as a read-only ByteBuffer (the ArrayBuffer).
   */
  @Test
  void onSocketMessage() {
    server.enqueue(Script.echo().sendOnOpen("你好").sendBinaryOnOpen(new byte[] {1, 2, 3}));
    Wx wx = wx();
    wx.connectSocket(Map.of("url", server.url()));
    List<MessageEvent> messages = new CopyOnWriteArrayList<>();
    wx.onSocketMessage(res -> {
      messages.add(res);
      rec.add("收到服务器内容：" + res.text());
    });

    rec.awaitLine("收到服务器内容：你好");
    rec.awaitCount("收到服务器内容：", 2);
    assertThat(messages.get(0).data()).isEqualTo("你好");
    assertThat(messages.get(1).data()).isInstanceOf(ByteBuffer.class);
    assertThat(((ByteBuffer) messages.get(1).data()).isReadOnly()).isTrue();
    assertThat(messages.get(1).bytes()).containsExactly(1, 2, 3);
  }

  /**
   * {@code wx.closeSocket({code, reason, success, fail, complete})} (code and reason from base library 1.4.0): the
   * server receives the code and reason, onSocketClose reports them.
   */
  @Test
  void closeSocketWithCodeAndReason() {
    Wx wx = wx();
    wx.connectSocket(Map.of("url", server.url()));
    wx.onSocketOpen(res -> wx.closeSocket(Map.of("code", 3001, "reason", "再见 bye",
        "success", rec.consumer("success"), "fail", rec.consumer("fail"), "complete", rec.consumer("complete"))));
    wx.onSocketClose(res -> rec.add("close " + res.code() + " " + res.reason()));

    RecordedClose close = server.awaitClose(WAIT);
    assertThat(close.code()).isEqualTo(3001);
    assertThat(close.reason()).isEqualTo("再见 bye");
    rec.awaitCount("close ", 1);
    assertThat(rec.lines()).containsExactly("success closeSocket:ok", "complete closeSocket:ok",
        rec.lines("close ").get(0));
    assertThat(rec.lines("close ").get(0)).startsWith("close 3001");
    server.awaitDisconnect(WAIT);
  }

  /**
   * The onSocketClose example, with its timing note: closeSocket must be called once the socket is open.
   * <pre>
   * wx.connectSocket({ url: 'test.php' })
   * //注意这里有时序问题，如果 wx.connectSocket 还没回调 wx.onSocketOpen，而先调用 wx.closeSocket，那么就做不到关闭
   * //WebSocket 的目的。必须在 WebSocket 打开期间调用 wx.closeSocket 才能关闭。
   * wx.onSocketOpen(function() { wx.closeSocket() })
   * wx.onSocketClose(function(res) { console.log('WebSocket 已关闭！') })
   * </pre>
   */
  @Test
  void onSocketCloseWithCloseSocketInsideOnSocketOpen() {
    Wx wx = wx();
    wx.connectSocket(Map.of("url", server.url()));
    wx.onSocketOpen(res -> wx.closeSocket(Map.of()));
    wx.onSocketClose(res -> rec.add("WebSocket 已关闭！ " + res.code() + " " + res.reason()));

    assertThat(server.awaitClose(WAIT).code()).isEqualTo(1000);
    rec.awaitLine("WebSocket 已关闭！ 1000 normal closure");
    server.awaitDisconnect(WAIT);
    assertThat(wx.runtime().tasks()).isEmpty();
  }

  /**
   * The trap the note warns about: closeSocket before onSocketOpen. WeChat ignores it and the socket stays open;
   * MiniSocket cancels the handshake instead, as a browser's close() while connecting does (onSocketError, then
   * onSocketClose 1006), so the connection is never leaked.
   */
  @Test
  void closeSocketBeforeOnSocketOpenDoesNotLeakTheConnection() {
    server.enqueue(Handshake.stallHandshake());
    Wx wx = wx();
    wx.connectSocket(Map.of("url", server.url()));
    wx.onSocketOpen(res -> rec.add("open"));
    wx.onSocketError(res -> rec.add("error " + res.errMsg()));
    wx.onSocketClose(res -> rec.add("WebSocket 已关闭！ " + res.code()));
    server.takeRequest(WAIT); // the handshake is under way
    wx.closeSocket(Map.of("success", rec.consumer("close")));

    rec.awaitLine("close closeSocket:ok");
    rec.awaitLine("WebSocket 已关闭！ 1006");
    assertThat(rec.lines())
        .containsSubsequence("error closed before the connection opened", "WebSocket 已关闭！ 1006");
    server.awaitDisconnect(WAIT);
    assertThat(rec.lines()).doesNotContain("open");
    assertThat(wx.runtime().tasks()).isEmpty();
    wx.sendSocketMessage(Map.of("data", "x", "fail", rec.consumer("send")));
    rec.awaitLine("send sendSocketMessage:fail WebSocket is not connected");
  }

  static String header(Map<String, String> header, String name) {
    return header.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
        .findFirst().orElse(null);
  }

}
