package io.minisocket.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * How {@code load} shows its progress on stderr once per second: on a terminal one status line rewritten in place
 * ({@code \r}, the line cut to the terminal's width, then "erase to the end of the line"), otherwise one plain line
 * per second, or nothing.
 *
 * <p>Threading: {@link #show} and {@link #end} are called by one thread at a time (the run's reporter, then the run
 * itself after the reporter stopped).
 */
final class Progress {
  /** Where the progress goes, chosen with {@code --progress}. */
  enum Mode {
    /** a status line on a terminal, plain lines otherwise */
    AUTO,
    /** one status line updated in place */
    LINE,
    /** a line per second */
    PLAIN,
    /** nothing */
    NONE;

    /** Reads {@code --progress}. */
    static final class Converter extends EnumConverter<Mode> {
      Converter() {
        super(Mode.class, Mode::name, "auto, line, plain or none");
      }
    }
  }

  /** The width when the terminal does not say ({@code COLUMNS} unset). */
  static final int DEFAULT_WIDTH = 80;
  private static final String ERASE_TO_END_OF_LINE = "\u001b[K";

  private final PrintWriter err;
  private final Mode mode;
  private final int width;
  private final int connections;
  private final Duration duration;
  private boolean shown;

  /**
   * @param err         where the progress goes
   * @param mode        {@link Mode#LINE}, {@link Mode#PLAIN} or {@link Mode#NONE}
   * @param width       the terminal's width in characters, for {@link Mode#LINE}
   * @param connections how many connections the run opens
   * @param duration    how long the run is planned to last
   */
  Progress(PrintWriter err, Mode mode, int width, int connections, Duration duration) {
    if (mode == Mode.AUTO) {
      throw new IllegalArgumentException("resolve AUTO with Progress.on(...) first");
    }
    this.err = err;
    this.mode = mode;
    this.width = width;
    this.connections = connections;
    this.duration = duration;
  }

  /**
   * @param err         where the progress goes
   * @param mode        as chosen; {@link Mode#AUTO} is a status line when this JVM runs on a terminal and
   *                    {@code TERM} is not {@code dumb}, plain lines otherwise
   * @param connections how many connections the run opens
   * @param duration    how long the run is planned to last
   * @return the progress, as wide as {@code COLUMNS} says or {@value #DEFAULT_WIDTH}
   */
  static Progress on(PrintWriter err, Mode mode, int connections, Duration duration) {
    Mode resolved = mode != Mode.AUTO ? mode
        : onTerminal() && !"dumb".equals(System.getenv("TERM")) ? Mode.LINE : Mode.PLAIN;
    return new Progress(err, resolved, width(System.getenv("COLUMNS")), connections, duration);
  }

  /**
   * @return whether this JVM's standard input and output are a terminal: on Java 17 to 21 a console exists only
   *     then; from Java 22 a console may exist without a terminal, and {@code Console.isTerminal()} (looked up by
   *     reflection, as Java 17 lacks it) tells
   */
  private static boolean onTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }

  /**
   * @param columns the {@code COLUMNS} variable, maybe {@code null}
   * @return the width it gives, or {@value #DEFAULT_WIDTH}
   */
  static int width(String columns) {
    try {
      int width = columns == null ? DEFAULT_WIDTH : Integer.parseInt(columns.trim());
      return width >= 20 ? width : DEFAULT_WIDTH;
    } catch (NumberFormatException e) {
      return DEFAULT_WIDTH;
    }
  }

  /**
   * Shows one second.
   *
   * @param second what the second measured
   * @param ending why the run is ending ({@code "ending"}, {@code "interrupted, ending"}), or {@code null}
   */
  void show(LoadSecond second, String ending) {
    switch (mode) {
      case LINE -> {
        err.print("\r" + fit(line(second, ending), width) + ERASE_TO_END_OF_LINE);
        shown = true;
      }
      case PLAIN -> err.println(line(second, ending));
      default -> {
        return;
      }
    }
    err.flush();
  }

  /** Ends the status line, so that what follows starts on a line of its own. */
  void end() {
    if (shown) {
      err.println();
      err.flush();
      shown = false;
    }
  }

  /**
   * @param second what the second measured
   * @param ending why the run is ending, or {@code null}
   * @return e.g. {@code 12s of 1m, 48s left  open 300/300  sent 1000/s  echoed 998/s  errors 0  in flight 3} (what
   *     matters most first, as a narrow terminal cuts the end)
   */
  String line(LoadSecond second, String ending) {
    Duration elapsed = Duration.ofSeconds(second.second());
    Duration left = duration.minus(elapsed);
    String time = DurationConverter.format(elapsed) + " of " + DurationConverter.format(duration)
        + (ending != null ? " (" + ending + ")" : ", " + DurationConverter.format(left.isNegative() ? Duration.ZERO
        : left) + " left");
    return String.format(Locale.ROOT, "%s  open %d/%d  sent %d/s  echoed %d/s  errors %d  in flight %d", time,
        second.open(), connections, second.sent(), second.echoed(), second.errors(), second.inFlight());
  }

  /**
   * @param line  a line
   * @param width the terminal's width
   * @return the line cut to one character less than the width, so that the terminal never wraps it
   */
  static String fit(String line, int width) {
    return line.length() < width ? line : line.substring(0, width - 1);
  }
}
