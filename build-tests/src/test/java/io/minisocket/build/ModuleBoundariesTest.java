package io.minisocket.build;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The architecture of DESIGN.md, checked on the compiled classes. If this fails, a class depends on something
 * its layer must not know: move the code to the right module, or add a port or profile property.
 */
class ModuleBoundariesTest {
  private static final JavaClasses CORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.minisocket.core");

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
  void theDomainDoesNotKnowTheTransportImplementation() {
    noClasses().that().resideInAPackage("io.minisocket.core..")
        .should().dependOnClassesThat().resideInAPackage("io.minisocket.transport..")
        .check(CORE);
  }
}
