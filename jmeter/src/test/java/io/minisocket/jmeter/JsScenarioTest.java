package io.minisocket.jmeter;

import static io.minisocket.jmeter.EchoPlanTest.labelled;
import static io.minisocket.jmeter.Plans.named;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minisocket.jmeter.internal.Facades;
import io.minisocket.jmeter.internal.VirtualUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jmeter.samplers.SampleResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JavaScript scenario sampler on JMeter's embedded engine against a local wss echo server: the example plan and
 * scenario, and the failures a script can give.
 */
class JsScenarioTest extends EchoServerTest {
  private static final int THREADS = 2;
  private static final int LOOPS = 2;
  private static final Path SCENARIO = EmbeddedJMeter.EXAMPLES.resolve("scenario.js");

  @AfterEach
  void nothingLeftOpen() {
    assertThat(Facades.openCount()).as("facades and transports left open after the run").isZero();
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet())
        .as("script loop threads still alive").noneMatch(t -> t.getName().startsWith("minisocket-js-")));
  }

  @Test
  void theExamplePlanRunsTheScenarioOncePerVirtualUserEachFunctionOneSample() throws Exception {
    List<SampleResult> samples = EmbeddedJMeter.run(
        EmbeddedJMeter.load(EmbeddedJMeter.example("js-scenario.jmx").toPath()),
        Map.of("script", SCENARIO.toString(), "url", server.url(), "trustPem", server.trustPem().toString(),
            "config", "", "threads", String.valueOf(THREADS), "loops", String.valueOf(LOOPS), "message", "hello",
            "timeoutMs", "10000"));

    assertThat(samples).hasSize(THREADS * LOOPS * 3);
    assertThat(samples).allSatisfy(sample -> {
      assertThat(sample.isSuccessful())
          .as("%s: %s %s", sample.getSampleLabel(), sample.getResponseCode(), sample.getResponseMessage()).isTrue();
      assertThat(sample.getResponseCode()).isEqualTo(VirtualUser.RETURNED);
    });
    assertThat(labelled(samples, "connect")).hasSize(THREADS * LOOPS).allSatisfy(connect -> {
      assertThat(connect.getResponseDataAsString()).isEqualTo("{\"readyState\":1}");
      assertThat(connect.getResponseMessage()).isEqualTo("connect() returned JSON");
    });
    assertThat(labelled(samples, "echo")).hasSize(THREADS * LOOPS).allSatisfy(echo -> {
      assertThat(echo.getResponseDataAsString()).matches("hello [1-2]");
      assertThat(echo.getResponseMessage()).isEqualTo("echo() returned a string");
    });
    assertThat(labelled(samples, "echo").stream().map(e -> e.getThreadName() + e.getResponseDataAsString())
        .distinct()).as("each virtual user gets its own echo").hasSize(THREADS);
    assertThat(labelled(samples, "close")).hasSize(THREADS * LOOPS).allSatisfy(close ->
        assertThat(close.getResponseDataAsString()).isEqualTo("{\"code\":1000,\"reason\":\"bye\"}"));
  }

  @Test
  void anErrorTheScriptThrowsOrARejectedPromiseFailsTheSampleWithTheJavaScriptErrorAndTheScriptGoesOn()
      throws Exception {
    List<SampleResult> samples = EmbeddedJMeter.run(Plans.plan(1,
        scenario("echo first", SCENARIO, "echo", server.url()),
        scenario("connect", SCENARIO, "connect", server.url()),
        scenario("no such function", SCENARIO, "nope", server.url()),
        scenario("echo", SCENARIO, "echo", server.url()),
        scenario("close", SCENARIO, "close", server.url()),
        scenario("refused", SCENARIO, "connect", "wss://127.0.0.1:1/")), Map.of());

    assertThat(samples).extracting(SampleResult::getSampleLabel)
        .containsExactly("echo first", "connect", "no such function", "echo", "close", "refused");
    assertThat(labelled(samples, "echo first")).singleElement().satisfies(thrown -> {
      assertThat(thrown.isSuccessful()).isFalse();
      assertThat(thrown.getResponseCode()).isEqualTo(VirtualUser.JS_ERROR);
      assertThat(thrown.getResponseMessage()).startsWith("Error: echo: no open socket; call connect first")
          .contains("scenario.js:");
    });
    assertThat(labelled(samples, "no such function")).singleElement().satisfies(missing -> {
      assertThat(missing.isSuccessful()).isFalse();
      assertThat(missing.getResponseCode()).isEqualTo(VirtualUser.BAD_PROPERTY);
      assertThat(missing.getResponseMessage()).isEqualTo("function: the script has no function 'nope' (exported or "
          + "global)");
    });
    assertThat(samples.subList(1, 2)).allSatisfy(ok -> assertThat(ok.isSuccessful()).isTrue());
    assertThat(samples.subList(3, 5)).allSatisfy(ok -> assertThat(ok.isSuccessful()).isTrue());
    assertThat(labelled(samples, "echo").get(0).getResponseDataAsString()).isEqualTo("hello");
    assertThat(labelled(samples, "refused")).singleElement().satisfies(rejected -> {
      assertThat(rejected.isSuccessful()).isFalse();
      assertThat(rejected.getResponseCode()).isEqualTo(VirtualUser.JS_ERROR);
      assertThat(rejected.getResponseMessage()).startsWith("Uncaught (in promise) Error: connection refused");
    });
  }

  @Test
  void badPropertiesSyntaxErrorsTimeoutsAndUncaughtCallbackErrorsFailTheSampleSayingWhat(@TempDir Path dir)
      throws Exception {
    Path broken = Files.writeString(dir.resolve("broken.js"), "exports.f = () => {;\n");
    Path script = Files.writeString(dir.resolve("script.js"), String.join("\n",
        "exports.hang = () => new Promise(() => {});",
        "exports.ok = () => 'ok';",
        "exports.late = () => {",
        "  setTimeout(() => { throw new Error('boom in a timer'); }, 0);",
        "  return new Promise((resolve) => setTimeout(() => resolve('done'), 50));",
        "};", ""));
    JsScenarioSampler unknownPlatform = scenario("unknown platform", script, "ok", server.url());
    unknownPlatform.setProperty(JsScenarioSampler.PLATFORM, "qq");
    JsScenarioSampler hang = scenario("hang", script, "hang", server.url());
    hang.setProperty(MiniSocketSampler.TIMEOUT_MS, "500");

    List<SampleResult> samples = EmbeddedJMeter.run(Plans.plan(1,
        unknownPlatform,
        scenario("no file", dir.resolve("missing.js"), "f", server.url()),
        scenario("syntax error", broken, "f", server.url()),
        hang,
        scenario("after the timeout", script, "ok", server.url()),
        scenario("uncaught", script, "late", server.url())), Map.of());

    assertThat(samples).extracting(SampleResult::getSampleLabel).containsExactly("unknown platform", "no file",
        "syntax error", "hang", "after the timeout", "uncaught");
    assertThat(samples).extracting(SampleResult::getResponseCode).containsExactly(VirtualUser.BAD_PROPERTY,
        VirtualUser.BAD_PROPERTY, VirtualUser.JS_ERROR, VirtualUser.TIMEOUT, VirtualUser.RETURNED,
        VirtualUser.UNCAUGHT);
    assertThat(samples.get(0).getResponseMessage())
        .isEqualTo("platform: a JavaScript scenario runs on wx, my, uni or taro, got 'qq'");
    assertThat(samples.get(1).getResponseMessage()).isEqualTo("script: no JavaScript file at '"
        + dir.resolve("missing.js") + "'");
    assertThat(samples.get(2).getResponseMessage()).startsWith("loading " + broken + ": SyntaxError")
        .contains("broken.js:2");
    assertThat(samples.get(3).getResponseMessage())
        .startsWith("hang(): no result within 500 ms (the script is closed; the next sample starts it again)");
    assertThat(samples.get(4).getResponseDataAsString()).isEqualTo("ok");
    assertThat(samples.get(5).getResponseMessage()).startsWith("Error: boom in a timer").contains("script.js:4");
  }

  private static JsScenarioSampler scenario(String label, Path script, String function, String url) {
    Map<String, String> properties = new HashMap<>(Map.of(JsScenarioSampler.PLATFORM, "wx",
        JsScenarioSampler.SCRIPT, script.toString(), JsScenarioSampler.FUNCTION, function,
        JsScenarioSampler.GLOBALS, "SERVER_URL=" + url, JsScenarioSampler.TRUST_PEM, server.trustPem().toString()));
    if (function.equals("echo")) {
      properties.put(JsScenarioSampler.ARGUMENTS, "hello");
    }
    return named(new JsScenarioSampler(), label, properties);
  }
}
