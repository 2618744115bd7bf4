package io.minisocket.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.minisocket.bench.Targets.Kind;
import io.minisocket.bench.Targets.Verdict;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetsTest {
  private final Map<String, Map<String, List<Double>>> results = new HashMap<>();

  private void put(String client, String metric, Double... values) {
    results.computeIfAbsent(client, c -> new HashMap<>()).put(metric, List.of(values));
  }

  private Verdict verdict(String metric, Kind kind) {
    return Targets.judge(results).stream()
        .filter(v -> v.target().metric().equals(metric) && v.target().kind() == kind)
        .findFirst().orElseThrow(() -> new AssertionError("no verdict on " + metric + " " + kind));
  }

  @Test
  void throughputBelowNinetyFivePercentIsMissedByTheShortfall() {
    put("wx", "msgsPerSec", 968_309.0);
    put("vertx", "msgsPerSec", 1_878_051.0);

    Verdict verdict = verdict("msgsPerSec", Kind.RATIO_AT_LEAST);

    assertThat(verdict.met()).isFalse();
    assertThat(verdict.result()).isEqualTo("wx 968,309 vs raw Vert.x 1,878,051 msgs/s = 0.52 ×");
    assertThat(verdict.status()).isEqualTo("MISSED by 0.43 ×");
  }

  @Test
  void theMediansOfTheRepetitionsAreJudged() {
    put("wx", "msgsPerSec", 10.0, 96.0, 1_000.0);
    put("vertx", "msgsPerSec", 100.0, 1.0, 100.0);

    Verdict verdict = verdict("msgsPerSec", Kind.RATIO_AT_LEAST);

    assertThat(verdict.met()).isTrue();
    assertThat(verdict.status()).isEqualTo("MET (0.01 × to spare)");
  }

  @Test
  void latencyRatiosAreUpperLimitsAndTheLimitItselfIsMet() {
    put("wx", "p99", 36.75);
    put("vertx", "p99", 35.0);
    put("wx", "p999", 89.7);
    put("vertx", "p999", 62.5);

    assertThat(verdict("p99", Kind.RATIO_AT_MOST).status()).isEqualTo("MET (0.00 × to spare)");
    Verdict p999 = verdict("p999", Kind.RATIO_AT_MOST);
    assertThat(p999.met()).isFalse();
    assertThat(p999.status()).isEqualTo("MISSED by 0.34 ×");
  }

  @Test
  void connectsPerSecondNeedNinetyFivePercent() {
    put("wx", "connectsPerSec", 6_882.0);
    put("vertx", "connectsPerSec", 9_191.0);

    assertThat(verdict("connectsPerSec", Kind.RATIO_AT_LEAST).status()).isEqualTo("MISSED by 0.20 ×");
  }

  @Test
  void heapPerConnectionMayExceedRawVertxByOneKibibyte() {
    put("wx", "heapPerConn", 11.5 * 1024);
    put("vertx", "heapPerConn", 6.0 * 1024);

    Verdict verdict = verdict("heapPerConn", Kind.EXTRA_AT_MOST);

    assertThat(verdict.target().describe()).isEqualTo("heap per open connection ≤ raw Vert.x + 1.0 KiB");
    assertThat(verdict.result()).isEqualTo("wx 11.5 vs raw Vert.x 6.0 KiB = +5.5 KiB");
    assertThat(verdict.status()).isEqualTo("MISSED by 4.5 KiB");
  }

  @Test
  void allocationPerEchoMayExceedRawVertxBySixteenBytes() {
    put("wx", "allocPerMsg", 955.0);
    put("vertx", "allocPerMsg", 697.0);
    assertThat(verdict("allocPerMsg", Kind.EXTRA_AT_MOST).status()).isEqualTo("MISSED by 242 B");

    put("wx", "allocPerMsg", 690.0);
    Verdict less = verdict("allocPerMsg", Kind.EXTRA_AT_MOST);
    assertThat(less.result()).endsWith("= −7 B");
    assertThat(less.status()).isEqualTo("MET (23 B to spare)");
  }

  @Test
  void aheadOfEveryOtherClientNamesThoseAhead() {
    put("wx", "msgsPerSec", 500.0);
    put("jdk", "msgsPerSec", 100.0);
    put("okhttp", "msgsPerSec", 50.0);
    put("javawebsocket", "msgsPerSec", 600.0);
    put("wx", "p99", 10.0);
    put("jdk", "p99", 40.0);

    Verdict throughput = verdict("msgsPerSec", Kind.AHEAD_ABOVE);
    assertThat(throughput.met()).isFalse();
    assertThat(throughput.status()).isEqualTo("MISSED behind javawebsocket");
    assertThat(throughput.result())
        .contains("jdk 100 (5.00 ×)", "okhttp 50 (10.00 ×)", "javawebsocket 600 (0.83 ×)");

    Verdict p99 = verdict("p99", Kind.AHEAD_BELOW);
    assertThat(p99.met()).as("ahead of jdk, but okhttp and javawebsocket were not in the run").isFalse();
    assertThat(p99.status()).isEqualTo("NOT JUDGED (only jdk in the run)");
    put("okhttp", "p99", 50.0);
    put("javawebsocket", "p99", 20.0);
    assertThat(verdict("p99", Kind.AHEAD_BELOW).status()).isEqualTo("MET");
  }

  @Test
  void withoutRawVertxOrOtherClientsThereIsNoVerdict() {
    put("wx", "msgsPerSec", 500.0);
    put("wx", "allocPerMsg", 900.0);

    assertThat(Targets.judge(results)).isEmpty();
  }

  @Test
  void everyTargetIsOnAFigureTheReportShows() {
    for (Targets.Target target : Targets.ALL) {
      assertThatCode(() -> Report.show(target.metric(), 1)).as(target.describe()).doesNotThrowAnyException();
    }
  }
}
