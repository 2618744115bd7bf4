package io.minisocket.build;

import static io.minisocket.build.Reactor.child;
import static io.minisocket.build.Reactor.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The BOM must list every published module (a module is published unless its pom sets
 * {@code minisocket.publish} to false), at the project version, and nothing else; and it must carry no build
 * settings. If this fails after adding a module, add the module to {@code bom/pom.xml}.
 */
class BomListsEveryPublishedModuleTest {
  @Test
  void bomListsExactlyThePublishedModulesAtTheProjectVersion() {
    String version = text(Reactor.rootPom(), "version");
    Element bom = Reactor.parse(Reactor.ROOT.resolve("bom/pom.xml"));
    assertThat(text(bom, "version")).as("BOM version").isEqualTo(version);
    assertThat(child(bom, "parent")).as("the BOM has no parent, so importing it brings no build settings").isNull();
    assertThat(child(bom, "build")).as("the BOM has no build section (only its release profile signs)").isNull();

    TreeSet<String> listed = new TreeSet<>();
    NodeList dependencies = bom.getElementsByTagName("dependency");
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element dependency = (Element) dependencies.item(i);
      assertThat(text(dependency, "groupId")).isEqualTo("io.minisocket");
      assertThat(text(dependency, "version")).isEqualTo("${project.version}");
      listed.add(text(dependency, "artifactId"));
    }
    assertThat(listed).as("modules listed in bom/pom.xml").isEqualTo(Reactor.publishedModules().keySet());
  }
}
