package io.minisocket.js;

import java.io.PrintStream;

/** Where a script's {@code console.log}, {@code info}, {@code warn}, {@code error} and {@code debug} lines go. */
@FunctionalInterface
public interface JsConsole {
  /**
   * Receives one line, on the script's loop thread.
   *
   * @param level {@code log}, {@code info}, {@code warn}, {@code error} or {@code debug}
   * @param text  the arguments formatted and joined with spaces, as a browser console shows them
   */
  void print(String level, String text);

  /**
   * @param out receives log, info and debug
   * @param err receives warn and error
   * @return a console writing to two streams
   */
  static JsConsole of(PrintStream out, PrintStream err) {
    return (level, text) -> (level.equals("warn") || level.equals("error") ? err : out).println(text);
  }
}
