package io.minisocket.jmeter;

import static io.minisocket.jmeter.EchoPlanTest.labelled;
import static io.minisocket.jmeter.Plans.named;
import static org.assertj.core.api.Assertions.assertThat;

import io.minisocket.jmeter.internal.Facades;
import io.minisocket.jmeter.internal.VirtualUser;
import io.minisocket.testkit.Handshake;
import io.minisocket.testkit.MockWebSocketServer;
import io.minisocket.testkit.SelfSignedCertificate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jmeter.samplers.SampleResult;
import org.apache.jorphan.collections.HashTree;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The samplers' results in plans built in code, run on JMeter's embedded engine against a local wss server. */
class SamplerBehaviourTest extends EchoServerTest {
  @AfterEach
  void nothingLeftOpen() {
    assertThat(Facades.openCount()).as("facades and transports left open after the run").isZero();
  }

  @ParameterizedTest(name = "{0}: shared facade refuses the 6th socket with {1}")
  @CsvSource(delimiter = '|', value = {
      "wx | connectSocket:fail exceed max concurrent count | {\"errMsg\":\"connectSocket:fail exceed max concurrent count\"}",
      "my | 1 | {\"error\":1,\"errorMessage\":\"最多支持 5 个 WebSocket 实例\"}"})
  void aFacadeSharedByTheEngineRefusesTheSixthSocketInThePlatformsWords(
      String platform, String code, String message) throws Exception {
    List<SampleResult> samples = holdSixSockets(platform, "engine");

    List<SampleResult> connects = labelled(samples, "connect");
    assertThat(connects).hasSize(6);
    assertThat(connects).filteredOn(SampleResult::isSuccessful).hasSize(5);
    assertThat(connects).filteredOn(sample -> !sample.isSuccessful()).singleElement().satisfies(refused -> {
      assertThat(refused.getResponseCode()).isEqualTo(code);
      assertThat(refused.getResponseMessage()).isEqualTo(message);
    });
    assertThat(labelled(samples, "close")).filteredOn(SampleResult::isSuccessful).hasSize(5);
  }

  @Test
  void aFacadePerThreadGivesEveryVirtualUserItsOwnLimit() throws Exception {
    List<SampleResult> samples = holdSixSockets("wx", "thread");

    assertThat(labelled(samples, "connect")).hasSize(6).allSatisfy(connect ->
        assertThat(connect.isSuccessful()).as(connect.getResponseMessage()).isTrue());
  }

  @ParameterizedTest(name = "wx base library {0}: {1} of 2 sockets survive")
  @CsvSource({"3.0.0, 2", "1.6.0, 1"})
  void thePlatformsSettingsApply(String baseLibrary, int survivors) throws Exception {
    List<SampleResult> samples = holdSockets(2, connect("wx", Map.of(ConnectSampler.FACADE, "engine",
        ConnectSampler.SETTINGS, "# before 1.7.0 a new connectSocket closes the socket there is\nbaseLibraryVersion="
            + baseLibrary)));

    assertThat(labelled(samples, "close")).filteredOn(SampleResult::isSuccessful).hasSize(survivors);
  }

  /** Six virtual users connect; none closes before all six have connected. */
  private static List<SampleResult> holdSixSockets(String platform, String facade) throws Exception {
    return holdSockets(6, connect(platform, Map.of(ConnectSampler.FACADE, facade)));
  }

  private static List<SampleResult> holdSockets(int threads, ConnectSampler connect) throws Exception {
    CloseSampler close = named(new CloseSampler(), "close", Map.of(CloseSampler.CODE, "1000"));
    HashTree plan = Plans.plan(threads, connect, close);
    Plans.rendezvousBefore(plan, close, threads);
    return EmbeddedJMeter.run(plan, Map.of());
  }

  @Test
  void sendReceiveAndCloseBeforeAConnectFailWithNoSocket() throws Exception {
    List<SampleResult> samples = EmbeddedJMeter.run(Plans.plan(1,
        named(new SendSampler(), "send", Map.of(SendSampler.MESSAGE, "hello")),
        named(new ReceiveSampler(), "receive", Map.of(ReceiveSampler.TIMEOUT_MS, "100")),
        named(new CloseSampler(), "close", Map.of())), Map.of());

    assertThat(samples).hasSize(3).allSatisfy(sample -> {
      assertThat(sample.isSuccessful()).isFalse();
      assertThat(sample.getResponseCode()).isEqualTo(VirtualUser.NO_SOCKET);
      assertThat(sample.getResponseMessage()).contains("connect sampler must open one first");
    });
  }

