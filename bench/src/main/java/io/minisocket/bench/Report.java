package io.minisocket.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The figures as Markdown tables: medians per client with the ratio to raw Vert.x and the verdict on each target
 * ({@link Targets}), min / median / max per client, and the targets table.
 */
final class Report {

  /** One figure of one workload. */
  private record Metric(String key, String label, double unit, String format, boolean ratio) {
    String show(double value) {
      return String.format(Locale.ROOT, format, value / unit);
    }
  }

  private static final List<Metric> METRICS = List.of(
      new Metric("msgsPerSec", "throughput: echo msgs/s (1 conn, 64 B text, window 1024, sent on the client's thread)",
          1, "%,.0f", true),
      new Metric("cpu", "throughput: client CPU (cores busy)", 1, "%.2f", true),
      new Metric("otMsgsPerSec", "throughput-other-thread: echo msgs/s (1 conn, window 1024, sent from a user thread)",
          1, "%,.0f", true),
      new Metric("otCpu", "throughput-other-thread: client CPU (cores busy)", 1, "%.2f", true),
      new Metric("p50", "latency: round trip p50 (µs)", 1, "%,.1f", true),
      new Metric("p99", "latency: round trip p99 (µs)", 1, "%,.1f", true),
      new Metric("p999", "latency: round trip p99.9 (µs)", 1, "%,.1f", true),
      new Metric("max", "latency: round trip max (µs)", 1, "%,.0f", true),
      new Metric("connections", "scale: connections open", 1, "%,.0f", false),
      new Metric("connectsPerSec", "scale: connects/s (200 handshakes in flight)", 1, "%,.0f", true),
      new Metric("heapPerConn", "scale: heap per open connection after GC (KiB)", 1024, "%,.1f", true),
      new Metric("rssMiB", "scale: process RSS with all open (MiB)", 1, "%,.0f", true),
      new Metric("threads", "scale: threads with all open", 1, "%,.0f", true),
      new Metric("mcConnections", "many-connections: connections, 1 message in flight on each", 1, "%,.0f", false),
      new Metric("mcMsgsPerSec", "many-connections: echo msgs/s", 1, "%,.0f", true),
      new Metric("mcCpu", "many-connections: client CPU (cores busy)", 1, "%.2f", true),
      new Metric("allocPerMsg", "alloc: client heap allocated per echo, all threads (B)", 1, "%,.0f", true),
      new Metric("allocThreadsEnded", "alloc: client threads that ended while counting", 1, "%,.0f", false));

  private final Map<String, Map<String, List<Double>>> results;
  private final List<String> clients;
  private final Duration took;
  private final List<String> header;

  /**
   * @param results client → figure → one value per repetition
   * @param clients the clients, in the order of the table's columns
   * @param took    how long the whole run took
   * @param header  lines about the machine and the run
   */
  Report(Map<String, Map<String, List<Double>>> results, List<String> clients, Duration took, List<String> header) {
    this.results = results;
    this.clients = clients;
    this.took = took;
    this.header = header;
  }

