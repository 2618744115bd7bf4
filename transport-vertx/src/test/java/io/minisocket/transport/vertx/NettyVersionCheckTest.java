package io.minisocket.transport.vertx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Vert.x 5 needs Netty 4.2; a Spring Boot 3.5 application gets Netty 4.1 from Boot's BOM. The transport must refuse
 * that at creation with a message naming what it found and the fix, not fail later with NoClassDefFoundError.
 */
class NettyVersionCheckTest {
  /** Netty 4.1.137.Final's common, buffer and transport jars, copied there by the build (see the pom). */
  private static final Path NETTY_41 = Path.of("target", "netty-4.1");

  @Test
  void netty41IsRefusedNamingTheVersionsFoundAndTheFix() throws IOException {
    try (URLClassLoader netty41 = new URLClassLoader(jars(NETTY_41), ClassLoader.getPlatformClassLoader())) {
      assertThatThrownBy(() -> NettyVersionCheck.requireNetty42(netty41))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("needs Netty 4.2 (Vert.x 5), but found ")
          .hasMessageContaining("netty-common 4.1.137.Final")
          .hasMessageContaining("netty-transport 4.1.137.Final")
          .hasMessageContaining("import io.netty:netty-bom 4.2.x in your dependencyManagement before Spring Boot's");
    }
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

  private static URL[] jars(Path dir) throws IOException {
    assertThat(dir).as("the build copies Netty 4.1 there (mvn generate-test-resources)").isDirectory();
    try (Stream<Path> files = Files.list(dir)) {
      URL[] urls = files.filter(f -> f.toString().endsWith(".jar")).map(NettyVersionCheckTest::url)
          .toArray(URL[]::new);
      assertThat(urls).hasSize(3);
      return urls;
    }
  }

  private static URL url(Path file) {
    try {
      return file.toUri().toURL();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
