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

/** The figures as Markdown tables: min / median / max per client and the ratio of medians to raw Vert.x. */
final class Report {

  /** One figure of one workload. */
  private record Metric(String key, String label, double unit, String format, boolean ratio) {
    String show(double value) {
      return String.format(Locale.ROOT, format, value / unit);
    }
  }

  private static final List<Metric> METRICS = List.of(
      new Metric("msgsPerSec", "throughput: echo msgs/s (1 conn, 64 B text, window 1024)", 1, "%,.0f", true),
      new Metric("cpu", "throughput: client CPU (cores busy)", 1, "%.2f", true),
      new Metric("allocPerMsg", "throughput: client heap allocated per echo (B)", 1, "%,.0f", true),
      new Metric("p50", "latency: round trip p50 (µs)", 1, "%,.1f", true),
      new Metric("p99", "latency: round trip p99 (µs)", 1, "%,.1f", true),
      new Metric("p999", "latency: round trip p99.9 (µs)", 1, "%,.1f", true),
      new Metric("max", "latency: round trip max (µs)", 1, "%,.0f", true),
      new Metric("connections", "scale: connections open", 1, "%,.0f", false),
      new Metric("connectsPerSec", "scale: connects/s (200 handshakes in flight)", 1, "%,.0f", true),
      new Metric("heapPerConn", "scale: heap per open connection after GC (KiB)", 1024, "%,.1f", true),
      new Metric("rssMiB", "scale: process RSS with all open (MiB)", 1, "%,.0f", true),
      new Metric("threads", "scale: threads with all open", 1, "%,.0f", true));

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

  /** @return /proc/loadavg's first three figures, or "unknown" */
  static String loadAverage() {
    try {
      return String.join(" / ", Arrays.asList(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
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
    out.add(row("figure", clients));
    out.add(row("---", clients.stream().map(c -> "---:").toList()));
    for (Metric metric : METRICS) {
      if (clients.stream().noneMatch(c -> values(c, metric.key) != null)) {
        continue;
      }
      List<String> cells = new ArrayList<>();
      for (String client : clients) {
        List<Double> v = values(client, metric.key);
        Double ratio = metric.ratio ? ratio(client, metric.key) : null;
        cells.add(v == null ? "–" : metric.show(median(v)) + (ratio == null || client.equals(Compare.BASELINE)
            ? "" : String.format(Locale.ROOT, " (×%.2f)", ratio)));
      }
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
    out.addAll(targets());
    return out;
  }

  private List<String> targets() {
    List<String> out = new ArrayList<>();
    out.add("Targets (MiniSocket = wx):");
    Double tput = ratio("wx", "msgsPerSec");
    if (tput != null) {
      out.add(verdict(tput >= 0.90, String.format(Locale.ROOT,
          "throughput ≥ 0.90 × raw Vert.x: %.2f ×%s", tput,
          tput >= 0.90 ? "" : String.format(Locale.ROOT, ", short by %.0f %%", (0.90 - tput) / 0.90 * 100))));
    }
    Double p99 = ratio("wx", "p99");
    if (p99 != null) {
      out.add(verdict(p99 <= 1.10, String.format(Locale.ROOT, "latency p99 ≤ 1.10 × raw Vert.x: %.2f ×%s", p99,
          p99 <= 1.10 ? "" : String.format(Locale.ROOT, ", over by %.0f %%", (p99 - 1.10) / 1.10 * 100))));
    }
    ahead(out, "msgsPerSec", true, "throughput ahead of the JDK client");
    ahead(out, "p99", false, "latency p99 ahead of (below) the JDK client");
    List<Double> wxHeap = values("wx", "heapPerConn");
    List<Double> vxHeap = values(Compare.BASELINE, "heapPerConn");
    if (wxHeap != null && vxHeap != null) {
      double extra = median(wxHeap) - median(vxHeap);
      out.add(verdict(extra <= 2048, String.format(Locale.ROOT,
          "heap per idle connection ≤ raw Vert.x + 2 KiB: %.1f KiB vs %.1f KiB, +%.1f KiB%s", median(wxHeap) / 1024,
          median(vxHeap) / 1024, extra / 1024,
          extra <= 2048 ? "" : String.format(Locale.ROOT, ", over by %.1f KiB", (extra - 2048) / 1024))));
    }
    return out;
  }

  private void ahead(List<String> out, String key, boolean higherIsBetter, String what) {
    List<Double> wx = values("wx", key);
    List<Double> jdk = values("jdk", key);
    if (wx != null && jdk != null) {
      double w = median(wx);
      double j = median(jdk);
      out.add(verdict(higherIsBetter ? w > j : w < j, String.format(Locale.ROOT, "%s: wx %s vs JDK %s (%.2f ×)",
          what, show(key, w), show(key, j), w / j)));
    }
  }

  private static String show(String key, double value) {
    return METRICS.stream().filter(m -> m.key.equals(key)).findFirst().orElseThrow().show(value);
  }

  private static String verdict(boolean met, String text) {
    return "- " + (met ? "MET" : "MISSED") + ": " + text;
  }

  private Double ratio(String client, String key) {
    List<Double> v = values(client, key);
    List<Double> base = values(Compare.BASELINE, key);
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
