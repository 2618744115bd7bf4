package io.minisocket.adapter.my;

import static org.assertj.core.api.Assertions.assertThat;

import io.minisocket.core.ConnectOptions;
import io.minisocket.core.OpenEvent;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.SocketResult;
import io.minisocket.core.SocketTask;
import io.minisocket.testkit.Handshake;
import io.minisocket.testkit.MockWebSocketServer;
import io.minisocket.testkit.RecordedRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Alipay's connect options on the wire: data as a query string, header, protocols, timeout, method ignored. */
class ConnectOptionsTest extends MyTestBase {

  private RecordedRequest handshakeOf(MockWebSocketServer server, My my, Map<String, Object> options) {
    Events<SocketResult> success = new Events<>();
    options.put("multiple", true);
    options.put("success", success);
    SocketTask task = my.connectSocket(options).orElseThrow();
    assertThat(success.next().ok()).isTrue();
    awaitOpen(task);
    return server.takeRequest(WAIT);
  }

  @Test
  void dataIsAppendedToTheUrlAsAQueryString() {
    MockWebSocketServer server = wssServer();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("room", "一号 房");
    data.put("n", 2.0);
    data.put("ok", true);
    data.put("empty", null);

    RecordedRequest request = handshakeOf(server, my(), js("url", server.url("/chat?v=1"), "data", data));

    assertThat(request.path()).isEqualTo("/chat?v=1&room=%E4%B8%80%E5%8F%B7%20%E6%88%BF&n=2&ok=true&empty=");
  }

  @Test
  void emptyDataLeavesTheUrlAlone() {
    MockWebSocketServer server = wssServer();

    RecordedRequest request = handshakeOf(server, my(), js("url", server.url("/plain"), "data", Map.of()));

    assertThat(request.path()).isEqualTo("/plain");
  }

  @Test
  void dataWithAnObjectValueFailsWithError1NamingTheKey() {
    MockWebSocketServer server = wssServer();
    Events<SocketResult> fail = new Events<>();

    my().connectSocket(js("url", server.url(), "data", Map.of("nested", Map.of("a", 1)), "fail", fail));

    SocketResult result = fail.next();
    assertAlipayError(result, 1);
    assertThat(result.errorMessage()).contains("data.nested");
    assertThat(server.connectionCount()).isZero();
  }

  @Test
  void headerAndProtocolsReachTheServerAndTheChosenProtocolIsReported() {
    MockWebSocketServer server = track(MockWebSocketServer.builder().tls(certificate)
        .handshake(Handshake.acceptSubProtocols("chat")).start());
    My my = my();
    Events<OpenEvent> opened = new Events<>();
    SocketTask task = my.connectSocketTask(ConnectOptions.builder().url(server.url())
        .header("X-Token", "abc").protocols("other", "chat").method("POST").build());
    task.onOpen(opened);

    assertThat(opened.next().protocol()).isEqualTo("chat");
    RecordedRequest request = server.takeRequest(WAIT);
    assertThat(request.header("X-Token")).isEqualTo("abc");
    assertThat(request.subProtocols()).containsExactly("other", "chat");
    assertThat(request.method()).as("method is not an Alipay option").isEqualTo("GET");
  }

  @Test
  void theConnectTimeoutIs30SecondsUnlessTheTimeoutOptionSaysOtherwise() {
    assertThat(MySettings.defaults().config().connectTimeout()).isEqualTo(Duration.ofMillis(30_000));
    assertThat(my().runtime().config().connectTimeout()).isEqualTo(Duration.ofMillis(30_000));
    SocketConfig custom = SocketConfig.builder().connectTimeout(Duration.ofSeconds(5)).build();
    assertThat(my(transport(), MySettings.defaults(), custom).runtime().config()).isEqualTo(custom);
  }

  @Test
  void aNonPositiveTimeoutFailsWithError1() {
    MockWebSocketServer server = wssServer();
    Events<SocketResult> fail = new Events<>();

    my().connectSocket(js("url", server.url(), "timeout", 0, "fail", fail));

    SocketResult result = fail.next();
    assertAlipayError(result, 1);
    assertThat(result.errorMessage()).contains("timeout");
  }

  @Test
  void aWronglyTypedOptionFailsWithError1NamingIt() {
    Events<SocketResult> fail = new Events<>();

    my().connectSocket(js("url", List.of("wss://localhost/"), "fail", fail));

    SocketResult result = fail.next();
    assertAlipayError(result, 1);
    assertThat(result.errorMessage()).contains("url must be a string");
  }
}
