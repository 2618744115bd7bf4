package io.minisocket.bench;

import java.util.Arrays;
import java.util.List;

/**
 * The benchmarks' command line.
 *
 * <ul>
 *   <li>{@code compare [--quick] [options]} (the default): the whole client comparison, printing the table with the
 *       verdicts on the targets ({@link Targets}); options {@code --reps N},
 *       {@code --clients wx,wx-jdk,vertx,jdk,okhttp,javawebsocket} (and the diagnostics {@code vertx-deferred},
 *       {@code vertx-listener}, {@code wx-loop}), {@code --workloads} any of {@link Measure#WORKLOADS},
 *       {@code --messages N}, {@code --round-trips N}, {@code --batches N}, {@code --connections N},
 *       {@code --many N}, {@code --handshakes N}, {@code --window N}, {@code --warmup SECONDS},
 *       {@code --pin same|split|none} (CPU pinning of the latency runs), {@code --histo} (class histograms of the
 *       scale runs), {@code --jfr} (a JFR profile of every measuring JVM), {@code --strace} (every measuring JVM
 *       under {@code strace -f -c}), {@code --out DIR};</li>
 *   <li>{@code jmh [JMH options]}: the JMH micro-benchmarks of core (default: all of them with {@code -prof gc});</li>
 *   <li>{@code server}, {@code measure}: the pieces the comparison runs in JVMs of their own;</li>
 *   <li>{@code core-heap [--tasks N]}: heap per open SocketTask over an in-memory transport (core alone);</li>
 *   <li>{@code vertx-client-heap [--clients N]}: heap of one idle Vert.x WebSocketClient as transport-vertx creates
 *       per connection;</li>
 *   <li>{@code js-echo [--reps N] [--warmup SECONDS] [--seconds SECONDS]}: a JavaScript echo loop on the wx facade
 *       beside the same loop in Java, and their ratio.</li>
 * </ul>
 */
public final class Bench {
  private Bench() {}

  /**
   * Runs one command; see the class comment.
   *
   * @param args the command and its options
   * @throws Exception when the benchmark cannot run
   */
  public static void main(String[] args) throws Exception {
    boolean named = args.length > 0 && !args[0].startsWith("--");
    String command = named ? args[0] : "compare";
    List<String> rest = Arrays.asList(args).subList(named ? 1 : 0, args.length);
    if (command.equals("jmh")) {
      org.openjdk.jmh.Main.main(rest.isEmpty()
          ? new String[] {"io.minisocket.bench.jmh", "-prof", "gc"} : rest.toArray(String[]::new));
      return;
    }
    int status = 0;
    try {
      Args options = Args.parse(rest);
      switch (command) {
        case "compare" -> Compare.run(options);
        case "server" -> EchoServer.run(options.integer("instances", 2));
        case "measure" -> Measure.run(options);
        case "core-heap" -> CoreHeap.run(options.integer("tasks", 10_000));
        case "vertx-client-heap" -> VertxClientHeap.run(options.integer("clients", 10_000));
        case "js-echo" -> JsEcho.run(options);
        default -> throw new IllegalArgumentException("unknown command " + command
            + " (compare, jmh, server, measure, core-heap, vertx-client-heap, js-echo)");
      }
    } catch (Exception | Error e) {
      e.printStackTrace();
      status = 1;
    }
    System.exit(status); // library threads (event loops, selectors) must not keep a measuring JVM alive
  }
}
