package io.minisocket.transport.vertx;

import io.vertx.core.MultiMap;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Converts Vert.x headers to the port's map. */
final class HeaderMaps {

  private HeaderMaps() {}

  /**
   * A view rather than a copy: the Vert.x WebSocket keeps its handshake response headers anyway, and reading a name
   * makes Netty keep a String of it beside its bytes, so a copy made at open would keep those Strings for every open
   * connection, also when nobody reads the headers. Core reads the view when a listener first looks at the headers.
   *
   * @param headers the handshake response headers, may be {@code null}; Vert.x does not change them after the
   *                handshake
   * @return an unmodifiable map in arrival order; names as first sent, values of the same name (any case) merged
   */
  static Map<String, List<String>> toMap(MultiMap headers) {
    if (headers == null || headers.isEmpty()) {
      return Map.of();
    }
    return new MultiMapView(headers);
  }

  /** @return the headers merged by name (any case), in arrival order, names as first sent */
  private static Map<String, List<String>> merged(MultiMap headers) {
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

  /** The unmodifiable merged view of a non-empty header MultiMap; each read of its entries merges anew. */
  private static final class MultiMapView extends AbstractMap<String, List<String>> {
    private final MultiMap headers;

    MultiMapView(MultiMap headers) {
      this.headers = headers;
    }

    @Override
    public Set<Entry<String, List<String>>> entrySet() {
      return merged(headers).entrySet();
    }

    @Override
    public boolean isEmpty() {
      return false; // toMap makes views of non-empty maps only
    }
  }
}
