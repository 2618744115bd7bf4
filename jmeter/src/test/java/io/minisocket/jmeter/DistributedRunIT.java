package io.minisocket.jmeter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minisocket.testkit.MockWebSocketServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * JMeter's distributed mode with the plugin jar as a user installs it: two {@code jmeter-server} engines as separate
 * JVMs on 127.0.0.1 (RMI SSL off), started from the JMeter home the build assembles with the plugin jar in
 * {@code lib/ext}, and a controller JVM sending them the example plans ({@code jmeter -n -t echo.jmx -R ... -l ...}):
 * first the JavaScript scenario ({@code js-scenario.jmx}: GraalJS from the plugin jar, in JMeter's class loader),
 * then the echo plan. The samples of both engines arrive at the controller's results file.
 */
class DistributedRunIT {
  private static final int THREADS = 2;
  private static final int LOOPS = 2;
  private static final Duration START = Duration.ofSeconds(60);

  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void stopEveryJvm() throws InterruptedException {
    for (Process process : processes) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void theSamplesOfBothEnginesArriveAtTheController() throws Exception {
    Path dir = fresh(EmbeddedJMeter.HOME.resolveSibling("distributed-run")); // kept for a look after a failure
    assertThat(EmbeddedJMeter.HOME.resolve("lib/ext")).isDirectoryContaining("glob:**/minisocket-jmeter-*-plugin.jar");
    try (LocalEcho echo = LocalEcho.start(dir.resolve("trust"))) {
      List<String> engines = new ArrayList<>();
      List<Path> outputs = new ArrayList<>();
      for (String name : List.of("engine-a", "engine-b")) { // both start at once
        int registry = MockWebSocketServer.unusedPort();
        Path out = dir.resolve(name + ".out");
        start(dir, out, "-s", "-Jserver_port=" + registry,
            "-Jserver.rmi.localport=" + MockWebSocketServer.unusedPort(), "-j", dir.resolve(name + ".log").toString());
        engines.add("127.0.0.1:" + registry);
        outputs.add(out);
      }
      for (Path out : outputs) {
        await().atMost(START).until(() -> read(out).contains("Created remote object"));
      }

      // the JavaScript scenario first, the engines kept; then the echo plan, which ends them (-X)
      List<Map<String, String>> scenarioSamples = control(dir, "js-scenario", engines, echo, false,
          "-Gscript=" + EmbeddedJMeter.EXAMPLES.resolve("scenario.js"));
      assertThat(scenarioSamples).as("2 engines x %d threads x %d loops x 3 functions", THREADS, LOOPS)
          .hasSize(2 * THREADS * LOOPS * 3);
      assertThat(scenarioSamples).allSatisfy(sample -> assertThat(sample.get("success"))
          .as("%s %s %s", sample.get("label"), sample.get("responseCode"), sample.get("responseMessage"))
          .isEqualTo("true"));
      assertThat(scenarioSamples).filteredOn(sample -> sample.get("label").equals("echo"))
          .extracting(sample -> sample.get("responseMessage")).containsOnly("echo() returned a string");
      assertThat(scenarioSamples).extracting(sample -> sample.get("threadName"))
          .as("thread names carry the engine").anyMatch(name -> name.contains(engines.get(0)))
          .anyMatch(name -> name.contains(engines.get(1)));

      List<Map<String, String>> samples = control(dir, "echo", engines, echo, true, "-Gplatform=wx");
      assertThat(samples).as("2 engines x %d threads x %d loops x 4 samplers", THREADS, LOOPS)
          .hasSize(2 * THREADS * LOOPS * 4);
      assertThat(samples).allSatisfy(sample -> assertThat(sample.get("success"))
          .as("%s %s %s", sample.get("label"), sample.get("responseCode"), sample.get("responseMessage"))
          .isEqualTo("true"));
      assertThat(samples).filteredOn(sample -> sample.get("label").equals("connect"))
          .extracting(sample -> sample.get("responseCode")).containsOnly("connectSocket:ok");
      assertThat(samples).extracting(sample -> sample.get("threadName"))
          .as("thread names carry the engine").anyMatch(name -> name.contains(engines.get(0)))
          .anyMatch(name -> name.contains(engines.get(1)));
      assertThat(echo.server().received()).as("the scenario's echoes and the plan's").hasSize(2 * 2 * THREADS * LOOPS);
    }
  }

  /**
   * Runs a plan of the examples folder from a controller JVM on the engines and reads its results.
   *
   * @param exit whether the engines exit after the run ({@code -X})
   */
  private List<Map<String, String>> control(Path dir, String plan, List<String> engines, LocalEcho echo,
      boolean exit, String... properties) throws Exception {
    Path results = dir.resolve(plan + ".jtl");
    List<String> arguments = new ArrayList<>(List.of(
        "-n", "-t", EmbeddedJMeter.example(plan + ".jmx").toString(), "-R", String.join(",", engines),
        "-l", results.toString(), "-j", dir.resolve(plan + ".log").toString(),
        "-Gurl=" + echo.url(), "-GtrustPem=" + echo.trustPem(),
        "-Gconfig={\"socketDomains\":[\"localhost\"]}", // read by the plugin's relocated Jackson
        "-Gthreads=" + THREADS, "-Gloops=" + LOOPS,
        // an engine's first connects include its JVM's warm-up (class loading, TLS set-up): about 5 s here,
        // with three JVMs starting on two shared cores; the default 10 s was once not enough
        "-GtimeoutMs=30000"));
    if (exit) {
      arguments.add("-X");
    }
    arguments.addAll(List.of(properties));
    Path out = dir.resolve(plan + ".out");
    Process controller = start(dir, out, arguments.toArray(String[]::new));
    assertThat(controller.waitFor(90, TimeUnit.SECONDS)).as("controller finished; output:%n%s", read(out)).isTrue();
    assertThat(controller.exitValue()).isZero();
    return csv(results);
  }

  private Process start(Path dir, Path out, String... arguments) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // short-lived JVMs on a shared machine: the quick compiler only, one GC thread
        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djava.rmi.server.hostname=127.0.0.1", "-jar",
        EmbeddedJMeter.HOME.resolve("bin/ApacheJMeter.jar").toString(), "-Jserver.rmi.ssl.disable=true"));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(out.toFile()).start();
    processes.add(process);
    return process;
  }

  private static Path fresh(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
      }
    }
    return Files.createDirectories(dir);
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }

  /** JMeter's CSV results: a header line, then one sample per line; fields may be quoted with "" inside. */
  private static List<Map<String, String>> csv(Path file) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    String text = Files.readString(file, StandardCharsets.UTF_8);
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\n') {
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else if (c != '\r') {
        field.append(c);
      }
    }
    List<String> header = rows.get(0);
    List<Map<String, String>> samples = new ArrayList<>();
    for (List<String> values : rows.subList(1, rows.size())) {
      Map<String, String> sample = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        sample.put(header.get(i), i < values.size() ? values.get(i) : "");
      }
      samples.add(sample);
    }
    return samples;
  }
}
