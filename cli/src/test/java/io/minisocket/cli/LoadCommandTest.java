package io.minisocket.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.minisocket.testkit.EchoServer;
import io.minisocket.testkit.Handshake;
import io.minisocket.testkit.MockWebSocketServer;
import io.minisocket.testkit.Script;
import io.minisocket.testkit.SelfSignedCertificate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadCommandTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String LATENCY =
      "p50 [\\d.]+ ms  p90 [\\d.]+ ms  p99 [\\d.]+ ms  p99\\.9 [\\d.]+ ms  max [\\d.]+ ms";
  private static final Pattern MESSAGES = Pattern.compile(
      "(?m)^messages +(\\d+) sent, (\\d+) echoed, (\\d+) failed, (\\d+) lost, (\\d+) unexpected, (\\d+) skipped");

  @TempDir
  Path dir;

  @Test
  void aFewHundredConnectionsGetEveryMessageEchoedAndTheSummaryAddsUp() throws IOException {
    Path output = dir.resolve("run.json");
    try (EchoServer server = EchoServer.plain()) {
      Cli cli = Cli.run("", "load", server.url(), "--platform", "wx", "--insecure-dev",
          "--connections", "200", "--rate", "400", "--duration", "8s", "--output", output.toString());

      assertThat(cli.status()).as(cli.toString()).isZero();
      assertThat(cli.out()).contains("200 connections over 40 clients (limit 5 each), 400 msg/s for 8s")
          .contains("connections  200 opened of 200; 0 failed, 0 not attempted, 0 still connecting at the end, "
              + "0 closed abnormally")
          .containsPattern("connect time " + LATENCY + "  \\(200 opened\\)")
          .contains("errors       none", "result       ok");
      Matcher messages = MESSAGES.matcher(cli.out());
      assertThat(messages.find()).as(cli.out()).isTrue();
      long sent = Long.parseLong(messages.group(1));
      assertThat(sent).isPositive();
      assertThat(Long.parseLong(messages.group(2))).isEqualTo(sent);
      assertThat(messages.group(3) + messages.group(4) + messages.group(5)).isEqualTo("000");
      assertThat(cli.out()).containsPattern("round trip   " + LATENCY + "  \\(" + sent + " echoes\\)");
      assertThat(server.received()).hasSize((int) sent);
      assertThat(cli.err()).contains("WARNING --insecure-dev").containsPattern(
          "(?m)^\\d+s of 8s, \\d+s left  open \\d+/200  sent \\d+/s  echoed \\d+/s  errors 0  in flight \\d+$");

      JsonNode json = JSON.readTree(output.toFile());
      assertThat(json.path("messages").path("sent").asLong()).isEqualTo(sent);
      assertThat(json.path("roundTripMillis").path("count").asLong()).isEqualTo(sent);
      assertThat(json.path("connectMillis").path("count").asLong()).isEqualTo(200);
      assertThat(json.path("result").asText()).isEqualTo("ok");
      // The rate is kept by send slots, each sent or skipped (window full), never more than 400 a second;
      // how many are sent rather than skipped depends on how fast the loaded machine echoes.
      double sendSeconds = sent / json.path("messages").path("sentPerSecond").asDouble();
      long slots = sent + Long.parseLong(messages.group(6));
      assertThat(slots).as(cli.toString()).isLessThanOrEqualTo((long) (400 * sendSeconds) + 1)
          .isGreaterThan((long) (200 * sendSeconds));
      JsonNode series = json.path("series");
      assertThat(series.size()).as("a row a second for at least the 8 s of the run").isGreaterThanOrEqualTo(7);
      long sentInSeries = 0;
      for (int i = 0; i < series.size(); i++) {
        assertThat(series.get(i).path("second").asLong()).isEqualTo(i + 1);
        sentInSeries += series.get(i).path("sent").asLong();
      }
      assertThat(sentInSeries).as("the series' seconds add up to at most what was sent").isPositive()
          .isLessThanOrEqualTo(sent);
    }
  }

  @Test
  void aConnectionWhoseWindowIsFullGetsNothingMoreAndTheSlotsAreSkipped() {
    try (MockWebSocketServer server = MockWebSocketServer.builder().script(Script.silent()).start()) {
      Cli cli = Cli.run("", "load", server.url(), "-p", "wx", "--insecure-dev", "-n", "3", "-r", "200", "-d", "2s",
          "--window", "2", "--drain", "200ms");

      assertThat(cli.status()).as(cli.toString()).isEqualTo(1);
      Matcher messages = MESSAGES.matcher(cli.out());
      assertThat(messages.find()).as(cli.out()).isTrue();
      assertThat(messages.group(1)).as("sent: 3 connections x window 2").isEqualTo("6");
      assertThat(messages.group(4)).as("lost").isEqualTo("6");
      assertThat(Long.parseLong(messages.group(6))).as("skipped").isGreaterThan(100);
      assertThat(server.received()).hasSize(6);
    }
  }

  @Test
  void ctrlCClosesEverySocketWith1000AndStillPrintsAndWritesTheSummary() throws Exception {
    Path output = dir.resolve("stopped.csv");
    try (MockWebSocketServer server = MockWebSocketServer.builder().start();
         ChildCli cli = ChildCli.start("load", server.url(), "-p", "wx", "--insecure-dev", "-n", "4", "-r", "20",
             "-d", "10m", "--output", output.toString())) {
      Pattern sending = Pattern.compile("open 4/4  sent [1-9]");
      await().atMost(Duration.ofSeconds(60)).until(() -> sending.matcher(cli.err()).find());

      cli.pressCtrlC();

      assertThat(cli.awaitExit(Duration.ofSeconds(60))).as(cli.toString()).isEqualTo(130);
      assertThat(cli.err()).as("plain lines: stderr is not a terminal").doesNotContain("\r", "\u001b");
      assertThat(cli.out()).as(cli.toString())
          .containsPattern("(?m)^interrupted  after \\d+s of 10m \\(Ctrl-C or SIGTERM\\)$")
          .contains("4 opened of 4; 0 failed, 0 not attempted, 0 still connecting at the end, 0 closed abnormally")
          .contains("0 lost", "result       ok");
      assertThat(server.closes()).hasSize(4).allSatisfy(close -> assertThat(close.code()).isEqualTo(1000));
      List<String> csv = Files.readAllLines(output);
      assertThat(csv).contains("result,ok", "connections.opened,4").anyMatch(l -> l.startsWith("stoppedAfterSeconds,"))
          .contains("second,open,sent,echoed,inFlight,errors,roundTripP50Millis,roundTripP99Millis");
    }
  }

  @Test
  void withoutUrlItRunsAgainstTheEmbeddedServerWithTheTaroLimitOfTwo() {
    Cli cli = Cli.run("", "load", "-p", "taro", "-n", "6", "-r", "30", "-d", "5s");

    assertThat(cli.status()).as(cli.toString()).isZero();
    assertThat(cli.out()).containsPattern("load +taro wss://localhost:\\d+/: 6 connections over 3 clients "
        + "\\(limit 2 each\\)").contains("6 opened of 6", "result       ok");
  }

  @Test
  void failuresAreGroupedByThePlatformsErrorCode() throws IOException {
    SelfSignedCertificate certificate = SelfSignedCertificate.localhost();
    try (MockWebSocketServer server = MockWebSocketServer.builder().tls(certificate)
        .handshake(Handshake.rejectWith(403)).start()) {
      Cli cli = Cli.run("", "load", server.url(), "-p", "my", "-n", "10", "-r", "10", "-d", "20s",
          "--trust-pem", certificate.writeCertificatePem(dir).toString());

      assertThat(cli.status()).as(cli.toString()).isEqualTo(1);
      assertThat(cli.out()).contains("0 opened of 10; 10 failed", "errors       10", "result       FAILED")
          .containsPattern("(?m)^ +10  onError error 8 服务端返回协议头无效");
    }
  }

  @Test
  void aServerThatNeverAnswersDoesNotKeepTheRunFromEnding() {
    try (MockWebSocketServer server = MockWebSocketServer.builder().handshake(Handshake.stallHandshake()).start()) {
      Cli cli = Cli.run("", "load", server.url(), "-p", "uni", "--insecure-dev", "-n", "5", "-d", "1s");

      assertThat(cli.status()).as(cli.toString()).isEqualTo(1);
      assertThat(cli.out()).contains("0 opened of 5; 0 failed, 0 not attempted, 5 still connecting at the end",
          "errors       none", "result       FAILED");
    }
  }
}