  @Test
  void badPropertiesFailTheSampleSayingWhatIsWrong() throws Exception {
    List<SampleResult> samples = EmbeddedJMeter.run(Plans.plan(1,
        named(connect("nope", Map.of()), "unknown platform", Map.of()),
        named(connect("wx", Map.of(ConnectSampler.SETTINGS, "colour=blue")), "unknown setting", Map.of()),
        named(connect("wx", Map.of(ConnectSampler.FACADE, "global")), "bad facade", Map.of()),
        named(connect("wx", Map.of(ConnectSampler.CONFIG, "{\"urlCheck\": 3}")), "bad config", Map.of()),
        named(connect("wx", Map.of()), "connect", Map.of()),
        named(new SendSampler(), "not base64", Map.of(SendSampler.MESSAGE, "%%", SendSampler.BINARY, "true"))),
        Map.of());

    assertThat(samples).hasSize(6);
    assertThat(samples).filteredOn(sample -> !sample.getSampleLabel().equals("connect")).allSatisfy(sample -> {
      assertThat(sample.isSuccessful()).isFalse();
      assertThat(sample.getResponseCode()).isEqualTo(VirtualUser.BAD_PROPERTY);
    });
    assertThat(labelled(samples, "unknown platform").get(0).getResponseMessage())
        .isEqualTo("platform: unknown platform 'nope', found: my, qq-test, taro, uni, wx");
    assertThat(labelled(samples, "unknown setting").get(0).getResponseMessage())
        .isEqualTo("settings: 'colour' is not a setting of wx; known: baseLibraryVersion, connectionLimit");
    assertThat(labelled(samples, "bad facade").get(0).getResponseMessage())
        .isEqualTo("facade must be thread or engine, got 'global'");
    assertThat(labelled(samples, "bad config").get(0).getResponseMessage()).contains("urlCheck");
    assertThat(labelled(samples, "not base64").get(0).getResponseMessage()).startsWith("message is not Base64");
  }

  @Test
  void thePlatformsOwnRefusalsAreItsResults() throws Exception {
    List<SampleResult> samples = EmbeddedJMeter.run(Plans.plan(1,
        named(connect("wx", Map.of(ConnectSampler.URL, "ws://127.0.0.1:1/")), "ws url", Map.of()),
        named(connect("my", Map.of(ConnectSampler.HEADERS, "Referer: https://example.com")), "referer", Map.of()),
        named(connect("wx", Map.of()), "connect", Map.of()),
        named(new CloseSampler(), "bad code", Map.of(CloseSampler.CODE, "1001"))), Map.of());

    assertThat(labelled(samples, "ws url").get(0).getResponseCode()).isEqualTo("connectSocket:fail url must use wss://");
    assertThat(labelled(samples, "referer").get(0)).satisfies(referer -> {
      assertThat(referer.getResponseCode()).isEqualTo("1");
      assertThat(referer.getResponseMessage()).isEqualTo("{\"error\":1,\"errorMessage\":\"header 'Referer' cannot be set\"}");
    });
    assertThat(labelled(samples, "bad code").get(0)).satisfies(badCode -> {
      assertThat(badCode.isSuccessful()).isFalse();
      assertThat(badCode.getResponseCode()).startsWith("closeSocket:fail");
    });
    assertThat(samples).filteredOn(SampleResult::isSuccessful).extracting(SampleResult::getSampleLabel)
        .containsExactly("connect");
  }

