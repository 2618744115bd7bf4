package io.minisocket.example.qq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The example is what a third party can write: its sources import MiniSocket's public API and SPI only — nothing
 * from an {@code internal} package, nothing from another adapter — besides the JDK and Guice.
 */
class PublicApiOnlyTest {
  private static final List<String> ALLOWED = List.of("import java.", "import com.google.inject.",
      "import io.minisocket.core.", "import io.minisocket.example.qq.");

  @Test
  void mainSourcesImportOnlyThePublicApi() throws IOException {
    List<String> imports;
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      imports = files.filter(f -> f.toString().endsWith(".java")).flatMap(PublicApiOnlyTest::lines)
          .filter(line -> line.startsWith("import ")).toList();
    }
    assertThat(imports).as("imports of the example's main sources").isNotEmpty()
        .allMatch(line -> ALLOWED.stream().anyMatch(line::startsWith), "start with one of " + ALLOWED)
        .noneMatch(line -> line.contains(".internal."));
  }

  private static Stream<String> lines(Path file) {
    try {
      return Files.readAllLines(file).stream().map(String::strip);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
