package io.minisocket.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Core's {@code internal} packages are core's own: no other module's main or test source names them (an import, a
 * static import, a fully qualified name, a class in that package). The module-info keeps them out of reach on the
 * module path only; on the class path, where most users and every test run, nothing else would. If this fails, use
 * the public API or the SPI instead, or move what is needed into it ({@code io.minisocket.core.spi} for what
 * adapters and transports need).
 */
class CoreInternalsStayInCoreTest {
  /** Core's internal package, spelled in two parts so that this file does not name it itself. */
  private static final String INTERNAL = String.join(".", "io.minisocket.core", "internal");
  private static final Pattern CORE_INTERNAL = Pattern.compile("\\b" + Pattern.quote(INTERNAL) + "\\b");
  private static final Path CORE = Reactor.ROOT.resolve("core");

  @Test
  void noModuleButCoreNamesCoreInternalPackages() {
    List<Path> modules = Reactor.moduleDirectories().stream().filter(dir -> !dir.equals(CORE)).toList();
    assertThat(modules).as("modules besides core").hasSizeGreaterThan(10);
    List<String> uses = new ArrayList<>();
    int files = 0;
    for (Path module : modules) {
      for (Path source : javaSources(module.resolve("src"))) {
        files++;
        List<String> lines = read(source);
        for (int i = 0; i < lines.size(); i++) {
          if (CORE_INTERNAL.matcher(lines.get(i)).find()) {
            uses.add(Reactor.ROOT.relativize(source) + ":" + (i + 1) + ": " + lines.get(i).trim());
          }
        }
      }
    }
    assertThat(files).as("Java sources read outside core").isGreaterThan(100);
    assertThat(uses).as("uses of %s outside core", INTERNAL).isEmpty();
  }

  @Test
  void theCheckFindsAUseInAnyForm() {
    assertThat(Stream.of("import " + INTERNAL + ".Validation;", "import static " + INTERNAL + ".Utf8.length;",
            "package " + INTERNAL + ";", "var v = " + INTERNAL + ".Validation.typeName(x);",
            "import " + INTERNAL + ".*;"))
        .allMatch(line -> CORE_INTERNAL.matcher(line).find());
    assertThat(Stream.of("import io.minisocket.core.spi.PlatformProfile;", "import " + INTERNAL + "s2.X;",
            "import io.vertx.core.internal.VertxInternal;"))
        .noneMatch(line -> CORE_INTERNAL.matcher(line).find());
  }

  /** Every {@code .java} file below {@code src} (main, test and any other source set), none if there is none. */
  private static List<Path> javaSources(Path src) {
    if (!Files.isDirectory(src)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(src)) {
      return files.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(file.toString(), e);
    }
  }
}
