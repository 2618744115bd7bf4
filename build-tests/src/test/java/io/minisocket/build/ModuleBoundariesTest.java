package io.minisocket.build;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The architecture of DESIGN.md, checked on the compiled classes. If this fails, a class depends on something
 * its layer must not know: move the code to the right module, or add a port or profile property.
 */
class ModuleBoundariesTest {
  private static final JavaClasses CORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.minisocket.core");

  /** Published modules that name themselves with an Automatic-Module-Name, not a module-info. */
  private static final Set<String> AUTOMATIC_MODULES = Set.of("minisocket-tck", "minisocket-jmeter");

  @Test
  void coreDependsOnNeitherVertxNorNettyNorGuice() {
    noClasses().that().resideInAPackage("io.minisocket.core..")
        .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "io.netty..", "com.google.inject..")
        .check(CORE);
  }

  @Test
  void jacksonStaysInTheJsonPackageOfCore() {
    noClasses().that().resideInAPackage("io.minisocket.core..")
        .and().resideOutsideOfPackage("io.minisocket.core.json..")
        .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
        .check(CORE);
  }

  @Test
  void coreNeedsNoJacksonUnlessTheJsonConfigurationIsRead() {
    Element core = Reactor.parse(Reactor.ROOT.resolve("core/pom.xml"));
    List<Element> jackson = Reactor.children(Reactor.child(core, "dependencies"), "dependency").stream()
        .filter(d -> Reactor.text(d, "groupId").startsWith("com.fasterxml.jackson"))
        .toList();
    assertThat(jackson).as("core's Jackson dependencies").singleElement().satisfies(d -> {
      assertThat(Reactor.text(d, "artifactId")).as("only the streaming parser").isEqualTo("jackson-core");
      assertThat(Reactor.text(d, "optional")).as("optional, so users get no Jackson from core").isEqualTo("true");
    });
  }

  /**
   * Every published module names itself: a module-info that exports every package but the {@code internal} ones
   * (minisocket-tck, which needs the module-less Awaitility, and minisocket-jmeter, a plugin for JMeter's class path
   * whose jars have no module names, have an Automatic-Module-Name instead).
   */
  @Test
  void everyPublishedModuleExportsItsApiAndNotItsInternals() throws Exception {
    for (Map.Entry<String, Path> module : Reactor.publishedModules().entrySet()) {
      Path classes = module.getValue().resolve("target/classes");
      String expectedName = "io.minisocket." + module.getKey().substring("minisocket-".length())
          .replace("adapter-", "adapter.").replace("transport-", "transport.");
      if (AUTOMATIC_MODULES.contains(module.getKey())) {
        Path jar = module.getValue().resolve("target/" + module.getKey() + "-"
            + System.getProperty("minisocket.version", "0.1.0-SNAPSHOT") + ".jar");
        try (JarFile file = new JarFile(jar.toFile())) {
          assertThat(file.getManifest().getMainAttributes().getValue("Automatic-Module-Name")).isEqualTo(expectedName);
        }
        continue;
      }
      ModuleDescriptor descriptor = ModuleFinder.of(classes).findAll().iterator().next().descriptor();
      assertThat(descriptor.isAutomatic()).as("%s has a module-info", module.getKey()).isFalse();
      assertThat(descriptor.name()).isEqualTo(expectedName);
      Set<String> exported = descriptor.exports().stream().filter(e -> !e.isQualified())
          .map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
      Set<String> api = descriptor.packages().stream().filter(p -> !p.contains(".internal"))
          .collect(Collectors.toSet());
      assertThat(exported).as("%s exports", module.getKey()).isEqualTo(api);
    }
  }

  @Test
  void theDomainDoesNotKnowTheTransportImplementation() {
    noClasses().that().resideInAPackage("io.minisocket.core..")
        .should().dependOnClassesThat().resideInAPackage("io.minisocket.transport..")
        .check(CORE);
  }
}
