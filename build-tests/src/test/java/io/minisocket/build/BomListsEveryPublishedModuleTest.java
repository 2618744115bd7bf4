package io.minisocket.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The BOM must list every published module (a module is published unless its pom sets
 * {@code minisocket.publish} to false), at the project version, and nothing else; and it must carry no build
 * settings. If this fails after adding a module, add the module to {@code bom/pom.xml}.
 */
class BomListsEveryPublishedModuleTest {
  private static final Path ROOT = Path.of(System.getProperty("minisocket.root", "..")).toAbsolutePath().normalize();

  @Test
  void bomListsExactlyThePublishedModulesAtTheProjectVersion() throws Exception {
    Document root = parse(ROOT.resolve("pom.xml"));
    String version = child(root.getDocumentElement(), "version");
    TreeSet<String> published = new TreeSet<>();
    for (String module : texts(root.getDocumentElement(), "modules", "module")) {
      Document pom = parse(ROOT.resolve(module).resolve("pom.xml"));
      Element project = pom.getDocumentElement();
      String artifactId = child(project, "artifactId");
      String publish = firstText(project, "minisocket.publish");
      if (!"minisocket-bom".equals(artifactId) && !"false".equals(publish)) {
        published.add(artifactId);
      }
    }

    Document bom = parse(ROOT.resolve("bom/pom.xml"));
    Element bomProject = bom.getDocumentElement();
    assertThat(child(bomProject, "version")).as("BOM version").isEqualTo(version);
    assertThat(bomProject.getElementsByTagName("parent").getLength())
        .as("the BOM has no parent, so importing it brings no build settings").isZero();
    assertThat(bomProject.getElementsByTagName("build").getLength()).as("the BOM has no build section").isZero();

    TreeSet<String> listed = new TreeSet<>();
    NodeList dependencies = bomProject.getElementsByTagName("dependency");
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element dependency = (Element) dependencies.item(i);
      assertThat(child(dependency, "groupId")).isEqualTo("io.minisocket");
      assertThat(child(dependency, "version")).isEqualTo("${project.version}");
      listed.add(child(dependency, "artifactId"));
    }
    assertThat(published).as("published modules found in the reactor").contains("minisocket-core");
    assertThat(listed).as("modules listed in bom/pom.xml").isEqualTo(published);
  }

  private static Document parse(Path pom) throws Exception {
    assertThat(pom).exists();
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(Files.newInputStream(pom));
  }

  private static String child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e.getTextContent().trim();
      }
    }
    return null;
  }

  private static String firstText(Element parent, String name) {
    NodeList nodes = parent.getElementsByTagName(name);
    return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
  }

  private static List<String> texts(Element parent, String container, String name) {
    List<String> out = new ArrayList<>();
    NodeList containers = parent.getElementsByTagName(container);
    for (int i = 0; i < containers.getLength(); i++) {
      NodeList items = ((Element) containers.item(i)).getElementsByTagName(name);
      for (int j = 0; j < items.getLength(); j++) {
        out.add(items.item(j).getTextContent().trim());
      }
    }
    return out;
  }
}
