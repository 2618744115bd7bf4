package io.minisocket.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * MiniSocket's performance targets (issue #14), the one place that holds them, and their verdicts on the medians of
 * one run. MiniSocket is the client {@value #SUBJECT}; ratios are to raw Vert.x ({@value #BASELINE}) of the same run.
 */
final class Targets {
  /** The client the targets are for. */
  static final String SUBJECT = "wx";
  /** The client the ratios and allowances are relative to. */
  static final String BASELINE = "vertx";
  /** The clients MiniSocket has to be ahead of. */
  static final List<String> OTHERS = List.of("jdk", "okhttp", "javawebsocket");

  /** How a target compares the subject's median with the others'. */
  enum Kind {
    /** subject ÷ raw Vert.x at least the limit */
    RATIO_AT_LEAST,
    /** subject ÷ raw Vert.x at most the limit */
    RATIO_AT_MOST,
    /** subject − raw Vert.x at most the limit, in the figure's own unit */
    EXTRA_AT_MOST,
    /** subject above each of {@link #OTHERS} in the run */
    AHEAD_ABOVE,
    /** subject below each of {@link #OTHERS} in the run */
    AHEAD_BELOW
  }

  /**
   * One target.
   *
   * @param name   what is measured, as the verdict names it
   * @param metric the figure's key (see {@link Report})
   * @param kind   how it is compared
   * @param limit  the ratio, or the allowance in the figure's raw unit (bytes); unused when ahead
   * @param unit   the unit the figure is shown in
   */
  record Target(String name, String metric, Kind kind, double limit, String unit) {
    /** @return the target as a sentence, e.g. "echo throughput ≥ 0.95 × raw Vert.x" */
    String describe() {
      return name + " " + rule();
    }

    /** @return the rule alone, e.g. "≥ 0.95 × raw Vert.x" */
    String rule() {
      return switch (kind) {
        case RATIO_AT_LEAST -> String.format(Locale.ROOT, "≥ %.2f × raw Vert.x", limit);
        case RATIO_AT_MOST -> String.format(Locale.ROOT, "≤ %.2f × raw Vert.x", limit);
        case EXTRA_AT_MOST -> "≤ raw Vert.x + " + Report.show(metric, limit) + " " + unit;
        case AHEAD_ABOVE -> "above each of " + String.join(", ", OTHERS);
        case AHEAD_BELOW -> "below each of " + String.join(", ", OTHERS);
      };
    }
  }

  /**
   * The verdict on one target.
   *
   * @param target the target
   * @param result the figures it was judged on
   * @param met    whether the target is met
   * @param margin how much to spare or by how much it is missed (ahead: behind which clients)
   */
  record Verdict(Target target, String result, boolean met, String margin) {
    /** @return "MET (margin)", "MISSED by margin", or "NOT JUDGED (why)" when the run lacks a client it needs */
    String status() {
      if (margin.startsWith(NOT_JUDGED)) {
        return "NOT JUDGED (" + margin.substring(NOT_JUDGED.length()) + ")";
      }
      return met ? "MET" + (margin.isEmpty() ? "" : " (" + margin + ")") : "MISSED " + margin;
    }
  }

  /** The targets of issue #14. */
  static final List<Target> ALL = List.of(
      new Target("echo throughput", "msgsPerSec", Kind.RATIO_AT_LEAST, 0.95, "msgs/s"),
      new Target("round trip p99 (pinned)", "p99", Kind.RATIO_AT_MOST, 1.05, "µs"),
      new Target("round trip p99.9 (pinned)", "p999", Kind.RATIO_AT_MOST, 1.10, "µs"),
      new Target("connects/s (200 handshakes in flight)", "connectsPerSec", Kind.RATIO_AT_LEAST, 0.95, "connects/s"),
      new Target("heap per open connection", "heapPerConn", Kind.EXTRA_AT_MOST, 1024, "KiB"),
      new Target("client heap allocated per echo", "allocPerMsg", Kind.EXTRA_AT_MOST, 16, "B"),
      new Target("echo throughput", "msgsPerSec", Kind.AHEAD_ABOVE, 0, "msgs/s"),
      new Target("round trip p99 (pinned)", "p99", Kind.AHEAD_BELOW, 0, "µs"));

  /** Marks a margin that says why an "ahead of every other client" target could not be judged. */
  private static final String NOT_JUDGED = "not judged: ";

  private Targets() {}

  /**
   * @param results client → figure → one value per repetition
   * @return the verdict on each target whose figures the run has, in the order of {@link #ALL}
   */
  static List<Verdict> judge(Map<String, Map<String, List<Double>>> results) {
    List<Verdict> verdicts = new ArrayList<>();
    for (Target target : ALL) {
      judge(target, results).ifPresent(verdicts::add);
    }
    return verdicts;
  }

  private static Optional<Verdict> judge(Target target, Map<String, Map<String, List<Double>>> results) {
    Double subject = median(results, SUBJECT, target.metric());
    if (subject == null) {
      return Optional.empty();
    }
    return switch (target.kind()) {
      case AHEAD_ABOVE, AHEAD_BELOW -> ahead(target, subject, results);
      default -> {
        Double base = median(results, BASELINE, target.metric());
        yield base == null || base == 0 ? Optional.empty() : Optional.of(against(target, subject, base));
      }
    };
  }

  private static Verdict against(Target target, double subject, double base) {
    String figures = SUBJECT + " " + Report.show(target.metric(), subject) + " vs raw Vert.x "
        + Report.show(target.metric(), base) + " " + target.unit();
    if (target.kind() == Kind.EXTRA_AT_MOST) {
      double extra = subject - base;
      double over = extra - target.limit();
      return new Verdict(target, figures + " = " + signed(target, extra), over <= 0,
          over <= 0 ? Report.show(target.metric(), -over) + " " + target.unit() + " to spare"
              : "by " + Report.show(target.metric(), over) + " " + target.unit());
    }
    double ratio = subject / base;
    double shortBy = target.kind() == Kind.RATIO_AT_LEAST ? target.limit() - ratio : ratio - target.limit();
    return new Verdict(target, figures + String.format(Locale.ROOT, " = %.2f ×", ratio), shortBy <= 0,
        String.format(Locale.ROOT, shortBy <= 0 ? "%.2f × to spare" : "by %.2f ×", Math.abs(shortBy)));
  }

  private static Optional<Verdict> ahead(Target target, double subject,
      Map<String, Map<String, List<Double>>> results) {
    List<String> compared = new ArrayList<>();
    List<String> present = new ArrayList<>();
    List<String> behind = new ArrayList<>();
    for (String other : OTHERS) {
      Double theirs = median(results, other, target.metric());
      if (theirs == null || theirs == 0) {
        continue;
      }
      present.add(other);
      compared.add(String.format(Locale.ROOT, "%s %s (%.2f ×)", other, Report.show(target.metric(), theirs),
          subject / theirs));
      boolean isAhead = target.kind() == Kind.AHEAD_ABOVE ? subject > theirs : subject < theirs;
      if (!isAhead) {
        behind.add(other);
      }
    }
    if (compared.isEmpty()) {
      return Optional.empty();
    }
    String figures = SUBJECT + " " + Report.show(target.metric(), subject) + " " + target.unit() + "; "
        + String.join(", ", compared);
    boolean complete = present.size() == OTHERS.size();
    String margin = !behind.isEmpty() ? "behind " + String.join(", ", behind)
        : !complete ? NOT_JUDGED + "only " + String.join(", ", present) + " in the run" : "";
    return Optional.of(new Verdict(target, figures, behind.isEmpty() && complete, margin));
  }

  private static String signed(Target target, double extra) {
    return (extra < 0 ? "−" : "+") + Report.show(target.metric(), Math.abs(extra)) + " " + target.unit();
  }

  private static Double median(Map<String, Map<String, List<Double>>> results, String client, String metric) {
    Map<String, List<Double>> byMetric = results.get(client);
    List<Double> values = byMetric == null ? null : byMetric.get(metric);
    return values == null || values.isEmpty() ? null : Report.median(values);
  }
}
