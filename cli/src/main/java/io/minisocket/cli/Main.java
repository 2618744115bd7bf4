package io.minisocket.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code minisocket} command line: {@code connect} (a platform-faithful WebSocket client on stdin/stdout),
 * {@code demo} (all four platforms against an embedded echo server; also what no arguments run) and {@code load}
 * (many connections under a platform's rules, with a latency summary). {@code minisocket --help} lists them.
 *
 * <p>Exit status: 0 when everything behaved, 1 when a connection or run failed, 2 for bad arguments, 130 after Ctrl-C
 * (which {@code connect} and {@code load} answer by closing their sockets and printing what they must first).
 */
public final class Main {
  private Main() {}

  /**
   * Runs the command line and exits with its status.
   *
   * @param args the arguments; none runs the demo
   */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    Interrupt ctrlC = Interrupt.onShutdown();
    int status;
    try {
      status = run(args, System.in, out, err, ctrlC);
    } finally {
      out.flush();
      err.flush();
      ctrlC.finished();
    }
    System.exit(status);
  }

  /**
   * Runs the command line on the given streams.
   *
   * @param args the arguments
   * @param in   standard input (the lines {@code connect} sends)
   * @param out  standard output (events, tables, summaries)
   * @param err  standard error (progress, warnings, one-line errors)
   * @return the exit status
   */
  static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
    return run(args, in, out, err, new Interrupt());
  }

  /**
   * Runs the command line on the given streams, ending {@code connect} and {@code load} gracefully on request.
   *
   * @param args      the arguments
   * @param in        standard input
   * @param out       standard output
   * @param err       standard error
   * @param interrupt Ctrl-C
   * @return the exit status
   */
  static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err, Interrupt interrupt) {
    return commandLine(in, out, err, interrupt).execute(args);
  }

  static CommandLine commandLine(InputStream in, PrintWriter out, PrintWriter err, Interrupt interrupt) {
    CommandLine commandLine = new CommandLine(new MiniSocketCommand(in, interrupt));
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setParameterExceptionHandler((e, args) -> {
      CommandLine failed = e.getCommandLine();
      err.println(failed.getCommandName().equals("minisocket") ? "minisocket: " + e.getMessage()
          : "minisocket " + failed.getCommandName() + ": " + e.getMessage()
          + " (see 'minisocket " + failed.getCommandName() + " --help')");
      UnmatchedArgumentException.printSuggestions(e, err); // "Did you mean: load?", "Possible solutions: --rate"
      err.flush();
      return CommandLine.ExitCode.USAGE;
    });
    commandLine.setExecutionExceptionHandler((e, failed, parseResult) -> {
      err.println("minisocket: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
      err.flush();
      return CommandLine.ExitCode.SOFTWARE;
    });
    return commandLine;
  }
}