  /** @return {@code git describe --always --dirty} of the working directory, or "unknown" */
  static String commit() {
    try {
      Process git = new ProcessBuilder("git", "describe", "--always", "--dirty").redirectErrorStream(true).start();
      String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return git.waitFor() == 0 && !out.isEmpty() ? out : "unknown";
    } catch (IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  /** @return the machine: CPUs, CPU model, JDK and OS as seen by this JVM */
  static List<String> machine() {
    String model = "unknown CPU";
    try {
      model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(model);
    } catch (IOException e) {
      // not Linux: keep "unknown CPU"
    }
    return List.of(String.format(Locale.ROOT, "machine: %d CPUs, %s, %s %s (%s), %s %s",
        Runtime.getRuntime().availableProcessors(), model, System.getProperty("java.vm.name"),
        System.getProperty("java.runtime.version"), System.getProperty("java.vendor"),
        System.getProperty("os.name"), System.getProperty("os.version")));
  }

  /** @return one run's figures, short */
  static String brief(Map<String, Double> figures) {
    List<String> parts = new ArrayList<>();
    figures.forEach((key, value) -> {
      Metric metric = METRICS.stream().filter(m -> m.key.equals(key)).findFirst().orElse(null);
      parts.add(key + "=" + (metric == null ? String.format(Locale.ROOT, "%,.0f", value) : metric.show(value)));
    });
    return String.join(" ", parts);
  }

  List<String> lines() {
    List<String> out = new ArrayList<>();
    out.add("");
    out.add(String.format(Locale.ROOT, "### Results of %s (the run took %d min %02d s)",
        LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")), took.toMinutes(),
        took.toSecondsPart()));
    out.add("");
    header.forEach(line -> out.add(line + "  "));
    out.add("Medians, and in brackets the ratio of medians to raw Vert.x measured in the same run.");
    out.add("");
    List<Targets.Verdict> verdicts = Targets.judge(results);
    List<String> columns = new ArrayList<>(clients);
    columns.add("target (" + Targets.SUBJECT + ")");
    out.add(row("figure", columns));
    List<String> alignments = new ArrayList<>(clients.stream().map(c -> "---:").toList());
    alignments.add("---");
    out.add(row("---", alignments));
    for (Metric metric : METRICS) {
      if (clients.stream().noneMatch(c -> values(c, metric.key) != null)) {
        continue;
      }
      List<String> cells = new ArrayList<>();
      for (String client : clients) {
        List<Double> v = values(client, metric.key);
        Double ratio = metric.ratio ? ratio(client, metric.key) : null;
        cells.add(v == null ? "–" : metric.show(median(v)) + (ratio == null || client.equals(Targets.BASELINE)
            ? "" : String.format(Locale.ROOT, " (×%.2f)", ratio)));
      }
      cells.add(String.join("; ", verdicts.stream().filter(v -> v.target().metric().equals(metric.key))
          .map(v -> v.target().rule() + ": " + v.status()).toList()));
      out.add(row(metric.label, cells));
    }
    out.add("");
    out.add("Min / median / max over the repetitions:");
    out.add("");
    out.add("| figure | client | min | median | max | median ÷ raw Vert.x |");
    out.add("|---|---|---:|---:|---:|---:|");
    for (Metric metric : METRICS) {
      for (String client : clients) {
        List<Double> v = values(client, metric.key);
        if (v == null) {
          continue;
        }
        Double ratio = ratio(client, metric.key);
        out.add(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |", metric.label, client,
            metric.show(min(v)), metric.show(median(v)), metric.show(max(v)),
            ratio == null ? "–" : String.format(Locale.ROOT, "%.2f", ratio)));
      }
    }
    List<Double> core = values("wx", "heapPerTask");
    if (core != null) {
      out.add("");
      out.add(String.format(Locale.ROOT, "Core alone: retained heap per open SocketTask of the wx facade over an "
          + "in-memory transport (no network objects): %,.0f B.", median(core)));
    }
    out.add("");
    out.addAll(targets(verdicts));
    return out;
  }

  private List<String> targets(List<Targets.Verdict> verdicts) {
    List<String> out = new ArrayList<>();
    List<Double> ended = new ArrayList<>();
    clients.forEach(client -> {
      List<Double> v = values(client, "allocThreadsEnded");
      if (v != null) {
        ended.addAll(v);
      }
    });
    if (ended.stream().anyMatch(n -> n > 0)) {
      out.add("Note: client threads ended while allocations were counted in some alloc runs; those figures are lower "
          + "bounds (see allocThreadsEnded).");
      out.add("");
    }
    if (verdicts.isEmpty()) {
      out.add("Targets: no verdicts (the run needs " + Targets.SUBJECT + " and " + Targets.BASELINE
          + " or another client on a target's workload).");
      return out;
    }
    out.add(String.format(Locale.ROOT, "Targets (%s = MiniSocket; %d of %d met):", Targets.SUBJECT,
        verdicts.stream().filter(Targets.Verdict::met).count(), verdicts.size()));
    out.add("");
    out.add("| target | result (medians) | verdict |");
    out.add("|---|---|---|");
    verdicts.forEach(v -> out.add("| " + v.target().describe() + " | " + v.result() + " | "
        + (v.met() ? v.status() : "**" + v.status() + "**") + " |"));
    return out;
  }

  /**
   * @param key   a figure's key
   * @param value a value of it, in its raw unit
   * @return the value as the tables show it
   */
  static String show(String key, double value) {
    return METRICS.stream().filter(m -> m.key.equals(key)).findFirst().orElseThrow().show(value);
  }

  private Double ratio(String client, String key) {
    List<Double> v = values(client, key);
    List<Double> base = values(Targets.BASELINE, key);
    return v == null || base == null || median(base) == 0 ? null : median(v) / median(base);
  }

  private List<Double> values(String client, String key) {
    Map<String, List<Double>> byMetric = results.get(client);
    return byMetric == null ? null : byMetric.get(key);
  }

  private static String row(String first, List<String> cells) {
    return "| " + first + " | " + String.join(" | ", cells) + " |";
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().filter(Objects::nonNull).sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  static double min(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
  }

  static double max(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }
}
