package io.minisocket.cli;

import io.minisocket.core.SocketConfig;
import io.minisocket.transport.vertx.VertxTransport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code minisocket load}: many connections under one platform's rules, messages at a rate, a summary. */
@Command(name = "load", mixinStandardHelpOptions = true,
    header = "Many connections under a platform's rules, messages at a rate, a latency summary.", sortOptions = false,
    description = {"Opens N connections under the platform's rules, spread over several clients (facades) that each "
        + "hold at most the platform's limit (wx, my, uni 5; taro 2), sends text messages at the total rate to an "
        + "echo server, shows progress on stderr once per second (one status line on a terminal), and ends with a "
        + "summary: connect time and round trip p50/p90/p99/p99.9/max, messages/s, errors by the platform's error "
        + "code or message.",
        "Ctrl-C ends the run early the same way: sending stops, the last echoes are awaited (--drain), every "
        + "socket is closed, and the summary is printed (and written with --output); the exit status is then 130.",
        "Every message starts with a sequence number, by which its echo is matched. A connection gets no new message "
        + "while --window of its messages are unanswered; such send slots are skipped and counted.",
        "Without URL (or with --embedded) it runs against an embedded wss:// echo server."},
    footer = {"", "Examples:",
        "  minisocket load --embedded -p wx -n 500 -r 2000 -d 10s",
        "  minisocket load wss://echo.example.com/ -p my -n 1000 -r 500 -d 2m",
        "  minisocket load wss://echo.example.com/ -p uni -n 5000 -r 1000 -d 1h --output soak.csv",
        "", "Bounds: at most " + LoadCommand.MAX_CONNECTIONS + " connections, " + LoadCommand.MAX_RATE
        + " messages/s, " + LoadCommand.MAX_DURATION_TEXT + "; against the embedded server at most "
        + LoadCommand.MAX_EMBEDDED_MESSAGES + " messages in all.",
        "Exit status: 0 when every connection opened and every message came back without an error, 1 otherwise, "
        + "2 for bad arguments, 130 after Ctrl-C."})
final class LoadCommand implements Callable<Integer> {
  static final int MAX_CONNECTIONS = 20_000;
  static final int MAX_RATE = 200_000;
  /**
   * The most messages (rate times duration) a run against the embedded server may plan: that server keeps every
   * message it receives.
   */
  static final long MAX_EMBEDDED_MESSAGES = 2_000_000;
  static final String MAX_DURATION_TEXT = "24h";
  private static final Duration MAX_DURATION = new DurationConverter().convert(MAX_DURATION_TEXT);

  @Spec
  private CommandSpec spec;

  @ParentCommand
  private MiniSocketCommand parent;

  @Parameters(index = "0", arity = "0..1", paramLabel = "URL",
      description = "The echo server's wss:// address; without it, the embedded one.")
  private String url;

  @Option(names = "--embedded", description = "Run against an embedded wss:// echo server on 127.0.0.1.")
  private boolean embedded;

  @Mixin
  private ConnectionOptions connection;

  @Option(names = {"-n", "--connections"}, paramLabel = "N", defaultValue = "100",
      description = "Connections to open (default ${DEFAULT-VALUE}, at most " + MAX_CONNECTIONS + ").")
  private int connections;

  @Option(names = {"-r", "--rate"}, paramLabel = "R", defaultValue = "100",
      description = "Messages per second over all connections (default ${DEFAULT-VALUE}; 0 only holds the "
          + "connections open).")
  private double rate;

  @Option(names = {"-d", "--duration"}, paramLabel = "D", defaultValue = "10s", converter = DurationConverter.class,
      description = "How long the run lasts, connecting included: 500ms, 30s, 2m, 1h, PT1H30M (default "
          + "${DEFAULT-VALUE}, at most " + MAX_DURATION_TEXT + ").")
  private Duration duration;

  @Option(names = {"-c", "--clients"}, paramLabel = "C",
      description = "Facades to spread the connections over (default: N divided by the platform's limit).")
  private Integer clients;

  @Option(names = "--size", paramLabel = "CHARS", defaultValue = "64",
      description = "Characters per message (default ${DEFAULT-VALUE}).")
  private int size;

  @Option(names = "--window", paramLabel = "W", defaultValue = "16",
      description = "Most unanswered messages per connection (default ${DEFAULT-VALUE}).")
  private int window;

