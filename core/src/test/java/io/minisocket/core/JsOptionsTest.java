package io.minisocket.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.minisocket.core.testing.FakeTransport;
import io.minisocket.core.testing.Recorder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Options given as JavaScript-style objects. */
class JsOptionsTest {
  private final FakeTransport transport = new FakeTransport();
  private final SocketRuntime runtime =
      SocketRuntime.builder(TestProfiles.builder("wx").build(), transport).build();
  private final Recorder rec = new Recorder();

  private Map<String, Object> withCallbacks(String name, Map<String, Object> object) {
    Map<String, Object> out = new LinkedHashMap<>(object);
    Callbacks callbacks = rec.callbacks(name);
    out.put("success", callbacks.success());
    out.put("fail", callbacks.fail());
    out.put("complete", callbacks.complete());
    return out;
  }

  @Test
  void theWeChatSampleObjectIsAcceptedDataIncluded() {
    Map<String, Object> sample = Map.of(
        "url", "wss://example.qq.com",
        "data", Map.of("x", "", "y", ""),
        "header", Map.of("content-type", "application/json"),
        "protocols", List.of("protocol1"),
        "method", "GET");
    runtime.connectSocket(JsOptions.connectOptions(withCallbacks("connect", sample)));
    rec.awaitLine("connect:success connectSocket:ok");
    assertThat(transport.last().request.headers()).containsEntry("content-type", "application/json");
    assertThat(transport.last().request.protocols()).containsExactly("protocol1");
  }

  @Test
  void aKeyOfTheWrongTypeFailsNamingTheKey() {
    runtime.connectSocket(JsOptions.connectOptions(withCallbacks("url", Map.of("url", 42))));
    runtime.connectSocket(JsOptions.connectOptions(withCallbacks("protocols",
        Map.of("url", "wss://a.example", "protocols", "chat"))));
    runtime.connectSocket(JsOptions.connectOptions(withCallbacks("header",
        Map.of("url", "wss://a.example", "header", List.of()))));
    runtime.connectSocket(JsOptions.connectOptions(withCallbacks("item",
        Map.of("url", "wss://a.example", "protocols", List.of("a", 1)))));
    rec.awaitCount(8);
    assertThat(rec.lines()).contains(
        "url:fail connectSocket:fail url must be a string, got number",
        "protocols:fail connectSocket:fail protocols must be an array of strings, got string",
        "header:fail connectSocket:fail header must be an object, got array",
        "item:fail connectSocket:fail protocols[1] must be a string, got number");
    assertThat(transport.connections()).isEmpty();
  }

  @Test
  void sendAndCloseObjectsWork() {
    SocketTask task = runtime.connectSocket(ConnectOptions.of("wss://a.example"));
    transport.last().open();
    task.send(JsOptions.sendOptions(withCallbacks("send", Map.of("data", "hello"))));
    rec.awaitLine("send:success sendSocketMessage:ok");
    task.close(JsOptions.closeOptions(withCallbacks("badclose", Map.of("code", "1000"))));
    rec.awaitLine("badclose:fail closeSocket:fail code must be a whole number, got string");
    task.close(JsOptions.closeOptions(withCallbacks("close", Map.of("code", 4000, "reason", "bye"))));
    rec.awaitLine("close:success closeSocket:ok");
    assertThat(transport.last().closeCode()).isEqualTo(4000);
  }

  @Test
  void aCallbackThatIsNotAFunctionIsReported() {
    Consumer<SocketResult> fail = rec.consumer("fail");
    runtime.connectSocket(JsOptions.connectOptions(Map.of("url", "wss://a.example", "success", "yes",
        "fail", fail)));
    rec.awaitLine("fail connectSocket:fail success must be a function (java.util.function.Consumer), got string");
  }
}
