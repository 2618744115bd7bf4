package io.minisocket.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The driver of the comparison: starts the echo server in a JVM of its own, warms it, then runs each client ×
 * workload × repetition in a fresh JVM (rotating the order of the clients), and prints the table. With {@code --jfr}
 * each measuring JVM records a JFR profile, with {@code --strace} it runs under {@code strace -f -c}; both go to the
 * output directory, named {@code <client>-<workload>-<repetition>}.
 */
final class Compare {
  private static final List<String> ALL_CLIENTS = List.of("wx", "wx-jdk", "vertx", "jdk", "okhttp", "javawebsocket");
  private static final long LOAD_SAMPLE_MILLIS = 2000;
  private static final long CHILD_TIMEOUT_SECONDS = 600;
  private static final int CPUS = Runtime.getRuntime().availableProcessors();

  private final Args args;
  private final boolean quick;
  private final List<String> clients;
  private final List<String> workloads;
  private final int reps;
  private final Path out;
  private final String classPath = System.getProperty("java.class.path");
  private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
  /** client → metric → one value per repetition */
  private final Map<String, Map<String, List<Double>>> results = new LinkedHashMap<>();
  /** How latency runs are pinned: {@code same} CPU for server and client, {@code split} over two, or {@code none}. */
  private final String pin;
  /** Whether each measuring JVM records a JFR profile into {@code out/jfr}. */
  private final boolean jfr;
  /** Whether each measuring JVM runs under {@code strace -f -c}, its summary in {@code out/strace}. */
  private final boolean strace;
  private Process server;
  private URI uri;

  private Compare(Args args) {
    this.args = args;
    this.quick = args.flag("quick");
    this.clients = args.list("clients", ALL_CLIENTS);
    this.workloads = args.list("workloads", Measure.WORKLOADS);
    workloads.stream().filter(w -> !Measure.WORKLOADS.contains(w)).findFirst().ifPresent(w -> {
      throw new IllegalArgumentException("unknown workload " + w + " " + Measure.WORKLOADS);
    });
    this.reps = args.integer("reps", quick ? 2 : 3);
    this.out = Path.of(args.string("out", "target/bench"));
    String asked = args.string("pin", "same");
    if (!List.of("same", "split", "none").contains(asked)) {
      throw new IllegalArgumentException("--pin must be same, split or none, got " + asked);
    }
    this.pin = asked.equals("none") || CPUS < 2 || !onPath("taskset", "-V") ? "none" : asked;
    if (this.pin.equals("none") && !asked.equals("none")) {
      System.out.println("taskset not found: latency runs are not pinned to CPUs (their figures vary more)");
    }
    this.jfr = args.flag("jfr");
    this.strace = args.flag("strace") && onPath("strace", "-V");
    if (args.flag("strace") && !strace) {
      System.out.println("strace not found on PATH: --strace is skipped, the clients run without it");
    }
    clients.forEach(client -> results.put(client, new TreeMap<>()));
  }

