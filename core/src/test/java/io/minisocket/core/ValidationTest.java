package io.minisocket.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.minisocket.core.spi.PlatformProfile;
import io.minisocket.core.spi.Policies.UnsupportedOption;
import io.minisocket.core.testing.FakeTransport;
import io.minisocket.core.testing.Recorder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every invalid connect option reaches fail then complete with a message that says what was wrong. */
class ValidationTest {
  private final FakeTransport transport = new FakeTransport();

  private SocketResult connectFailure(
      UnaryOperator<ConnectOptions.Builder> options, PlatformProfile profile, SocketConfig config) {
    SocketRuntime runtime = SocketRuntime.builder(profile, transport).config(config).build();
    Recorder rec = new Recorder();
    SocketTask task = runtime.connectSocket(options.apply(ConnectOptions.builder())
        .callbacks(rec.callbacks("connect")).build());
    rec.awaitLine("connect:complete");
    assertThat(rec.lines()).hasSize(2);
    assertThat(task.readyState()).as("a refused connect leaves a CLOSED task").isEqualTo(SocketTask.CLOSED);
    assertThat(transport.connections()).as("no connection is attempted").isEmpty();
    return rec.results().get(0);
  }

  private SocketResult connectFailure(UnaryOperator<ConnectOptions.Builder> options) {
    return connectFailure(options, TestProfiles.builder("test").build(), SocketConfig.defaults());
  }

