package io.minisocket.jmeter;

import static org.assertj.core.api.Assertions.assertThat;

import io.minisocket.jmeter.internal.Facades;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.jmeter.samplers.SampleResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The example plan, run headless with JMeter's engine embedded, against a local wss echo server. */
class EchoPlanTest extends EchoServerTest {
  private static final int THREADS = 2;
  private static final int LOOPS = 2;

  @ParameterizedTest
  @ValueSource(strings = {"wx", "my", "uni", "taro", "qq-test"})
  void everyVirtualUserConnectsSendsGetsItsEchoAndClosesWithThePlatformsResults(String platform) throws Exception {
    List<SampleResult> samples = EmbeddedJMeter.run(EmbeddedJMeter.load(EmbeddedJMeter.example("echo.jmx").toPath()),
        Map.of("platform", platform, "url", server.url(), "trustPem", server.trustPem().toString(), "config", "",
            "facade", "thread", "threads", String.valueOf(THREADS), "loops", String.valueOf(LOOPS),
            "message", "hello", "timeoutMs", "10000"));

    assertThat(samples).hasSize(THREADS * LOOPS * 4);
    assertThat(samples).allSatisfy(sample -> assertThat(sample.isSuccessful())
        .as("%s: %s %s", sample.getSampleLabel(), sample.getResponseCode(), sample.getResponseMessage()).isTrue());
    assertThat(labelled(samples, "connect")).hasSize(THREADS * LOOPS).allSatisfy(connect -> {
      assertThat(connect.getResponseCode()).isEqualTo("connectSocket:ok");
      assertThat(connect.getResponseMessage()).isEqualTo("{\"errMsg\":\"connectSocket:ok\"}");
      assertThat(connect.getConnectTime()).isEqualTo(connect.getTime()).isEqualTo(connect.getLatency());
      assertThat(connect.getResponseHeaders()).contains("upgrade");
    });
    assertThat(labelled(samples, "send")).allSatisfy(send ->
        assertThat(send.getResponseCode()).isEqualTo("sendSocketMessage:ok"));
    assertThat(labelled(samples, "echo")).allSatisfy(echo -> {
      assertThat(echo.getResponseCode()).isEqualTo("onMessage");
      assertThat(echo.getResponseDataAsString()).matches("hello [1-2]");
    });
    assertThat(labelled(samples, "echo").stream().map(e -> e.getThreadName() + e.getResponseDataAsString())
        .collect(Collectors.toSet())).as("each virtual user gets its own echo").hasSize(THREADS);
    assertThat(labelled(samples, "close")).allSatisfy(close -> {
      assertThat(close.getResponseCode()).isEqualTo("closeSocket:ok");
      assertThat(close.getResponseDataAsString()).isEqualTo("{\"code\":1000,\"reason\":\"bye\"}");
    });
    assertThat(Facades.openCount()).as("facades and transports left open").isZero();
  }

  static List<SampleResult> labelled(List<SampleResult> samples, String label) {
    return samples.stream().filter(hasLabel(label)).toList();
  }

  private static Predicate<SampleResult> hasLabel(String label) {
    return sample -> sample.getSampleLabel().equals(label);
  }
}