  /** @return whether the command runs and exits with 0 (a tool's version option) */
  private static boolean onPath(String... command) {
    try {
      return new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static void run(Args args) throws Exception {
    new Compare(args).run();
  }

  private void run() throws Exception {
    Files.createDirectories(out);
    Instant started = Instant.now();
    List<String> header = new ArrayList<>(Report.machine());
    header.add("MiniSocket source: git " + Report.commit());
    header.add(String.format(Locale.ROOT, "%s run: %d repetitions; clients %s; workloads %s; latency runs %s",
        quick ? "quick" : "full", reps, String.join(", ", clients), String.join(", ", workloads), switch (pin) {
          case "same" -> "with the server and the client pinned to the same CPU";
          case "split" -> "with the server pinned to CPU 0 and the client to CPU 1";
          default -> "unpinned";
        }));
    if (jfr || strace) {
      header.add("profiled: every measuring JVM " + (jfr ? "records a JFR profile (settings=profile)" : "")
          + (jfr && strace ? " and " : "") + (strace ? "runs under strace -f -c" : "")
          + ": the figures are not comparable with an unprofiled run");
    }
    header.addAll(loadBefore());
    header.forEach(System.out::println);
    startServer();
    try {
      warmServer();
      for (int rep = 0; rep < reps; rep++) {
        for (String workload : workloads) {
          for (int i = 0; i < clients.size(); i++) {
            String client = clients.get((i + rep) % clients.size()); // rotating order
            measure(client, workload, rep, childArgs(workload, false));
          }
        }
      }
      if (clients.contains("wx") && workloads.contains("scale")) {
        coreHeap();
      }
    } finally {
      stopServer();
    }
    Duration took = Duration.between(started, Instant.now());
    String after = "load average (1/5/15 min) after the run (the run's own work included): " + Load.describeNow();
    System.out.println(after);
    header.add(after);
    List<String> report = new Report(results, clients, took, header).lines();
    report.forEach(System.out::println);
    Files.write(out.resolve("results.md"), report);
    System.out.println("written to " + out.resolve("results.md").toAbsolutePath());
  }

  /** @return the load average and the CPUs busy just before the start, and a warning when the machine is busy */
  private static List<String> loadBefore() throws InterruptedException {
    Optional<Load> load = Load.now();
    Optional<Double> busy = Load.busyCpus(LOAD_SAMPLE_MILLIS, CPUS);
    List<String> lines = new ArrayList<>();
    lines.add("load average (1/5/15 min) before the run: " + load.map(Load::toString).orElse("unknown")
        + busy.map(b -> String.format(Locale.ROOT, "; CPUs busy over the %.0f s before the start: %.2f of %d",
            LOAD_SAMPLE_MILLIS / 1e3, b, CPUS)).orElse(""));
    Load.warning(load.orElse(null), busy.orElse(null), CPUS).ifPresent(lines::add);
    return lines;
  }

  private List<String> childArgs(String workload, boolean warmingServer) {
    List<String> a = new ArrayList<>(List.of("--workload", workload, "--uri", uri.toString(),
        "--warmup", args.string("warmup", quick ? "2" : "5")));
    switch (workload) {
      case "throughput", "throughput-other-thread", "alloc" -> a.addAll(List.of(
          "--messages", args.string("messages", quick || warmingServer ? "50000" : "200000"),
          "--batches", args.string("batches", quick || warmingServer ? "2" : "5"),
          "--window", args.string("window", "1024")));
      case "latency" -> a.addAll(List.of(
          "--round-trips", args.string("round-trips", quick || warmingServer ? "5000" : "20000"),
          "--batches", args.string("batches", quick || warmingServer ? "2" : "5")));
      case "scale" -> a.addAll(List.of(
          "--connections", warmingServer ? "1000" : args.string("connections", quick ? "2000" : "10000"),
          "--handshakes", args.string("handshakes", "200")));
      case "many-connections" -> a.addAll(List.of(
          "--many", args.string("many", "1000"),
          "--handshakes", args.string("handshakes", "200"),
          // nothing is pipelined: every echo is a read and a write system call on each side, far slower per message
          "--messages", args.string("messages", quick || warmingServer ? "20000" : "50000"),
          "--batches", args.string("batches", quick || warmingServer ? "2" : "5")));
      default -> throw new IllegalArgumentException("unknown workload " + workload);
    }
    return a;
  }

  // ------------------------------------------------------------------------------------------- the server

  private void startServer() throws IOException {
    server = new ProcessBuilder(java.toString(), "-Xmx2g", "-XX:+UseG1GC", "-cp", classPath,
        Bench.class.getName(), "server", "--instances", "2")
        .redirectError(out.resolve("server.log").toFile())
        .start();
    BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(),
        StandardCharsets.UTF_8));
    String line = lines.readLine();
    if (line == null || !line.startsWith("LISTENING ")) {
      server.destroyForcibly();
      throw new IllegalStateException("the echo server did not start; see " + out.resolve("server.log"));
    }
    uri = URI.create("ws://127.0.0.1:" + line.substring("LISTENING ".length()).trim() + "/");
    System.out.println("echo server (Vert.x, 2 verticles, -Xmx2g, G1, no compression) on " + uri);
  }

  private void warmServer() throws Exception {
    System.out.println("warming the server with raw Vert.x runs (not counted)");
    for (String workload : workloads) {
      List<String> a = childArgs(workload, true);
      Map<String, Double> figures = child(Targets.BASELINE, workload, a, null);
      System.out.printf("  warm-up %-10s %s%n", workload, figures == null ? "failed" : figures);
    }
  }

  private void stopServer() throws InterruptedException {
    if (server == null) {
      return;
    }
    try {
      server.getOutputStream().close(); // the server exits at the end of its stdin
    } catch (IOException e) {
      // already gone
    }
    if (!server.waitFor(10, TimeUnit.SECONDS)) {
      server.destroyForcibly();
    }
  }

  // ------------------------------------------------------------------------------------------- the runs

