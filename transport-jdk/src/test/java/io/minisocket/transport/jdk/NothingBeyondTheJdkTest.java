package io.minisocket.transport.jdk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The point of this module: its code needs nothing beyond the JDK, MiniSocket's core and the Log4j2 API (and Guice
 * in the optional {@code guice} package only), so it runs where Vert.x or Netty cannot.
 */
class NothingBeyondTheJdkTest {
  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.minisocket.transport.jdk");

  @Test
  void theTransportUsesOnlyTheJdkCoreAndLog4jApi() {
    classes().that().resideOutsideOfPackage("io.minisocket.transport.jdk.guice..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax..", "io.minisocket.core..",
            "io.minisocket.transport.jdk..", "org.apache.logging.log4j")
        .check(MAIN);
  }

  @Test
  void guiceStaysInTheGuicePackage() {
    classes().that().resideInAPackage("io.minisocket.transport.jdk.guice..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax..", "io.minisocket.core..",
            "io.minisocket.transport.jdk..", "com.google.inject..")
        .check(MAIN);
  }
}
