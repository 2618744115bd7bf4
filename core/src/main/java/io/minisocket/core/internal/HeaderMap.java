package io.minisocket.core.internal;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable HTTP header map: {@code get("x-peer")} finds {@code X-Peer} (names are case-insensitive), while
 * iterating gives the names as the server spelled them, in its order. A name given twice in different letter case
 * keeps its first spelling and the last value.
 */
public final class HeaderMap extends AbstractMap<String, String> {
  private final Map<String, String> bySpelling; // unmodifiable, in order
  private final Map<String, String> byLowerCase = new LinkedHashMap<>();

  private HeaderMap(Map<String, String> headers) {
    Map<String, String> spelled = new LinkedHashMap<>();
    Map<String, String> spelling = new LinkedHashMap<>();
    headers.forEach((name, value) -> {
      String lower = Objects.requireNonNull(name, "header name").toLowerCase(Locale.ROOT);
      String first = spelling.computeIfAbsent(lower, k -> name);
      spelled.put(first, Objects.requireNonNull(value, "header value"));
      byLowerCase.put(lower, value);
    });
    this.bySpelling = Collections.unmodifiableMap(spelled);
  }

  /**
   * @param headers header names to values
   * @return an immutable case-insensitive copy ({@code headers} itself when it is one already)
   */
  public static HeaderMap of(Map<String, String> headers) {
    return headers instanceof HeaderMap map ? map : new HeaderMap(headers);
  }

  @Override
  public String get(Object name) {
    return name instanceof String text ? byLowerCase.get(text.toLowerCase(Locale.ROOT)) : null;
  }

  @Override
  public boolean containsKey(Object name) {
    return get(name) != null;
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    return bySpelling.entrySet();
  }
}
