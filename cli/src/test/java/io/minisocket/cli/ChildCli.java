package io.minisocket.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The command line in a JVM of its own, as a user runs it, so that a test can press Ctrl-C: {@link #pressCtrlC()}
 * sends SIGINT with {@code kill -INT} ({@link Process#destroy()} would send SIGTERM). Standard input stays open until
 * the test closes it. {@link #close()} kills the process if it is still alive.
 */
final class ChildCli implements AutoCloseable {
  private final Process process;
  private final StringBuffer out = new StringBuffer();
  private final StringBuffer err = new StringBuffer();
  private final Thread outReader;
  private final Thread errReader;

  private ChildCli(Process process) {
    this.process = process;
    this.outReader = copy(process.getInputStream(), out, "stdout");
    this.errReader = copy(process.getErrorStream(), err, "stderr");
  }

  /**
   * @param args the command line's arguments
   * @return the running command line
   */
  static ChildCli start(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    if (sigintIgnored()) {
      // SIGINT ignored here (as a shell does for a background job without job control) is ignored in the child too,
      // which then never sees Ctrl-C: GNU env sets it back to its default before it execs the JVM (same pid).
      command.addAll(List.of("env", "--default-signal=INT"));
    }
    command.addAll(List.of(ProcessHandle.current().info().command().orElse("java"),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    return new ChildCli(new ProcessBuilder(command).start());
  }

  /** @return its standard input */
  OutputStream stdin() {
    return process.getOutputStream();
  }

  /** @return its standard output so far */
  String out() {
    return out.toString();
  }

  /** @return its standard error so far */
  String err() {
    return err.toString();
  }

  /** Sends SIGINT, as Ctrl-C on a terminal does. */
  void pressCtrlC() throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).inheritIO().start();
    if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
      throw new IllegalStateException("kill -INT " + process.pid() + " failed");
    }
  }

  /**
   * @param timeout how long to wait
   * @return the exit status, once standard output and error are read to their end
   * @throws AssertionError when it has not exited by then
   */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("still running after " + timeout + "\n" + this);
    }
    outReader.join(timeout.toMillis());
    errReader.join(timeout.toMillis());
    return process.exitValue();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  @Override
  public String toString() {
    return "--- stdout\n" + out + "--- stderr\n" + err;
  }

  /** @return whether this JVM ignores SIGINT, as Linux's {@code /proc/self/status} says (elsewhere: no) */
  private static boolean sigintIgnored() {
    try {
      return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("SigIgn:"))
          .anyMatch(line -> (Long.parseLong(line.substring("SigIgn:".length()).trim(), 16) & (1L << (2 - 1))) != 0);
    } catch (IOException e) {
      return false;
    }
  }

  private static Thread copy(InputStream stream, StringBuffer into, String name) {
    Thread thread = new Thread(() -> {
      try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
        char[] buffer = new char[4096];
        for (int read; (read = reader.read(buffer)) >= 0; ) {
          into.append(buffer, 0, read);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, "child-" + name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
