package io.minisocket.build;

import static io.minisocket.build.Reactor.child;
import static io.minisocket.build.Reactor.children;
import static io.minisocket.build.Reactor.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * What Maven Central asks of every published module: complete POM metadata, a sources jar beside the jar (every
 * build), a javadoc jar (under {@code -Prelease}, checked when the build runs with it) and signatures (the release
 * profile's gpg plugin, off unless {@code -Dgpg.skip=false}). If this fails, see the root pom's metadata and its
 * {@code release} profile; bom/pom.xml repeats the metadata because it has no parent.
 */
class ReleaseArtifactsTest {
  private static final String VERSION = System.getProperty("minisocket.version", "0.1.0-SNAPSHOT");
  private static final boolean RELEASE = Boolean.getBoolean("minisocket.release");
  private static final List<String> METADATA = List.of("url", "licenses", "developers", "scm");

  @Test
  void theRootPomCarriesTheMetadataEveryModuleInheritsUnchanged() {
    Element root = Reactor.rootPom();
    assertThat(text(root, "url")).startsWith("https://");
    Element license = child(child(root, "licenses"), "license");
    assertThat(text(license, "name")).isEqualTo("Apache-2.0");
    assertThat(text(license, "url")).isEqualTo("https://www.apache.org/licenses/LICENSE-2.0.txt");
    assertThat(text(child(child(root, "developers"), "developer"), "name")).isNotBlank();
    Element scm = child(root, "scm");
    assertThat(text(scm, "connection")).startsWith("scm:git:");
    assertThat(text(scm, "developerConnection")).startsWith("scm:git:");
    assertThat(text(scm, "url")).isEqualTo(text(root, "url"));
    // Without these, Maven appends each module's artifactId to the inherited URLs (pages that do not exist).
    assertThat(root.getAttribute("child.project.url.inherit.append.path")).isEqualTo("false");
    assertThat(scm.getAttribute("child.scm.url.inherit.append.path")).isEqualTo("false");
    assertThat(scm.getAttribute("child.scm.connection.inherit.append.path")).isEqualTo("false");
    assertThat(scm.getAttribute("child.scm.developerConnection.inherit.append.path")).isEqualTo("false");
    assertThat(Reactor.ROOT.resolve("LICENSE")).content().contains("Apache License", "Version 2.0, January 2004");
  }

  @Test
  void theBomRepeatsTheRootMetadata() {
    Element root = Reactor.rootPom();
    Element bom = Reactor.parse(Reactor.ROOT.resolve("bom/pom.xml"));
    assertThat(text(bom, "name")).isNotBlank();
    assertThat(text(bom, "description")).isNotBlank();
    for (String element : METADATA) {
      assertThat(text(bom, element)).as("bom/pom.xml <%s>", element).isEqualTo(text(root, element));
    }
    assertThat(gpgVersion(release(bom))).as("bom/pom.xml's gpg plugin version")
        .isEqualTo(managedVersion(root, "maven-gpg-plugin"));
  }

  @Test
  void everyPublishedModuleHasANameADescriptionAndInheritsTheRest() {
    for (Map.Entry<String, Path> module : Reactor.publishedModules().entrySet()) {
      Element pom = Reactor.parse(module.getValue().resolve("pom.xml"));
      assertThat(text(pom, "name")).as("%s <name>", module.getKey()).isNotBlank();
      assertThat(text(pom, "description")).as("%s <description>", module.getKey()).isNotBlank();
      assertThat(text(child(pom, "parent"), "artifactId")).as("%s's parent", module.getKey())
          .isEqualTo("minisocket-parent");
      for (String element : METADATA) {
        assertThat(child(pom, element)).as("%s overrides the inherited <%s>", module.getKey(), element).isNull();
      }
    }
  }

  @Test
  void theReleaseProfileAttachesJavadocAndSignsOnlyWhenAsked() {
    Element release = release(Reactor.rootPom());
    assertThat(text(child(release, "properties"), "gpg.skip")).as("signing is off by default").isEqualTo("true");
    assertThat(goals(release, "maven-javadoc-plugin")).contains("jar");
    assertThat(goals(release, "maven-gpg-plugin")).contains("sign");
  }

  @Test
  void everyPublishedModuleBuildsItsJarWithSourcesAndUnderReleaseItsJavadoc() {
    for (Map.Entry<String, Path> module : Reactor.publishedModules().entrySet()) {
      Path target = module.getValue().resolve("target");
      String base = module.getKey() + "-" + VERSION;
      Path jar = target.resolve(base + ".jar");
      Path sources = target.resolve(base + "-sources.jar");
      assertThat(jar).as("run the build of %s first (mvn -pl build-tests -am verify)", module.getKey()).exists();
      assertThat(entries(sources, ".java")).as("%s's sources jar", sources.getFileName())
          .containsAll(javaFiles(module.getValue().resolve("src/main/java")));
      if (RELEASE) {
        assertThat(entries(target.resolve(base + "-javadoc.jar"), ".html")).as("%s's javadoc", module.getKey())
            .contains("index.html");
      }
    }
  }

  private static Element release(Element project) {
    return children(child(project, "profiles"), "profile").stream()
        .filter(p -> "release".equals(text(p, "id")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no release profile"));
  }

  private static Element plugin(Element parent, String artifactId) {
    return children(child(parent, "plugins"), "plugin").stream()
        .filter(p -> artifactId.equals(text(p, "artifactId")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + artifactId));
  }

  private static List<String> goals(Element profile, String artifactId) {
    Element executions = child(plugin(child(profile, "build"), artifactId), "executions");
    return children(executions, "execution").stream()
        .flatMap(e -> children(child(e, "goals"), "goal").stream())
        .map(g -> g.getTextContent().trim())
        .toList();
  }

  private static String gpgVersion(Element profile) {
    return text(plugin(child(profile, "build"), "maven-gpg-plugin"), "version");
  }

  private static String managedVersion(Element project, String artifactId) {
    return text(plugin(child(child(project, "build"), "pluginManagement"), artifactId), "version");
  }

  /** The entries of a jar that end with the suffix, relative to the jar's root. */
  private static List<String> entries(Path jar, String suffix) {
    assertThat(jar).exists();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return zip.stream().map(ZipEntry::getName).filter(n -> n.endsWith(suffix)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> javaFiles(Path sourceRoot) {
    try (Stream<Path> files = Files.walk(sourceRoot)) {
      return files.filter(f -> f.toString().endsWith(".java"))
          .map(f -> sourceRoot.relativize(f).toString().replace('\\', '/'))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
