package io.minisocket.tck;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The {@code console} of a platform document's example, for running the example as a test: it keeps every line
 * logged and hands each to a reaction (the test playing the user, who taps the next button once the log says so).
 * Thread-safe.
 */
public final class ExampleConsole {
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Consumer<String> reaction;

  /** @param reaction runs with each line, after it was kept, on the thread that logged it */
  public ExampleConsole(Consumer<String> reaction) {
    this.reaction = reaction;
  }

  /**
   * {@code console.log(line)}.
   *
   * @param line the line
   */
  public void log(String line) {
    lines.add(line);
    reaction.accept(line);
  }

  /** @return the lines logged so far, oldest first */
  public List<String> lines() {
    return List.copyOf(lines);
  }
}
