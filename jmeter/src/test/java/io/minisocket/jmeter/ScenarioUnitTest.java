package io.minisocket.jmeter;

import static org.assertj.core.api.Assertions.assertThat;

import io.minisocket.adapter.wx.Wx;
import io.minisocket.adapter.wx.WxSettings;
import io.minisocket.core.transport.Transport;
import io.minisocket.js.JsScript;
import io.minisocket.transport.vertx.VertxTransport;
import io.minisocket.transport.vertx.VertxTransportOptions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The README's example: the scenario the JMeter plan runs, as one virtual user in a plain unit test. */
class ScenarioUnitTest extends EchoServerTest {

  @Test
  void theScenarioRunsAsOneVirtualUserInAUnitTest() throws Exception {
    try (Transport transport = VertxTransport.create(VertxTransportOptions.builder().trustPem(server.trustPem())
        .build())) {
      // --- README ---
      JsScript.Builder builder = JsScript.builder();
      Wx wx = Wx.create(transport, WxSettings.builder().eventLoop(builder.loop()).build());
      try (JsScript user = builder.wx(wx).global("SERVER_URL", server.url()).build()) {
        user.load(EmbeddedJMeter.EXAMPLES.resolve("scenario.js"));
        assertThat(user.call("connect").get(10, TimeUnit.SECONDS)).isEqualTo(Map.of("readyState", 1));
        assertThat(user.call("echo", "hello").get(10, TimeUnit.SECONDS)).isEqualTo("hello");
        assertThat(user.call("close").get(10, TimeUnit.SECONDS)).isEqualTo(Map.of("code", 1000, "reason", "bye"));
        assertThat(user.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(user.errors()).isEmpty();
      }
      // --- end ---
    }
  }
}
