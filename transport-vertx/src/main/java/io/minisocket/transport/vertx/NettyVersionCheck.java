package io.minisocket.transport.vertx;

import java.lang.reflect.Method;
import java.net.URL;
import java.security.CodeSource;
import java.util.Map;
import java.util.TreeMap;

/**
 * Vert.x 5 runs on Netty 4.2. On a class path where a BOM (Spring Boot 3's, for one) has pinned Netty 4.1, Vert.x
 * would die deep inside with {@code NoClassDefFoundError: io/netty/channel/MultiThreadIoEventLoopGroup}; this check
 * fails first, naming the Netty versions found and the fix.
 */
final class NettyVersionCheck {
  /** A class Netty 4.2 added and Vert.x 5 needs. */
  private static final String NETTY_42_CLASS = "io.netty.channel.MultiThreadIoEventLoopGroup";
  /**
   * A class of the same jar (netty-transport) that 4.1 has too: loaded from another jar than {@link #NETTY_42_CLASS},
   * it means two netty-transport versions are on the class path, the older first (Vert.x then dies with
   * {@code NoSuchMethodError}).
   */
  private static final String NETTY_41_CLASS = "io.netty.channel.SingleThreadEventLoop";
  static final String FIX = "import io.netty:netty-bom 4.2.x in your dependencyManagement before Spring Boot's BOM "
      + "(under spring-boot-starter-parent, set the property netty.version to a 4.2 release), or use a transport "
      + "that does not need Netty";

  private NettyVersionCheck() {}

  /**
   * Fails unless the Netty that {@code loader} sees is 4.2 or later.
   *
   * @param loader the class loader Vert.x loads Netty from
   * @throws IllegalStateException naming the Netty artifacts below 4.2 (or Netty's absence) and the fix
   */
  static void requireNetty42(ClassLoader loader) {
    Map<String, String> versions = nettyVersions(loader);
    Map<String, String> old = new TreeMap<>();
    versions.forEach((artifact, version) -> {
      if (!atLeast42(version)) {
        old.put(artifact, version);
      }
    });
    if (!old.isEmpty()) {
      throw new IllegalStateException("MiniSocket's Vert.x transport needs Netty 4.2 (Vert.x 5), but found "
          + describe(old) + " on the class path: " + FIX);
    }
    Class<?> netty42;
    Class<?> older;
    try {
      netty42 = Class.forName(NETTY_42_CLASS, false, loader);
      older = Class.forName(NETTY_41_CLASS, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      String found = versions.isEmpty() ? "a Netty without version information" : describe(versions);
      throw new IllegalStateException("MiniSocket's Vert.x transport needs Netty 4.2 (Vert.x 5), but "
          + NETTY_42_CLASS + " is missing from " + found + ": " + FIX, e);
    }
    URL from42 = location(netty42);
    URL fromOlder = location(older);
    if (from42 != null && fromOlder != null && !from42.equals(fromOlder)) {
      throw new IllegalStateException("MiniSocket's Vert.x transport needs Netty 4.2 (Vert.x 5), but the class path "
          + "holds two netty-transport jars: " + NETTY_41_CLASS + " comes from " + fromOlder + " and "
          + NETTY_42_CLASS + " from " + from42 + "; keep only the 4.2 one: " + FIX);
    }
  }

  /** The jar (or directory) a class was loaded from, or {@code null} where the runtime does not say. */
  private static URL location(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    return source == null ? null : source.getLocation();
  }

  /** Netty's own record of its jars (artifactId to version), read from their META-INF; empty if Netty is absent. */
  private static Map<String, String> nettyVersions(ClassLoader loader) {
    Map<String, String> out = new TreeMap<>();
    try {
      Class<?> versionClass = Class.forName("io.netty.util.Version", true, loader);
      Method identify = versionClass.getMethod("identify", ClassLoader.class);
      Method artifactVersion = versionClass.getMethod("artifactVersion");
      for (Map.Entry<?, ?> e : ((Map<?, ?>) identify.invoke(null, loader)).entrySet()) {
        out.put(String.valueOf(e.getKey()), String.valueOf(artifactVersion.invoke(e.getValue())));
      }
    } catch (ReflectiveOperationException | LinkageError e) {
      // No netty-common (or an unreadable one): the class check then reports what is missing.
    }
    return out;
  }

  /**
   * {@code 4.2.18.Final} and {@code 5.0.0} pass, {@code 4.1.137.Final} does not; a version that does not parse
   * passes here and is left to the class check.
   */
  static boolean atLeast42(String version) {
    String[] parts = version.split("[.-]", 3);
    try {
      int major = Integer.parseInt(parts[0]);
      int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
      return major > 4 || (major == 4 && minor >= 2);
    } catch (NumberFormatException e) {
      return true;
    }
  }

  private static String describe(Map<String, String> artifacts) {
    StringBuilder out = new StringBuilder();
    artifacts.forEach((artifact, version) -> out.append(out.length() == 0 ? "" : ", ")
        .append(artifact).append(' ').append(version));
    return out.toString();
  }
}
