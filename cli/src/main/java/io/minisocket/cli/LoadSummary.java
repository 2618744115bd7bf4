package io.minisocket.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * What a {@code load} run measured. Messages add up: {@code sent = echoed + sendFailed + lost}.
 *
 * @param plan             what was run
 * @param stoppedAfter     when Ctrl-C (or SIGTERM) ended the run, counted from its start; {@code null} when it ran
 *                         its duration
 * @param opened           connections that opened
 * @param failed           connections that ended without opening
 * @param notAttempted     connections not started before the duration ran out (or Ctrl-C)
 * @param unfinished       connections still connecting at the end
 * @param closedAbnormally open connections that ended other than by the run's own close (code 1000)
 * @param connectMicros    connect times (connectSocket called to onOpen), microseconds
 * @param roundTripMicros  round trips (send called to its echo received), microseconds
 * @param sent             messages sent
 * @param echoed           messages whose echo came back
 * @param sendFailed       messages whose send failed
 * @param unexpected       messages received that were not an echo of one sent
 * @param skipped          send slots skipped because every open connection's window was full
 * @param sendSeconds      seconds from the first send slot to the end of sending
 * @param errors           failures by the platform's errMsg or error code and message, with their counts
 * @param series           the run second by second
 */
record LoadSummary(LoadRun.Plan plan, Duration stoppedAfter, long opened, long failed, long notAttempted,
    long unfinished, long closedAbnormally, Histogram connectMicros, Histogram roundTripMicros, long sent, long echoed,
    long sendFailed, long unexpected, long skipped, double sendSeconds, Map<String, Long> errors,
    List<LoadSecond> series) {
  /** The percentiles the summary gives, by name; then comes {@code max}. */
  private static final Map<String, Double> PERCENTILES = Map.of("p50", 50.0, "p90", 90.0, "p99", 99.0,
      "p99.9", 99.9);

  /** @return messages sent whose echo never came and whose send did not fail */
  long lost() {
    return sent - echoed - sendFailed;
  }

  /** @return whether every connection opened and every message came back, without a single error */
  boolean clean() {
    return errors.isEmpty() && failed == 0 && notAttempted == 0 && unfinished == 0 && closedAbnormally == 0
        && lost() == 0 && sendFailed == 0 && unexpected == 0;
  }

  void print(PrintWriter out) {
    Platform platform = plan.platform();
    out.printf("load         %s %s: %d connections over %d clients (limit %s each), %s msg/s for %s%n",
        platform.id(), plan.base().url(), plan.connections(), plan.clients(),
        platform.limit() == 0 ? "none" : String.valueOf(platform.limit()), number(plan.rate()),
        DurationConverter.format(plan.duration()));
    if (stoppedAfter != null) {
      out.println("interrupted  after " + DurationConverter.format(stoppedAfter.withNanos(0)) + " of "
          + DurationConverter.format(plan.duration()) + " (Ctrl-C or SIGTERM)");
    }
    out.printf("connections  %d opened of %d; %d failed, %d not attempted, %d still connecting at the end, "
        + "%d closed abnormally%n", opened, plan.connections(), failed, notAttempted, unfinished, closedAbnormally);
    out.println("connect time " + latency(connectMicros) + "  (" + connectMicros.getTotalCount() + " opened)");
    out.println("round trip   " + latency(roundTripMicros) + "  (" + roundTripMicros.getTotalCount() + " echoes)");
    out.printf("messages     %d sent, %d echoed, %d failed, %d lost, %d unexpected, %d skipped (window full); "
        + "%s sent/s, %s echoed/s%n", sent, echoed, sendFailed, lost(), unexpected, skipped, perSecond(sent),
        perSecond(echoed));
    long errorCount = errors.values().stream().mapToLong(Long::longValue).sum();
    out.println("errors       " + (errorCount == 0 ? "none" : errorCount));
    errors.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> out.printf("  %8d  %s%n", e.getValue(), e.getKey()));
    out.println("result       " + (clean() ? "ok" : "FAILED"));
    out.flush();
  }

  /**
   * @return the summary as {@code --output} writes it: {@code plan}, {@code stoppedAfterSeconds},
   *     {@code connections}, {@code connectMillis} and {@code roundTripMillis} (count, p50, p90, p99, p99.9, max),
   *     {@code messages}, {@code errors}, {@code result}; the series is not in it
   */
  Map<String, Object> toMap() {
    Map<String, Object> planMap = new LinkedHashMap<>();
    planMap.put("platform", plan.platform().id());
    planMap.put("url", plan.base().url());
    planMap.put("connections", plan.connections());
    planMap.put("clients", plan.clients());
    planMap.put("rate", plan.rate());
    planMap.put("durationSeconds", plan.duration().toMillis() / 1000.0);
    planMap.put("size", plan.size());
    planMap.put("window", plan.window());
    Map<String, Object> connections = new LinkedHashMap<>();
    connections.put("opened", opened);
    connections.put("failed", failed);
    connections.put("notAttempted", notAttempted);
    connections.put("unfinished", unfinished);
    connections.put("closedAbnormally", closedAbnormally);
    Map<String, Object> messages = new LinkedHashMap<>();
    messages.put("sent", sent);
    messages.put("echoed", echoed);
    messages.put("failed", sendFailed);
    messages.put("lost", lost());
    messages.put("unexpected", unexpected);
    messages.put("skipped", skipped);
    messages.put("sentPerSecond", sendSeconds <= 0 ? 0.0 : sent / sendSeconds);
    messages.put("echoedPerSecond", sendSeconds <= 0 ? 0.0 : echoed / sendSeconds);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("plan", planMap);
    summary.put("stoppedAfterSeconds", stoppedAfter == null ? null : stoppedAfter.toMillis() / 1000.0);
    summary.put("connections", connections);
    summary.put("connectMillis", percentiles(connectMicros));
    summary.put("roundTripMillis", percentiles(roundTripMicros));
    summary.put("messages", messages);
    summary.put("errors", errors);
    summary.put("result", clean() ? "ok" : "FAILED");
    return summary;
  }

  /**
   * @param micros a histogram of microseconds
   * @return {@code count}, then p50, p90, p99, p99.9 and max in milliseconds ({@code null} without values)
   */
  static Map<String, Object> percentiles(Histogram micros) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("count", micros.getTotalCount());
    boolean empty = micros.getTotalCount() == 0;
    PERCENTILES.entrySet().stream().sorted(Map.Entry.comparingByValue())
        .forEach(p -> map.put(p.getKey(), empty ? null : millis(micros.getValueAtPercentile(p.getValue()))));
    map.put("max", empty ? null : millis(micros.getMaxValue()));
    return map;
  }

  /**
   * @param micros microseconds
   * @return milliseconds, to the microsecond
   */
  static double millis(long micros) {
    return micros / 1000.0;
  }

  private String perSecond(long count) {
    return sendSeconds <= 0 ? "0" : number(count / sendSeconds);
  }

  private static String latency(Histogram micros) {
    if (micros.getTotalCount() == 0) {
      return "none";
    }
    return percentiles(micros).entrySet().stream().skip(1)
        .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.2f ms", (Double) e.getValue()))
        .collect(Collectors.joining("  "));
  }

  private static String number(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
  }
}
