package io.minisocket.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code load --output FILE}: the summary and the per-second series, as JSON ({@code .json}: the summary's fields
 * and a {@code series} array) or CSV ({@code .csv}: a {@code metric,value} table of the summary, nested names joined
 * with dots, then an empty line, then the series with a header row).
 */
enum LoadOutput {
  JSON(".json") {
    @Override
    String render(LoadSummary summary) {
      Map<String, Object> all = new LinkedHashMap<>(summary.toMap());
      all.put("series", summary.series().stream().map(LoadSecond::toMap).toList());
      return Json.write(all) + "\n";
    }
  },
  CSV(".csv") {
    @Override
    String render(LoadSummary summary) {
      List<String> lines = new ArrayList<>();
      lines.add("metric,value");
      flatten("", summary.toMap(), lines);
      lines.add("");
      lines.add(String.join(",", new LoadSecond(0, 0, 0, 0, 0, 0, null, null).toMap().keySet()));
      summary.series().forEach(second -> lines.add(second.toMap().values().stream().map(LoadOutput::cell)
          .collect(Collectors.joining(","))));
      return String.join("\n", lines) + "\n";
    }
  };

  private final String extension;

  LoadOutput(String extension) {
    this.extension = extension;
  }

  /**
   * @param summary what the run measured
   * @return the file's content
   */
  abstract String render(LoadSummary summary);

  /**
   * @param summary what the run measured
   * @param file    where it goes; replaced if it exists
   * @throws IOException when it cannot be written
   */
  void write(LoadSummary summary, Path file) throws IOException {
    Files.writeString(file, render(summary), StandardCharsets.UTF_8);
  }

  /**
   * @param file a file name
   * @return the format its extension names, or {@code null}
   */
  static LoadOutput of(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    for (LoadOutput output : values()) {
      if (name.endsWith(output.extension)) {
        return output;
      }
    }
    return null;
  }

  private static void flatten(String prefix, Map<?, ?> map, List<String> lines) {
    map.forEach((key, value) -> {
      String name = prefix + key;
      if (value instanceof Map<?, ?> nested) {
        flatten(name + ".", nested, lines);
      } else {
        lines.add(cell(name) + "," + cell(value));
      }
    });
  }

  /**
   * @param value a value
   * @return it as a CSV cell (RFC 4180): empty for {@code null}, quoted when it holds a comma, quote or line break
   */
  static String cell(Object value) {
    String text = value == null ? "" : String.valueOf(value);
    return text.matches("(?s).*[,\"\\r\\n].*") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }
}
