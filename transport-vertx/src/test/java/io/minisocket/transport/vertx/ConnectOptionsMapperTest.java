package io.minisocket.transport.vertx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minisocket.core.transport.ConnectRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectOptionsMapperTest {

  private static WebSocketConnectOptions map(String uri) {
    return map(uri, Map.of(), List.of());
  }

  private static WebSocketConnectOptions map(String uri, Map<String, String> headers, List<String> protocols) {
    return ConnectOptionsMapper.map(
        new ConnectRequest(URI.create(uri), "get", headers, protocols, Duration.ofSeconds(3)), 3000);
  }

  @Test
  void defaultPortsFollowTheScheme() {
    WebSocketConnectOptions ws = map("ws://example.com/chat");
    assertThat(ws.getPort()).isEqualTo(80);
    assertThat(ws.isSsl()).isFalse();
    WebSocketConnectOptions wss = map("wss://example.com/chat");
    assertThat(wss.getPort()).isEqualTo(443);
    assertThat(wss.isSsl()).isTrue();
    assertThat(map("WSS://example.com:8443/").getPort()).isEqualTo(8443);
  }

  @Test
  void pathAndRawQueryAreKept() {
    assertThat(map("ws://h/a/b%20c?x=1&y=%E4%B8%AD").getURI()).isEqualTo("/a/b%20c?x=1&y=%E4%B8%AD");
    assertThat(map("ws://h").getURI()).isEqualTo("/");
    assertThat(map("ws://h?q=1").getURI()).isEqualTo("/?q=1");
  }

  @Test
  void hostTimeoutsMethodAndIpv6() {
    WebSocketConnectOptions o = map("ws://[::1]:9000/");
    assertThat(o.getHost()).isEqualTo("::1");
    assertThat(o.getTimeout()).isEqualTo(3000);
    assertThat(o.getConnectTimeout()).isEqualTo(3000);
    assertThat(o.getMethod()).isEqualTo(HttpMethod.GET);
  }

  @Test
  void headersSubProtocolsAndOrigin() {
    WebSocketConnectOptions o = map("ws://h/", Map.of("X-A", "1"), List.of("a", "b"));
    assertThat(o.getHeaders().get("X-A")).isEqualTo("1");
    assertThat(o.getSubProtocols()).containsExactly("a", "b");
    assertThat(o.getAllowOriginHeader()).isFalse();
    assertThat(map("ws://h/", Map.of("origin", "https://x"), List.of()).getAllowOriginHeader()).isTrue();
  }

  @Test
  void rejectsWhatIsNotAWebSocketUri() {
    assertThatThrownBy(() -> map("http://h/")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> map("ws:relative")).isInstanceOf(IllegalArgumentException.class);
  }
}
