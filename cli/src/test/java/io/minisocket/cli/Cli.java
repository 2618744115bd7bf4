package io.minisocket.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Runs the command line in-process, as {@code main} does, on given streams.
 *
 * @param status the exit status
 * @param out    what went to stdout
 * @param err    what went to stderr
 */
record Cli(int status, String out, String err) {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  static Cli run(String stdin, String... args) {
    return run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), args);
  }

  static Cli run(InputStream stdin, String... args) {
    return run(stdin, new Interrupt(), args);
  }

  /** Runs it with an {@link Interrupt} the test may request, as Ctrl-C does. */
  static Cli run(InputStream stdin, Interrupt interrupt, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(args, stdin, new PrintWriter(out, true), new PrintWriter(err, true), interrupt);
    return new Cli(status, out.toString(), err.toString());
  }

  /** @return stderr's lines */
  List<String> errLines() {
    return err.lines().toList();
  }

  /** @return stdout's lines, each parsed as JSON */
  List<JsonNode> events() {
    return out.lines().map(line -> {
      try {
        return MAPPER.readTree(line);
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException("not a JSON line: " + line, e);
      }
    }).toList();
  }

  /** @return the {@code event} field of every stdout line, in order */
  List<String> eventNames() {
    return events().stream().map(e -> e.path("event").asText()).toList();
  }

  /** @return the first event with this name */
  JsonNode event(String name) {
    return events().stream().filter(e -> e.path("event").asText().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no event " + name + " in\n" + out + "\nstderr:\n" + err));
  }

  @Override
  public String toString() {
    return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