  @Test
  void missingAndEmptyUrls() {
    assertThat(connectFailure(o -> o).errMsg()).isEqualTo("connectSocket:fail url is required");
    SocketResult empty = connectFailure(o -> o.url("  "));
    assertThat(empty.errMsg()).isEqualTo("connectSocket:fail url is empty");
    assertThat(empty.errorKind()).isEqualTo(ErrorKind.URL_EMPTY);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "wss://exa mple.com | URL_INVALID | url is not a valid URL",
      "wss:///path-only | URL_INVALID | url has no host",
      "https://example.com | URL_SCHEME | url must start with ws:// or wss://, got 'https://example.com'",
      "example.com/socket | URL_SCHEME | url must start with ws:// or wss://",
      "ws://example.com | WSS_REQUIRED | url must use wss://"})
  void badUrls(String url, ErrorKind kind, String message) {
    SocketResult result = connectFailure(o -> o.url(url));
    assertThat(result.errorKind()).isEqualTo(kind);
    assertThat(result.errMsg()).startsWith("connectSocket:fail " + message);
  }

  @Test
  void wsIsAllowedWhenTheUrlCheckIsOffOrThePlatformDoesNotRequireWss() {
    SocketRuntime off = SocketRuntime.builder(TestProfiles.builder("t").build(), transport)
        .config(SocketConfig.builder().urlCheck(false).build()).build();
    assertThat(off.connectSocket(ConnectOptions.of("ws://127.0.0.1:1/")).readyState()).isEqualTo(SocketTask.CONNECTING);
    SocketRuntime lax = SocketRuntime.builder(TestProfiles.builder("t").wssRequired(false).build(), transport)
        .build();
    assertThat(lax.connectSocket(ConnectOptions.of("ws://127.0.0.1:1/")).readyState())
        .isEqualTo(SocketTask.CONNECTING);
  }

  @Test
  void theDomainAllowListTakesHostsOrOrigins() {
    SocketConfig config = SocketConfig.builder()
        .socketDomains(List.of("wss://Socket.Example.com", "other.example.org")).build();
    PlatformProfile profile = TestProfiles.builder("t").build();
    SocketResult result = connectFailure(o -> o.url("wss://evil.example.com/x"), profile, config);
    assertThat(result.errMsg()).isEqualTo("connectSocket:fail url not in domain list");
    assertThat(result.errorKind()).isEqualTo(ErrorKind.DOMAIN_NOT_ALLOWED);
    assertThat(connectFailure(o -> o.url("wss://socket.example.com:8443/x"), profile, config).errorKind())
        .as("an origin entry pins the port").isEqualTo(ErrorKind.DOMAIN_NOT_ALLOWED);

    SocketRuntime runtime = SocketRuntime.builder(profile, transport).config(config).build();
    assertThat(runtime.connectSocket(ConnectOptions.of("wss://socket.example.com/x")).readyState())
        .isEqualTo(SocketTask.CONNECTING);
    assertThat(runtime.connectSocket(ConnectOptions.of("wss://OTHER.example.org:9000/x")).readyState())
        .isEqualTo(SocketTask.CONNECTING);
    SocketRuntime unchecked = SocketRuntime.builder(profile, transport)
        .config(config.toBuilder().urlCheck(false).build()).build();
    assertThat(unchecked.connectSocket(ConnectOptions.of("wss://evil.example.com/")).readyState())
        .isEqualTo(SocketTask.CONNECTING);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Referer", "referer", "REFERER", "rEfErEr"})
  void refererIsRefusedInAnyLetterCase(String name) {
    assertThat(connectFailure(o -> o.url("wss://a.example").header(name, "https://x")).errMsg())
        .isEqualTo("connectSocket:fail header 'Referer' cannot be set");
  }

  @ParameterizedTest
  @CsvSource({"Host, Host", "host, Host", "Sec-WebSocket-Key, Sec-WebSocket-Key", "sec-websocket-version, "
      + "Sec-WebSocket-Version", "SEC-WEBSOCKET-EXTENSIONS, Sec-WebSocket-Extensions", "Sec-WebSocket-Accept, "
      + "Sec-WebSocket-Accept", "upgrade, Upgrade", "CONNECTION, Connection", "Content-Length, Content-Length",
      "transfer-encoding, Transfer-Encoding"})
  void handshakeHeadersAreRefusedInAnyLetterCase(String name, String canonical) {
    SocketResult result = connectFailure(o -> o.url("wss://a.example").header(name, "evil.example"));
    assertThat(result.errorKind()).isEqualTo(ErrorKind.INVALID_OPTION);
    assertThat(result.errMsg()).isEqualTo("connectSocket:fail header '" + canonical + "' cannot be set");
  }

  @Test
  void aSecWebSocketProtocolHeaderIsOfferedAsTheSubProtocolList() {
    assertThat(connectFailure(o -> o.url("wss://a.example").protocols("chat")
        .header("Sec-WebSocket-Protocol", "chat")).errMsg()).isEqualTo("connectSocket:fail give the sub-protocols "
        + "once: in protocols or in header 'Sec-WebSocket-Protocol', not in both");
    assertThat(connectFailure(o -> o.url("wss://a.example").header("Sec-WebSocket-Protocol", " , ")).errMsg())
        .isEqualTo("connectSocket:fail header 'Sec-WebSocket-Protocol' names no sub-protocol");
    assertThat(connectFailure(o -> o.url("wss://a.example").header("Sec-WebSocket-Protocol", "a b")).errMsg())
        .startsWith("connectSocket:fail protocols[0] 'a b' is not a valid sub-protocol token");
    PlatformProfile noProtocols = TestProfiles.builder("my-like")
        .acceptedOptions(java.util.Set.of(ConnectOption.HEADER)).build();
    SocketRuntime runtime = SocketRuntime.builder(noProtocols, transport).build();
    runtime.connectSocket(ConnectOptions.builder().url("wss://a.example/")
        .header("sec-websocket-protocol", " chat , superchat,").header("X-Other", "kept").build());
    var request = transport.last().request;
    assertThat(request.protocols()).containsExactly("chat", "superchat");
    assertThat(request.headers()).containsOnlyKeys("X-Other");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "wss://a.example:0/ | url port must be 1 to 65535, got 0",
      "wss://a.example:65536/ | url port must be 1 to 65535, got 65536",
      "wss://a.example:99999999999/ | url port must be 1 to 65535, got 99999999999"})
  void portsOutsideOneTo65535AreRefused(String url, String message) {
    SocketResult result = connectFailure(o -> o.url(url));
    assertThat(result.errorKind()).isEqualTo(ErrorKind.URL_INVALID);
    assertThat(result.errMsg()).startsWith("connectSocket:fail " + message);
  }

  @Test
  void headerValuesMustBeStringsOrNumbersAndNamesTokens() {
    assertThat(connectFailure(o -> o.url("wss://a.example").header("X-List", List.of("a"))).errMsg())
        .isEqualTo("connectSocket:fail header 'X-List' must be a string or a number, got array");
    assertThat(connectFailure(o -> o.url("wss://a.example").header(Map.of("bad name", "v"))).errMsg())
        .isEqualTo("connectSocket:fail header name 'bad name' is not a valid HTTP token");
    assertThat(connectFailure(o -> o.url("wss://a.example").header("X-Inject", "a\r\nEvil: 1")).errMsg())
        .isEqualTo("connectSocket:fail header 'X-Inject' must not contain line breaks");
    Map<String, Object> withNull = new java.util.HashMap<>();
    withNull.put("X-Null", null);
    assertThat(connectFailure(o -> o.url("wss://a.example").header(withNull)).errMsg())
        .isEqualTo("connectSocket:fail header 'X-Null' must be a string or a number, got null");
  }

  @Test
  void validHeadersMethodAndProtocolsReachTheTransport() {
    SocketRuntime runtime = SocketRuntime.builder(TestProfiles.builder("t").build(), transport).build();
    runtime.connectSocket(ConnectOptions.builder().url("wss://a.example/p?q=1").header("content-type", "application/json")
        .header("X-Number", 42).method("post").protocols("protocol1", "chat.v2").build());
    var request = transport.last().request;
    assertThat(request.headers()).containsEntry("content-type", "application/json").containsEntry("X-Number", "42");
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.protocols()).containsExactly("protocol1", "chat.v2");
    assertThat(request.uri().toString()).isEqualTo("wss://a.example/p?q=1");
    assertThat(request.connectTimeout()).isEqualTo(SocketConfig.DEFAULT_CONNECT_TIMEOUT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"FETCH", "PATCH", ""})
  void methodMustBeOneOfTheEight(String method) {
    assertThat(connectFailure(o -> o.url("wss://a.example").method(method)).errMsg())
        .isEqualTo("connectSocket:fail method must be one of OPTIONS, GET, HEAD, POST, PUT, DELETE, TRACE, "
            + "CONNECT, got '" + method + "'");
  }

  @Test
  void protocolsMustBeTokensWithoutRepeats() {
    assertThat(connectFailure(o -> o.url("wss://a.example").protocols("ok", "not ok")).errMsg())
        .isEqualTo("connectSocket:fail protocols[1] 'not ok' is not a valid sub-protocol token");
    assertThat(connectFailure(o -> o.url("wss://a.example").protocols(Arrays.asList("a", null))).errMsg())
        .isEqualTo("connectSocket:fail protocols[1] 'null' is not a valid sub-protocol token");
    assertThat(connectFailure(o -> o.url("wss://a.example").protocols("a", "a")).errMsg())
        .isEqualTo("connectSocket:fail protocols[1] 'a' is repeated");
  }

  @Test
  void unsupportedOptionsAreIgnoredOrRejectedAsTheProfileSays() {
    PlatformProfile noMethod = TestProfiles.builder("alipay")
        .acceptedOptions(java.util.EnumSet.of(ConnectOption.HEADER))
        .unsupportedOption(UnsupportedOption.REJECT).build();
    assertThat(connectFailure(o -> o.url("wss://a.example").method("GET"), noMethod, SocketConfig.defaults())
        .errMsg()).isEqualTo("connectSocket:fail option 'method' is not supported on alipay");

    SocketRuntime lenient = SocketRuntime.builder(noMethod.toBuilder()
        .unsupportedOption(UnsupportedOption.IGNORE).build(), transport).build();
    lenient.connectSocket(ConnectOptions.builder().url("wss://a.example").method("PUT").protocols("x").build());
    assertThat(transport.last().request.method()).isEqualTo("GET");
    assertThat(transport.last().request.protocols()).isEmpty();
  }

  @Test
  void aPerConnectTimeoutMustBePositive() {
    PlatformProfile withTimeout = TestProfiles.builder("t")
        .acceptedOptions(java.util.EnumSet.of(ConnectOption.TIMEOUT)).build();
    assertThat(connectFailure(o -> o.url("wss://a.example").timeout(java.time.Duration.ZERO), withTimeout,
        SocketConfig.defaults()).errMsg())
        .isEqualTo("connectSocket:fail timeout must be a positive number of milliseconds, got 0");
    SocketRuntime runtime = SocketRuntime.builder(withTimeout, transport).build();
    runtime.connectSocket(ConnectOptions.builder().url("wss://a.example").timeout(java.time.Duration.ofMillis(30000))
        .build());
    assertThat(transport.last().request.connectTimeout()).hasMillis(30000);
  }

  @Test
  void configurationRejectsImpossibleValuesAtOnce() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SocketConfig.builder().maxQueueBytes(0))
        .hasMessage("maxQueueBytes must be positive, got 0");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> SocketConfig.builder().connectTimeout(java.time.Duration.ofSeconds(-1)))
        .hasMessage("connectTimeout must be positive, got PT-1S");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SocketConfig.builder().socketDomains(List.of(" ")))
        .hasMessageContaining("socketDomains must not contain empty entries");
  }
}
