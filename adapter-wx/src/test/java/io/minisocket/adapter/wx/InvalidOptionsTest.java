package io.minisocket.adapter.wx;

import static org.assertj.core.api.Assertions.assertThat;

import io.minisocket.core.ConnectOptions;
import io.minisocket.core.JsOptions;
import io.minisocket.core.SocketTask;
import io.minisocket.testkit.MockWebSocketServer;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every invalid connect, send and close option fails through {@code fail} (then {@code complete}) with
 * {@code <api>:fail <what was wrong>}, opens nothing, and never throws.
 */
class InvalidOptionsTest extends EndToEndBase {

  /** A JavaScript-style options object: the server's url with {@code key} set (or removed, for a null value). */
  private Map<String, Object> object(String key, Object value) {
    Map<String, Object> object = new HashMap<>();
    object.put("url", server.url());
    if (value == null) {
      object.remove(key);
    } else {
      object.put(key, value);
    }
    object.put("fail", rec.consumer("fail"));
    object.put("complete", rec.consumer("complete"));
    return object;
  }

  static Stream<Arguments> invalidConnectObjects() {
    return Stream.of(
        Arguments.of("url", null, "url is required"),
        Arguments.of("url", "", "url is empty"),
        Arguments.of("url", "test.php", "url must start with ws:// or wss://, got 'test.php'"),
        Arguments.of("url", "https://localhost/", "url must start with ws:// or wss://, got 'https://localhost/'"),
        Arguments.of("url", "wss://", "url is not a valid URL: Expected authority at index 6: wss://"),
        Arguments.of("url", "wss://local host/", "url is not a valid URL: Illegal character in authority at index 6: wss://local host/"),
        Arguments.of("url", "ws://localhost/", "url must use wss://"),
        Arguments.of("url", "wss://example.qq.com/", "url not in domain list"),
        Arguments.of("url", 42, "url must be a string, got number"),
        Arguments.of("header", Map.of("Referer", "https://servicewechat.com/"), "header 'Referer' cannot be set"),
        Arguments.of("header", Map.of("referer", "https://servicewechat.com/"), "header 'Referer' cannot be set"),
        Arguments.of("header", Map.of("x-flag", true), "header 'x-flag' must be a string or a number, got boolean"),
        Arguments.of("header", Map.of("x-text", "a\r\nInjected: yes"), "header 'x-text' must not contain line breaks"),
        Arguments.of("header", Map.of("bad name", "v"), "header name 'bad name' is not a valid HTTP token"),
        Arguments.of("header", "content-type: application/json", "header must be an object, got string"),
        Arguments.of("method", "PATCH",
            "method must be one of OPTIONS, GET, HEAD, POST, PUT, DELETE, TRACE, CONNECT, got 'PATCH'"),
        Arguments.of("method", 1, "method must be a string, got number"),
        Arguments.of("protocols", "protocol1", "protocols must be an array of strings, got string"),
        Arguments.of("protocols", List.of(1), "protocols[0] must be a string, got number"),
        Arguments.of("protocols", List.of("protocol 1"), "protocols[0] 'protocol 1' is not a valid sub-protocol token"),
        Arguments.of("protocols", List.of("a", "a"), "protocols[1] 'a' is repeated"),
        Arguments.of("data", "x=1", "data must be an object, got string"),
        Arguments.of("success", "function () {}", "success must be a function (java.util.function.Consumer), got string"));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("invalidConnectObjects")
  void anInvalidConnectOptionFailsNamingIt(String key, Object value, String reason) {
    SocketTask task = wx().connectSocket(object(key, value));

    rec.awaitLine("complete connectSocket:fail " + reason);
    assertThat(rec.lines()).containsExactly("fail connectSocket:fail " + reason, "complete connectSocket:fail " + reason);
    assertThat(task.readyState()).isEqualTo(SocketTask.CLOSED);
    assertThat(server.connectionCount()).isZero();
  }

  static Stream<Arguments> invalidConnectBuilders() {
    return Stream.<Arguments>of(
        Arguments.of((Function<ConnectOptions.Builder, ConnectOptions.Builder>) b -> b.url(null), "url is required"),
        Arguments.of((Function<ConnectOptions.Builder, ConnectOptions.Builder>) b -> b.header("REFERER", "x"),
            "header 'Referer' cannot be set"),
        Arguments.of((Function<ConnectOptions.Builder, ConnectOptions.Builder>) b -> b.header("n", List.of()),
            "header 'n' must be a string or a number, got array"),
        Arguments.of((Function<ConnectOptions.Builder, ConnectOptions.Builder>) b -> b.method("get2"),
            "method must be one of OPTIONS, GET, HEAD, POST, PUT, DELETE, TRACE, CONNECT, got 'get2'"),
        Arguments.of((Function<ConnectOptions.Builder, ConnectOptions.Builder>) b -> b.protocols(Arrays.asList("a", null)),
            "protocols[1] 'null' is not a valid sub-protocol token"));
  }

  @ParameterizedTest
  @MethodSource("invalidConnectBuilders")
  void anInvalidConnectOptionFromTheBuilderFailsToo(Function<ConnectOptions.Builder, ConnectOptions.Builder> invalid,
      String reason) {
    SocketTask task = wx().connectSocket(
        invalid.apply(ConnectOptions.builder().url(server.url()).callbacks(rec.callbacks("connect"))).build());

    rec.awaitLine("connect:complete");
    assertThat(rec.lines()).containsExactly("connect:fail connectSocket:fail " + reason, "connect:complete");
    assertThat(task.readyState()).isEqualTo(SocketTask.CLOSED);
    assertThat(server.connectionCount()).isZero();
  }

  @Test
  void unknownKeysAndOptionsWeChatLacksAreIgnored() {
    Map<String, Object> object = object("data", Map.of("x", "", "y", ""));
    object.put("success", rec.consumer("success"));
    object.put("timeout", "soon");   // Alipay's options, ignored whatever their value
    object.put("multiple", "yes");
    object.put("responseType", "text");
    SocketTask task = wx().connectSocket(object);
    task.onOpen(res -> rec.add("open"));

    rec.awaitLine("open");
    assertThat(rec.lines()).containsExactly("success connectSocket:ok", "complete connectSocket:ok", "open");
  }

  /** The url check off: ws:// and any host are allowed (WeChat's developer tools "do not check domains"). */
  @Test
  void withTheUrlCheckOffWsAndUnlistedHostsAreAllowed() {
    try (MockWebSocketServer plain = MockWebSocketServer.builder().start()) {
      Wx wx = wx(settings().config(config().urlCheck(false).build()).build());
      SocketTask task = wx.connectSocket(Map.of("url", plain.url(), "success", rec.consumer("success")));
      task.onOpen(res -> rec.add("open"));
      rec.awaitLine("open");
      assertThat(plain.url()).startsWith("ws://127.0.0.1:");
      task.close();
    }
  }

  /** The handshake is a GET on the wire whatever the method (RFC 6455); the method is still validated. */
  @Test
  void aValidMethodOtherThanGetIsAcceptedAndTheHandshakeIsStillAGet() {
    SocketTask task = wx().connectSocket(object("method", "post"));
    task.onOpen(res -> rec.add("open"));
    rec.awaitLine("open");
    assertThat(server.takeRequest(WAIT).method()).isEqualTo("GET");
  }

  @Test
  void invalidCloseAndSendOptionsFailAndTheSocketStaysOpen() {
    Wx wx = wx();
    SocketTask task = wx.connectSocket(Map.of("url", server.url()));
    task.onOpen(res -> rec.add("open"));
    rec.awaitLine("open");
    Map<Map<String, Object>, String> closes = new LinkedHashMap<>();
    closes.put(Map.of("code", 1001), "code must be 1000 or between 3000 and 4999, got 1001");
    closes.put(Map.of("code", 5000), "code must be 1000 or between 3000 and 4999, got 5000");
    closes.put(Map.of("code", "1000"), "code must be a whole number, got string");
    closes.put(Map.of("code", 3000.5), "code must be a whole number, got number");
    closes.put(Map.of("reason", "x".repeat(124)), "reason must be at most 123 bytes of UTF-8, got 124");
    closes.put(Map.of("reason", "关".repeat(42)), "reason must be at most 123 bytes of UTF-8, got 126");
    closes.put(Map.of("reason", 7), "reason must be a string, got number");
    closes.forEach((options, reason) -> {
      Map<String, Object> object = new HashMap<>(options);
      object.put("fail", rec.consumer("global"));
      wx.closeSocket(object);
      object.put("fail", rec.consumer("task"));
      task.close(JsOptions.closeOptions(object));
      rec.awaitLine("global closeSocket:fail " + reason);
      rec.awaitLine("task closeSocket:fail " + reason);
    });
    Map<Object, String> sends = new LinkedHashMap<>();
    sends.put(42, "data must be a String, byte[] or ByteBuffer, got number");
    sends.put(true, "data must be a String, byte[] or ByteBuffer, got boolean");
    sends.forEach((data, reason) -> {
      wx.sendSocketMessage(Map.of("data", data, "fail", rec.consumer("send")));
      rec.awaitLine("send sendSocketMessage:fail " + reason);
    });
    wx.sendSocketMessage(Map.of("fail", rec.consumer("send")));
    rec.awaitLine("send sendSocketMessage:fail data is required");

    assertThat(task.readyState()).isEqualTo(SocketTask.OPEN);
    wx.sendSocketMessage(Map.of("data", ByteBuffer.wrap(new byte[] {7}), "success", rec.consumer("send")));
    rec.awaitLine("send sendSocketMessage:ok");
    assertThat(server.takeMessage(WAIT).bytes()).containsExactly(7);
  }
}
