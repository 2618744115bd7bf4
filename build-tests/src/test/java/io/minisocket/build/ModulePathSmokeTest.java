package io.minisocket.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.minisocket.testkit.EchoServer;
import io.minisocket.testkit.SelfSignedCertificate;
import java.io.File;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny modular application ({@code src/test/resources/module-path-app}: {@code requires io.minisocket.adapter.wx})
 * compiled and run on the module path with only the modules it needs: MiniSocket's module descriptors must export
 * what an application uses, and {@code Wx.create()} must find the Vert.x transport through the module system's
 * {@code uses}/{@code provides}. If this fails, read the child process's output in the assertion message.
 */
class ModulePathSmokeTest {
  private static final Path APP = Reactor.ROOT.resolve("build-tests/src/test/resources/module-path-app");

  @Test
  void aModularApplicationUsesWxOverTheVertxTransport(@TempDir Path dir) throws Exception {
    List<Path> modulePath = modulesNeededBy(Set.of("io.minisocket.adapter.wx", "io.minisocket.transport.vertx"));
    String modules = modulePath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    Path classes = Files.createDirectories(dir.resolve("classes"));

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int compiled = javac.run(null, null, null, "--release", "17", "--module-path", modules, "-d", classes.toString(),
        APP.resolve("module-info.java").toString(), APP.resolve("smoke/Main.java").toString());
    assertThat(compiled).as("javac on the module path (its messages are above)").isZero();

    try (EchoServer server = EchoServer.tls(SelfSignedCertificate.localhost())) {
      Path pem = server.certificate().writeCertificatePem(dir);
      Path out = dir.resolve("out.txt");
      Process app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Dminisocket.tls.trustPem=" + pem,
          "--module-path", classes + File.pathSeparator + modules,
          "-m", "smoke.app/smoke.Main", server.url())
          .redirectErrorStream(true).redirectOutput(out.toFile()).start();
      boolean ended = app.waitFor(60, TimeUnit.SECONDS);
      if (!ended) {
        app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      String output = Files.readString(out, StandardCharsets.UTF_8);
      assertThat(ended).as("the application ended within 60 s; its output:%n%s", output).isTrue();
      assertThat(app.exitValue()).as("exit code; output:%n%s", output).isZero();
      assertThat(output).contains("echo: hello");
    }
  }

  /**
   * The class path entries of the given modules and of every module they require (not {@code requires static}),
   * found by reading each entry's module descriptor (or its automatic name).
   */
  private static List<Path> modulesNeededBy(Set<String> roots) {
    Map<String, ModuleReference> byName = new HashMap<>();
    Map<String, Path> locations = new HashMap<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      if (!Files.exists(path)) {
        continue;
      }
      try {
        for (ModuleReference module : ModuleFinder.of(path).findAll()) {
          byName.putIfAbsent(module.descriptor().name(), module);
          locations.putIfAbsent(module.descriptor().name(), path);
        }
      } catch (FindException notAModule) {
        // a jar without a usable module name: never one MiniSocket needs
      }
    }
    Set<String> needed = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(roots);
    while (!todo.isEmpty()) {
      String name = todo.pop();
      if (name.startsWith("java.") || name.startsWith("jdk.") || !needed.add(name)) {
        continue;
      }
      ModuleReference module = byName.get(name);
      assertThat(module).as("module %s on the test class path", name).isNotNull();
      for (ModuleDescriptor.Requires requires : module.descriptor().requires()) {
        if (!requires.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC)) {
          todo.push(requires.name());
        }
      }
    }
    return needed.stream().map(locations::get).distinct().toList();
  }
}
