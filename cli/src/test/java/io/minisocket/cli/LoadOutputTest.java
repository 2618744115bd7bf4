package io.minisocket.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.minisocket.core.ConnectOptions;
import io.minisocket.core.SocketConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadOutputTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir
  Path dir;

  /** Round trips of 1, 2, ..., 1000 ms; connect times of 10 ms each. */
  private static LoadSummary summary() {
    Histogram connect = new Histogram(3);
    Histogram roundTrip = new Histogram(3);
    for (int i = 1; i <= 1000; i++) {
      roundTrip.recordValue(i * 1000L);
    }
    for (int i = 0; i < 4; i++) {
      connect.recordValue(10_000);
    }
    LoadRun.Plan plan = new LoadRun.Plan(Platform.WX, ConnectOptions.builder().url("wss://localhost:1/").build(),
        SocketConfig.defaults(), 4, 1, 500, Duration.ofHours(1), 64, 16, 256, Duration.ofSeconds(5));
    Map<String, Long> errors = new TreeMap<>(Map.of("onClose 1006 a, \"broken\" pipe", 1L));
    List<LoadSecond> series = List.of(new LoadSecond(1, 0, 0, 0, 0, 0, null, null),
        new LoadSecond(2, 4, 500, 499, 1, 1, 0.5, 12.25));
    return new LoadSummary(plan, Duration.ofMillis(2500), 4, 0, 0, 0, 1, connect, roundTrip, 1000, 1000, 0, 0, 0,
        2.0, errors, series);
  }

  @Test
  void theSummaryGivesP50P90P99P999AndMaxInMilliseconds() {
    Map<String, Object> roundTrip = LoadSummary.percentiles(summary().roundTripMicros());

    assertThat(roundTrip.keySet()).containsExactly("count", "p50", "p90", "p99", "p99.9", "max");
    assertThat(roundTrip.get("count")).isEqualTo(1000L);
    // HdrHistogram with 3 significant digits: within 0.1 %
    assertThat((Double) roundTrip.get("p50")).isCloseTo(500.0, within(0.5));
    assertThat((Double) roundTrip.get("p90")).isCloseTo(900.0, within(0.9));
    assertThat((Double) roundTrip.get("p99")).isCloseTo(990.0, within(1.0));
    assertThat((Double) roundTrip.get("p99.9")).isCloseTo(999.0, within(1.0));
    assertThat((Double) roundTrip.get("max")).isCloseTo(1000.0, within(1.0));
    assertThat(LoadSummary.percentiles(new Histogram(3))).containsEntry("count", 0L).containsEntry("p50", null)
        .containsEntry("max", null);
  }

  @Test
  void theTextSummaryShowsTheSamePercentilesAndTheCtrlC() {
    java.io.StringWriter text = new java.io.StringWriter();
    summary().print(new java.io.PrintWriter(text));

    assertThat(text.toString())
        .contains("interrupted  after 2s of 1h (Ctrl-C or SIGTERM)")
        .containsPattern("round trip   p50 500\\.\\d\\d ms  p90 900\\.\\d\\d ms  p99 99\\d\\.\\d\\d ms  "
            + "p99\\.9 99\\d\\.\\d\\d ms  max 1000\\.\\d\\d ms  \\(1000 echoes\\)");
  }

  @Test
  void jsonHoldsTheSummaryAndTheSeries() throws IOException {
    Path file = dir.resolve("run.json");
    LoadOutput.of(file).write(summary(), file);

    JsonNode json = JSON.readTree(file.toFile());
    assertThat(json.path("plan").path("platform").asText()).isEqualTo("wx");
    assertThat(json.path("plan").path("durationSeconds").asDouble()).isEqualTo(3600.0);
    assertThat(json.path("stoppedAfterSeconds").asDouble()).isEqualTo(2.5);
    assertThat(json.path("connections").path("opened").asLong()).isEqualTo(4);
    assertThat(json.path("connectMillis").path("p99.9").asDouble()).isCloseTo(10.0, within(0.01));
    assertThat(json.path("roundTripMillis").path("p50").asDouble()).isCloseTo(500.0, within(0.5));
    assertThat(json.path("messages").path("sentPerSecond").asDouble()).isEqualTo(500.0);
    assertThat(json.path("errors").path("onClose 1006 a, \"broken\" pipe").asLong()).isEqualTo(1);
    assertThat(json.path("result").asText()).isEqualTo("FAILED");
    assertThat(json.path("series")).hasSize(2);
    assertThat(json.path("series").get(0).path("roundTripP50Millis").isNull()).isTrue();
    JsonNode second = json.path("series").get(1);
    assertThat(second.path("second").asLong()).isEqualTo(2);
    assertThat(second.path("open").asInt()).isEqualTo(4);
    assertThat(second.path("sent").asLong()).isEqualTo(500);
    assertThat(second.path("echoed").asLong()).isEqualTo(499);
    assertThat(second.path("roundTripP99Millis").asDouble()).isEqualTo(12.25);
  }

  @Test
  void csvHoldsTheSummaryAsMetricValueRowsThenTheSeries() throws IOException {
    Path file = dir.resolve("run.CSV");
    LoadOutput.of(file).write(summary(), file);

    String[] tables = Files.readString(file).split("\n\n", -1);
    assertThat(tables).hasSize(2);
    List<List<String>> summary = rows(tables[0]);
    assertThat(summary.get(0)).containsExactly("metric", "value");
    Map<String, String> metrics = new LinkedHashMap<>();
    summary.stream().skip(1).forEach(row -> {
      assertThat(row).hasSize(2);
      metrics.put(row.get(0), row.get(1));
    });
    assertThat(metrics).containsEntry("plan.platform", "wx").containsEntry("stoppedAfterSeconds", "2.5")
        .containsEntry("connections.opened", "4").containsEntry("messages.sent", "1000")
        .containsEntry("errors.onClose 1006 a, \"broken\" pipe", "1").containsEntry("result", "FAILED");
    assertThat(Double.parseDouble(metrics.get("roundTripMillis.p90"))).isCloseTo(900.0, within(0.9));
    assertThat(metrics).containsKeys("connectMillis.p50", "connectMillis.p99", "roundTripMillis.p99.9",
        "roundTripMillis.max");
    List<List<String>> series = rows(tables[1]);
    assertThat(series).containsExactly(
        List.of("second", "open", "sent", "echoed", "inFlight", "errors", "roundTripP50Millis", "roundTripP99Millis"),
        List.of("1", "0", "0", "0", "0", "0", "", ""),
        List.of("2", "4", "500", "499", "1", "1", "0.5", "12.25"));
  }

  @Test
  void theFormatComesFromTheExtension() {
    assertThat(LoadOutput.of(Path.of("a/b.json"))).isEqualTo(LoadOutput.JSON);
    assertThat(LoadOutput.of(Path.of("b.Csv"))).isEqualTo(LoadOutput.CSV);
    assertThat(LoadOutput.of(Path.of("b.txt"))).isNull();
  }

  /** A minimal RFC 4180 reader: quoted cells with doubled quotes, no line breaks inside cells. */
  private static List<List<String>> rows(String table) {
    return table.lines().filter(line -> !line.isEmpty()).map(LoadOutputTest::cells).toList();
  }

  private static List<String> cells(String line) {
    List<String> cells = new java.util.ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        cell.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return Arrays.asList(cells.toArray(String[]::new));
  }
}
