package io.minisocket.cli;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What a {@code load} run measured. Messages add up: {@code sent = echoed + sendFailed + lost}.
 *
 * @param plan             what was run
 * @param opened           connections that opened
 * @param failed           connections that ended without opening
 * @param notAttempted     connections not started before the duration ran out
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
 */
record LoadSummary(LoadRun.Plan plan, long opened, long failed, long notAttempted, long unfinished,
    long closedAbnormally, Histogram connectMicros, Histogram roundTripMicros, long sent, long echoed,
    long sendFailed, long unexpected, long skipped, double sendSeconds, Map<String, Long> errors) {

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

  private String perSecond(long count) {
    return sendSeconds <= 0 ? "0" : number(count / sendSeconds);
  }

  private static String latency(Histogram micros) {
    if (micros.getTotalCount() == 0) {
      return "none";
    }
    return "p50 " + millis(micros.getValueAtPercentile(50)) + "  p99 " + millis(micros.getValueAtPercentile(99))
        + "  max " + millis(micros.getMaxValue());
  }

  private static String millis(long micros) {
    return String.format(Locale.ROOT, "%.2f ms", micros / 1000.0);
  }

  private static String number(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
  }
}