  private void measure(String client, String workload, int rep, List<String> childArgs) throws Exception {
    List<String> a = new ArrayList<>(childArgs);
    if (workload.equals("scale") && args.flag("histo") && rep == reps - 1) {
      a.addAll(List.of("--histo", out.resolve("histo-" + client + ".txt").toString()));
    }
    Map<String, Double> figures = child(client, workload, a, client + "-" + workload + "-" + (rep + 1));
    System.out.printf("[rep %d/%d] %-10s %-14s %s%n", rep + 1, reps, workload, client,
        figures == null ? "FAILED" : Report.brief(figures));
    if (figures != null) {
      figures.forEach((metric, value) ->
          results.get(client).computeIfAbsent(metric, m -> new ArrayList<>()).add(value));
    }
  }

  private void coreHeap() throws Exception {
    int tasks = Integer.parseInt(args.string("connections", quick ? "2000" : "10000"));
    Map<String, Double> figures = run(List.of("core-heap", "--tasks", Integer.toString(tasks)), List.of(),
        List.of());
    System.out.println("core only (in-memory transport): " + (figures == null ? "FAILED" : Report.brief(figures)));
    if (figures != null) {
      figures.forEach((metric, value) -> results.get("wx").computeIfAbsent(metric, m -> new ArrayList<>()).add(value));
    }
  }

  /**
   * Runs one measurement in a fresh JVM once the server has no connection of an earlier run left.
   *
   * @param tag names the run's profiles ({@code --jfr}, {@code --strace}); null: not profiled (server warm-up)
   */
  private Map<String, Double> child(String client, String workload, List<String> childArgs, String tag)
      throws Exception {
    ServerStats.awaitIdle(uri);
    List<String> command = new ArrayList<>(List.of("measure", "--client", client));
    command.addAll(childArgs);
    List<String> jvmOptions = new ArrayList<>();
    List<String> tracer = new ArrayList<>();
    if (tag != null && jfr) {
      jvmOptions.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
          + Files.createDirectories(out.resolve("jfr")).resolve(tag + ".jfr").toAbsolutePath());
    }
    if (tag != null && strace) {
      tracer.addAll(List.of("strace", "-f", "-c", "-o",
          Files.createDirectories(out.resolve("strace")).resolve(tag + ".txt").toAbsolutePath().toString()));
    }
    if (pin.equals("none") || !workload.equals("latency")) {
      return run(command, tracer, jvmOptions);
    }
    // see the README ("Why latency runs are pinned"): on a small VM, where the two ends of a round trip run decides
    // latency more than code
    String serverCpu = pin.equals("same") ? Integer.toString(CPUS - 1) : "0";
    String clientCpu = Integer.toString(CPUS - 1);
    pin(server.pid(), serverCpu);
    try {
      List<String> prefix = new ArrayList<>(List.of("taskset", "-c", clientCpu));
      prefix.addAll(tracer);
      return run(command, prefix, jvmOptions);
    } finally {
      pin(server.pid(), "0-" + (CPUS - 1));
    }
  }

  /** Sets the CPU affinity of every thread of a process. */
  private static void pin(long pid, String cpus) throws IOException, InterruptedException {
    Process taskset = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus, Long.toString(pid))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (taskset.waitFor() != 0) {
      throw new IllegalStateException("taskset failed to pin process " + pid + " to CPUs " + cpus);
    }
  }

  /**
   * Runs {@code Bench <command>} in a fresh JVM (-Xmx3g, G1, and the given JVM options), after the given command
   * prefix (CPU pinning, strace), and returns its RESULT figures, or null if it failed.
   */
  private Map<String, Double> run(List<String> benchArgs, List<String> prefix, List<String> jvmOptions)
      throws Exception {
    List<String> command = new ArrayList<>(prefix);
    command.addAll(List.of(java.toString(), "-Xmx3g", "-XX:+UseG1GC"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", classPath, Bench.class.getName()));
    command.addAll(benchArgs);
    Path stdout = Files.createTempFile(out, "run-", ".out");
    try {
      Process process = new ProcessBuilder(command)
          .redirectError(ProcessBuilder.Redirect.INHERIT)
          .redirectOutput(stdout.toFile())
          .start();
      if (!process.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        System.out.println("  killed after " + CHILD_TIMEOUT_SECONDS + " s: " + String.join(" ", benchArgs));
        return null;
      }
      String output = Files.readString(stdout);
      return output.lines().filter(line -> line.startsWith("RESULT")).findFirst()
          .map(Compare::parse).orElseGet(() -> {
            System.out.println(output);
            return null;
          });
    } finally {
      Files.deleteIfExists(stdout);
    }
  }

  private static Map<String, Double> parse(String line) {
    Map<String, Double> figures = new LinkedHashMap<>();
    for (String pair : line.substring("RESULT".length()).trim().split(" ")) {
      int eq = pair.indexOf('=');
      figures.put(pair.substring(0, eq), Double.parseDouble(pair.substring(eq + 1)));
    }
    return figures;
  }
}