  @Test
  void aReceivePassesOverMessagesThatDoNotMatchAndTimesOutWhenNoneComes() throws Exception {
    List<SampleResult> samples = EmbeddedJMeter.run(Plans.plan(1,
        named(connect("wx", Map.of()), "connect", Map.of()),
        named(new SendSampler(), "send 1", Map.of(SendSampler.MESSAGE, "skip me")),
        named(new SendSampler(), "send 2", Map.of(SendSampler.MESSAGE, "want me")),
        named(new ReceiveSampler(), "matching", Map.of(ReceiveSampler.MATCH, "want")),
        named(new SendSampler(), "send binary", Map.of(SendSampler.MESSAGE, "AAEC/w==", SendSampler.BINARY, "true")),
        named(new ReceiveSampler(), "binary", Map.of()),
        named(new ReceiveSampler(), "nothing more", Map.of(ReceiveSampler.TIMEOUT_MS, "200"))), Map.of());

    assertThat(labelled(samples, "matching").get(0)).satisfies(echo -> {
      assertThat(echo.isSuccessful()).isTrue();
      assertThat(echo.getResponseCode()).isEqualTo("onMessage");
      assertThat(echo.getResponseMessage()).isEqualTo("text, 7 characters");
      assertThat(echo.getResponseDataAsString()).isEqualTo("want me");
    });
    assertThat(labelled(samples, "binary").get(0)).satisfies(echo -> {
      assertThat(echo.getResponseMessage()).isEqualTo("binary, 4 bytes");
      assertThat(echo.getResponseData()).containsExactly(0, 1, 2, 0xff);
      assertThat(echo.getTime()).as("the round trip from the send's start").isGreaterThanOrEqualTo(0)
          .isEqualTo(echo.getLatency());
    });
    assertThat(labelled(samples, "nothing more").get(0)).satisfies(timeout -> {
      assertThat(timeout.isSuccessful()).isFalse();
      assertThat(timeout.getResponseCode()).isEqualTo(VirtualUser.TIMEOUT);
      assertThat(timeout.getResponseMessage()).isEqualTo("onMessage: no message within 200 ms");
    });
  }

  @Test
  void aSocketLeftOpenIsClosedWithCode1000WhenItsThreadEnds(@TempDir Path dir) throws Exception {
    try (MockWebSocketServer mock = MockWebSocketServer.builder().tls(SelfSignedCertificate.localhost()).start()) {
      Path pem = mock.certificate().writeCertificatePem(dir);
      List<SampleResult> samples = EmbeddedJMeter.run(Plans.plan(1, named(connect("wx", Map.of(
          ConnectSampler.URL, mock.url(), ConnectSampler.TRUST_PEM, pem.toString())), "connect", Map.of())), Map.of());

      assertThat(samples).singleElement().satisfies(connect -> assertThat(connect.isSuccessful()).isTrue());
      assertThat(mock.awaitClose(Duration.ofSeconds(10))).satisfies(close -> {
        assertThat(close.code()).isEqualTo(1000);
        assertThat(close.reason()).isEqualTo("JMeter thread finished");
      });
    }
  }

  @Test
  void aConnectThatDoesNotOpenFailsWithTheErrorOrTheTimeoutAndLeavesNothingOpen(@TempDir Path dir) throws Exception {
    try (MockWebSocketServer mock = MockWebSocketServer.builder().tls(SelfSignedCertificate.localhost()).start()) {
      mock.enqueue(Handshake.rejectWith(403));
      mock.enqueue(Handshake.stallHandshake());
      Map<String, String> target = Map.of(ConnectSampler.URL, mock.url(),
          ConnectSampler.TRUST_PEM, mock.certificate().writeCertificatePem(dir).toString());
      List<SampleResult> samples = EmbeddedJMeter.run(Plans.plan(1,
          named(connect("wx", target), "rejected", Map.of()),
          named(connect("wx", target), "stalled", Map.of(ConnectSampler.TIMEOUT_MS, "500"))), Map.of());

      assertThat(labelled(samples, "rejected").get(0)).satisfies(rejected -> {
        assertThat(rejected.isSuccessful()).isFalse();
        assertThat(rejected.getResponseMessage()).startsWith("{\"errMsg\":").contains("403");
      });
      assertThat(labelled(samples, "stalled").get(0)).satisfies(stalled -> {
        assertThat(stalled.isSuccessful()).isFalse();
        assertThat(stalled.getResponseCode()).isEqualTo(VirtualUser.TIMEOUT);
        assertThat(stalled.getResponseMessage())
            .isEqualTo("connectSocket: no open, error or close within 500 ms (readyState 0)");
      });
      mock.awaitDisconnect(Duration.ofSeconds(10)); // the stalled connection was given up, not left open
    }
  }

  private static ConnectSampler connect(String platform, Map<String, String> properties) {
    Map<String, String> all = new HashMap<>(Map.of(ConnectSampler.PLATFORM, platform,
        ConnectSampler.URL, server.url(), ConnectSampler.TRUST_PEM, server.trustPem().toString()));
    all.putAll(properties);
    return named(new ConnectSampler(), "connect", all);
  }
}
