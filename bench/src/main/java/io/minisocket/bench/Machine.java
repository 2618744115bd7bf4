package io.minisocket.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What this JVM uses: CPU time, heap after GC, resident memory, a class histogram. */
final class Machine {
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private Machine() {}

  /** @return the CPU time of this process so far, all threads, user and system */
  static long processCpuNanos() {
    return OS.getProcessCpuTime();
  }

  /** @return the heap in use after three full collections */
  static long heapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      TimeUnit.MILLISECONDS.sleep(200); // lets reference processing and cleaners run between collections
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** @return VmRSS from /proc/self/status, or 0 where there is none */
  static long rssBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }

  /**
   * @param rows how many classes to keep
   * @return the header and the biggest classes of {@code jcmd <this pid> GC.class_histogram} (live objects)
   */
  static List<String> classHistogram(int rows) throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process process = new ProcessBuilder(jcmd.toString(), Long.toString(ProcessHandle.current().pid()),
        "GC.class_histogram").redirectErrorStream(true).start();
    List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
        .toList();
    process.waitFor(60, TimeUnit.SECONDS);
    return lines.subList(0, Math.min(lines.size(), rows + 3));
  }
}