  @Option(names = "--max-connecting", paramLabel = "M", defaultValue = "256",
      description = "Most connects in progress at once (default ${DEFAULT-VALUE}).")
  private int maxConnecting;

  @Option(names = "--drain", paramLabel = "D", defaultValue = "5s", converter = DurationConverter.class,
      description = "How long the end waits for the last echoes before closing (default ${DEFAULT-VALUE}).")
  private Duration drain;

  @Option(names = "--output", paramLabel = "FILE",
      description = "Also write the summary and the per-second series to FILE: JSON (FILE.json) or CSV (FILE.csv).")
  private Path output;

  @Option(names = "--progress", paramLabel = "auto|line|plain|none", defaultValue = "auto",
      converter = Progress.Mode.Converter.class,
      description = "How progress shows on stderr: one status line updated in place, a line per second, or "
          + "nothing; auto (default) is a status line on a terminal, plain lines otherwise.")
  private Progress.Mode progress;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (url != null && embedded) {
      throw usage("give a URL or --embedded, not both");
    }
    Platform platform = connection.platform();
    int clientCount = clientCount(platform.limit());
    check(!duration.isNegative() && !duration.isZero() && duration.compareTo(MAX_DURATION) <= 0,
        "--duration must be more than 0 and at most " + MAX_DURATION_TEXT + ", got "
            + DurationConverter.format(duration));
    check(rate >= 0 && rate <= MAX_RATE, "--rate must be between 0 and " + MAX_RATE + ", got " + rate);
    check(size >= 1 && size <= 1024 * 1024, "--size must be between 1 and 1048576, got " + size);
    check(window >= 1 && window <= 10_000, "--window must be between 1 and 10000, got " + window);
    check(!drain.isNegative() && drain.compareTo(Duration.ofMinutes(1)) <= 0,
        "--drain must be between 0 and 1m, got " + DurationConverter.format(drain));
    check(maxConnecting >= 1 && maxConnecting <= MAX_CONNECTIONS,
        "--max-connecting must be between 1 and " + MAX_CONNECTIONS + ", got " + maxConnecting);
    double planned = rate * duration.toMillis() / 1000.0;
    check(url != null || planned <= MAX_EMBEDDED_MESSAGES, "the embedded echo server keeps every message it "
        + "echoes, so a run against it plans at most " + MAX_EMBEDDED_MESSAGES + " messages (rate x duration), got "
        + (long) planned + "; run against your own echo server for more");
    LoadOutput format = output == null ? null : LoadOutput.of(output);
    check(output == null || format != null, "--output must name a .json or .csv file, got " + output);
    check(output == null || Files.isDirectory(output.toAbsolutePath().getParent()),
        "--output " + output + ": no such folder " + (output == null ? "" : output.toAbsolutePath().getParent()));
    SocketConfig config = connection.config(err);
    EmbeddedEchoServer server = url == null ? EmbeddedEchoServer.start() : null;
    try {
      String target = server != null ? server.url() : url;
      LoadRun.Plan plan = new LoadRun.Plan(platform, connection.connectOptions(target).build(), config,
          connections, clientCount, rate, duration, size, window, maxConnecting, drain);
      LoadSummary summary;
      try (VertxTransport transport = connection.transport(server != null ? server.certificatePem() : null)) {
        summary = new LoadRun(plan, Progress.on(err, progress, connections, duration), parent.interrupt())
            .run(transport);
      }
      summary.print(out);
      if (format != null) {
        try {
          format.write(summary, output);
        } catch (IOException e) {
          err.println("minisocket: cannot write --output " + output + ": " + e);
          return 1;
        }
      }
      return summary.clean() ? 0 : 1;
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  private int clientCount(int limit) {
    check(connections >= 1 && connections <= MAX_CONNECTIONS,
        "--connections must be between 1 and " + MAX_CONNECTIONS + ", got " + connections);
    int needed = limit == 0 ? 1 : (connections + limit - 1) / limit;
    if (clients == null) {
      return needed;
    }
    check(clients >= 1 && clients <= connections,
        "--clients must be between 1 and the number of connections (" + connections + "), got " + clients);
    check(clients >= needed, "--clients " + clients + " hold at most " + (long) clients * limit + " connections on "
        + connection.platform().id() + " (limit " + limit + " each); " + connections + " need at least " + needed);
    return clients;
  }

  private void check(boolean ok, String message) {
    if (!ok) {
      throw usage(message);
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
