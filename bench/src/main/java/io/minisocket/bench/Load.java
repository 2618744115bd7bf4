package io.minisocket.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * How busy the machine is: the load average ({@code /proc/loadavg}) and the CPUs kept busy by all processes over a
 * short sample ({@code /proc/stat}). Both are printed before and after a comparison; a busy machine before the start
 * gets a warning, because other work on the 2 shared cores changes every figure.
 *
 * @param one     1-minute load average
 * @param five    5-minute load average
 * @param fifteen 15-minute load average
 */
record Load(double one, double five, double fifteen) {
  /** A 1-minute load average at or above this many per CPU before the start is "busy". */
  static final double BUSY_LOAD_PER_CPU = 0.5;
  /** Other processes keeping at least this many CPUs busy during the sample before the start is "busy". */
  static final double BUSY_CPUS = 0.25;

  /**
   * @param procLoadavg the text of {@code /proc/loadavg}, e.g. {@code "0.27 0.90 1.95 1/121 4689"}
   * @return its three load averages
   * @throws IllegalArgumentException when the text does not start with three numbers
   */
  static Load parse(String procLoadavg) {
    String[] fields = procLoadavg.trim().split("\\s+");
    if (fields.length < 3) {
      throw new IllegalArgumentException("expected three load averages in /proc/loadavg, got '" + procLoadavg + "'");
    }
    try {
      return new Load(Double.parseDouble(fields[0]), Double.parseDouble(fields[1]), Double.parseDouble(fields[2]));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected three load averages in /proc/loadavg, got '" + procLoadavg + "'",
          e);
    }
  }

  /** @return the load average now, or empty where there is no {@code /proc/loadavg} */
  static Optional<Load> now() {
    try {
      return Optional.of(parse(Files.readString(Path.of("/proc/loadavg"))));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** @return the load average now as {@code 1 / 5 / 15}, or "unknown" */
  static String describeNow() {
    return now().map(Load::toString).orElse("unknown");
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%.2f / %.2f / %.2f", one, five, fifteen);
  }

  /**
   * @param load     the load average before the start, or null where unknown
   * @param busyCpus the CPUs kept busy during the sample before the start, or null where unknown
   * @param cpus     the machine's CPUs
   * @return a warning when the machine is busy: the 1-minute load average at or above {@link #BUSY_LOAD_PER_CPU}
   *     per CPU, or at least {@link #BUSY_CPUS} CPUs busy during the sample
   */
  static Optional<String> warning(Load load, Double busyCpus, int cpus) {
    List<String> why = new ArrayList<>();
    if (load != null && load.one >= BUSY_LOAD_PER_CPU * cpus) {
      why.add(String.format(Locale.ROOT, "1-minute load average %.2f, at least %.2f on %d CPUs", load.one,
          BUSY_LOAD_PER_CPU * cpus, cpus));
    }
    if (busyCpus != null && busyCpus >= BUSY_CPUS) {
      why.add(String.format(Locale.ROOT, "%.2f CPUs busy with other work, at least %.2f", busyCpus, BUSY_CPUS));
    }
    return why.isEmpty() ? Optional.empty() : Optional.of("WARNING: the machine was busy before the start ("
        + String.join("; ", why) + "): other work on the shared CPUs changes every figure; judge the targets "
        + "only on a quiet machine");
  }

  /**
   * @param procStatCpuLine the first line of {@code /proc/stat}: {@code cpu user nice system idle iowait irq softirq
   *                        steal ...} in clock ticks
   * @return {busy ticks, all ticks}; idle and iowait are not busy
   * @throws IllegalArgumentException when the line is not the aggregate {@code cpu} line
   */
  static long[] busyAndTotalTicks(String procStatCpuLine) {
    String[] fields = procStatCpuLine.trim().split("\\s+");
    if (fields.length < 5 || !fields[0].equals("cpu")) {
      throw new IllegalArgumentException("expected the 'cpu' line of /proc/stat, got '" + procStatCpuLine + "'");
    }
    long total = 0;
    long idle = 0;
    for (int i = 1; i < fields.length; i++) {
      long ticks = Long.parseLong(fields[i]);
      // guest and guest_nice (fields 9 and 10) are already counted in user and nice
      total += i <= 8 ? ticks : 0;
      idle += i == 4 || i == 5 ? ticks : 0;
    }
    return new long[] {total - idle, total};
  }

  /**
   * Samples {@code /proc/stat} twice, {@code millis} apart.
   *
   * @param millis how long to sample
   * @param cpus   the machine's CPUs
   * @return how many CPUs all processes kept busy on average meanwhile, or empty where there is no
   *     {@code /proc/stat}
   */
  static Optional<Double> busyCpus(long millis, int cpus) throws InterruptedException {
    try {
      long[] before = busyAndTotalTicks(Files.readAllLines(Path.of("/proc/stat")).get(0));
      TimeUnit.MILLISECONDS.sleep(millis);
      long[] after = busyAndTotalTicks(Files.readAllLines(Path.of("/proc/stat")).get(0));
      long total = after[1] - before[1];
      return total <= 0 ? Optional.empty() : Optional.of((double) (after[0] - before[0]) / total * cpus);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
