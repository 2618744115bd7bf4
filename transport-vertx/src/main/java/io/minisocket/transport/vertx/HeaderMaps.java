package io.minisocket.transport.vertx;

import io.vertx.core.MultiMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Converts Vert.x headers to the port's map. */
final class HeaderMaps {

  private HeaderMaps() {}

  /**
   * @param headers the handshake response headers, may be {@code null}
   * @return an unmodifiable map in arrival order; names as first sent, values of the same name (any case) merged
   */
  static Map<String, List<String>> toMap(MultiMap headers) {
    if (headers == null || headers.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> byName = new LinkedHashMap<>();
    Map<String, String> canonical = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : headers) {
      String name = canonical.computeIfAbsent(e.getKey().toLowerCase(Locale.ROOT), k -> e.getKey());
      byName.computeIfAbsent(name, k -> new ArrayList<>()).add(e.getValue());
    }
    Map<String, List<String>> result = new LinkedHashMap<>();
    byName.forEach((k, v) -> result.put(k, List.copyOf(v)));
    return Collections.unmodifiableMap(result);
  }
}
