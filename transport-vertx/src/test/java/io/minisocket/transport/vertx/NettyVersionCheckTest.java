package io.minisocket.transport.vertx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vert.x 5 needs Netty 4.2; a Spring Boot 3.5 application gets Netty 4.1 from Boot's BOM. The transport must refuse
 * that at creation with a message naming what it found and the fix, not fail later with NoClassDefFoundError.
 */
class NettyVersionCheckTest {
  /** Netty 4.1.137.Final's common, buffer and transport jars, copied there by the build (see the pom). */
  private static final Path NETTY_41 = Path.of("target", "netty-4.1");
  /** The version of those jars (the pom's {@code netty41.version}). */
  private static final String NETTY_41_VERSION = "4.1.137.Final";
  /** How the child JVM prints the check's refusal. */
  private static final String REFUSAL =
      "java.lang.IllegalStateException: MiniSocket's Vert.x transport needs Netty 4.2 (Vert.x 5), but ";
  /** This JVM's class path (Surefire lists the test class path there): Vert.x 5 with Netty 4.2. */
  private static final List<String> TEST_CLASS_PATH =
      List.of(System.getProperty("java.class.path").split(File.pathSeparator));

  @Test
  void netty41IsRefusedNamingTheVersionsFoundAndTheFix() throws IOException {
    try (URLClassLoader netty41 = new URLClassLoader(netty41Urls(), ClassLoader.getPlatformClassLoader())) {
      assertThatThrownBy(() -> NettyVersionCheck.requireNetty42(netty41))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("needs Netty 4.2 (Vert.x 5), but found ")
          .hasMessageContaining("netty-common 4.1.137.Final")
          .hasMessageContaining("netty-transport 4.1.137.Final")
          .hasMessageContaining("import io.netty:netty-bom 4.2.x in your dependencyManagement before Spring Boot's");
    }
  }

  /**
   * As a Spring Boot 3.5 application would run it: its BOM pins the Netty artifacts that 4.1 has to 4.1 (here
   * netty-common, -buffer and -transport replace their 4.2 jars), the rest stays as Vert.x 5 brings it.
   * {@code VertxTransport.create()} must fail with the check's message, not a {@code NoClassDefFoundError} from
   * inside Vert.x.
   */
  @Test
  @Timeout(120)
  void vertxTransportCreateOnNetty41FailsWithTheClearMessage(@TempDir Path dir) throws Exception {
    List<String> classPath = netty41Jars();
    List<String> pinned = classPath.stream()
        .map(jar -> Path.of(jar).getFileName().toString().replace("-" + NETTY_41_VERSION + ".jar", "-")).toList();
    for (String entry : TEST_CLASS_PATH) {
      String name = Path.of(entry).getFileName().toString();
      if (pinned.stream().noneMatch(artifact -> name.matches(Pattern.quote(artifact) + "\\d[^-]*\\.jar"))) {
        classPath.add(entry);
      }
    }
    assertThat(classPath).as("class path with the 4.2 jars replaced: %s", classPath).hasSize(TEST_CLASS_PATH.size());

    assertThat(createInAChildJvm(classPath, dir))
        .contains(REFUSAL + "found ", "netty-common 4.1.137.Final")
        .contains("import io.netty:netty-bom 4.2.x")
        .doesNotContain("NoClassDefFoundError");
  }

  /**
   * Netty 4.1's jars before 4.2's on one class path (a hand-made or merged class path): Vert.x would die with
   * {@code NoSuchMethodError}; the check names the two netty-transport jars instead.
   */
  @Test
  @Timeout(120)
  void twoNettyTransportJarsOnOneClassPathAreNamed(@TempDir Path dir) throws Exception {
    List<String> classPath = netty41Jars();
    classPath.addAll(TEST_CLASS_PATH);

    String printed = createInAChildJvm(classPath, dir);

    assertThat(printed).contains(REFUSAL + "the class path holds two netty-transport jars: "
        + "io.netty.channel.SingleThreadEventLoop comes from ").doesNotContain("NoSuchMethodError");
    assertThat(printed).contains("netty-transport-" + NETTY_41_VERSION + ".jar");
  }

  /** Runs {@link CreateTransportMain} on {@code classPath}; returns what it printed, after checking it failed. */
  private static String createInAChildJvm(List<String> classPath, Path dir) throws Exception {
    Path output = dir.resolve("child.out");
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", String.join(File.pathSeparator, classPath), CreateTransportMain.class.getName())
        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
    try {
      assertThat(child.waitFor(100, TimeUnit.SECONDS)).as("the child JVM ended").isTrue();
    } finally {
      child.destroyForcibly();
    }
    String printed = Files.readString(output);
    assertThat(child.exitValue()).as("exit status; output: %s", printed).isEqualTo(1);
    return printed;
  }

  @Test
  void aClassPathWithoutNettySaysWhatIsMissing() throws IOException {
    try (URLClassLoader none = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
      assertThatThrownBy(() -> NettyVersionCheck.requireNetty42(none))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("io.netty.channel.MultiThreadIoEventLoopGroup is missing from a Netty without "
              + "version information")
          .hasMessageContaining("netty-bom 4.2.x");
    }
  }

  @Test
  void theNettyThatVertxBringsPasses() {
    assertThatCode(() -> NettyVersionCheck.requireNetty42(Vertx.class.getClassLoader())).doesNotThrowAnyException();
  }

  @Test
  void versionsFrom42OnPass() {
    assertThat(NettyVersionCheck.atLeast42("4.2.18.Final")).isTrue();
    assertThat(NettyVersionCheck.atLeast42("4.10.0.Final")).isTrue();
    assertThat(NettyVersionCheck.atLeast42("5.0.0.Alpha1")).isTrue();
    assertThat(NettyVersionCheck.atLeast42("4.1.137.Final")).isFalse();
    assertThat(NettyVersionCheck.atLeast42("3.10.6.Final")).isFalse();
  }

  /** @return the paths of the Netty 4.1 jars, in a list that may be added to */
  private static List<String> netty41Jars() throws IOException {
    assertThat(NETTY_41).as("the build copies Netty 4.1 there (mvn generate-test-resources)").isDirectory();
    try (Stream<Path> files = Files.list(NETTY_41)) {
      List<String> jars = files.filter(f -> f.toString().endsWith(".jar")).map(Path::toString)
          .collect(Collectors.toCollection(ArrayList::new));
      assertThat(jars).hasSize(3);
      return jars;
    }
  }

  private static URL[] netty41Urls() throws IOException {
    return netty41Jars().stream().map(jar -> url(Path.of(jar))).toArray(URL[]::new);
  }

  private static URL url(Path file) {
    try {
      return file.toUri().toURL();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
