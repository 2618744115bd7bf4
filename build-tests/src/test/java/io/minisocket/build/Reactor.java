package io.minisocket.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Reads the reactor's POMs as plain XML: the root, its modules, and which modules are published. */
final class Reactor {
  /** The project's root directory (surefire passes it; {@code ..} when run from build-tests in an IDE). */
  static final Path ROOT = Path.of(System.getProperty("minisocket.root", "..")).toAbsolutePath().normalize();

  private Reactor() {}

  /** The root pom's {@code project} element. */
  static Element rootPom() {
    return parse(ROOT.resolve("pom.xml"));
  }

  /**
   * The published modules (every module except the BOM whose pom does not set {@code minisocket.publish} to
   * false), by artifactId, with their directories.
   */
  static Map<String, Path> publishedModules() {
    Map<String, Path> published = new TreeMap<>();
    for (Path dir : moduleDirectories()) {
      Element project = parse(dir.resolve("pom.xml"));
      String artifactId = text(project, "artifactId");
      String publish = firstText(project, "minisocket.publish");
      if (!"minisocket-bom".equals(artifactId) && !"false".equals(publish)) {
        published.put(artifactId, dir);
      }
    }
    assertThat(published).as("published modules found in the reactor").containsKey("minisocket-core");
    return published;
  }

  /** The directories of the root pom's modules, in the pom's order. */
  static List<Path> moduleDirectories() {
    return children(child(rootPom(), "modules"), "module").stream()
        .map(module -> ROOT.resolve(module.getTextContent().trim()))
        .toList();
  }

  /** Parses a pom and returns its {@code project} element. */
  static Element parse(Path pom) {
    assertThat(pom).exists();
    try (InputStream in = Files.newInputStream(pom)) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document document = factory.newDocumentBuilder().parse(in);
      return document.getDocumentElement();
    } catch (Exception e) {
      throw new AssertionError("cannot read " + pom + ": " + e, e);
    }
  }

  /** The direct child element with this name, or null. */
  static Element child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  /** The direct child elements with this name, in document order. */
  static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent == null ? null : parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        out.add(e);
      }
    }
    return out;
  }

  /** The trimmed text of the direct child element with this name, or null. */
  static String text(Element parent, String name) {
    Element child = child(parent, name);
    return child == null ? null : child.getTextContent().trim();
  }

  /** The trimmed text of the first descendant element with this name, or null. */
  static String firstText(Element parent, String name) {
    NodeList nodes = parent.getElementsByTagName(name);
    return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
  }
}
