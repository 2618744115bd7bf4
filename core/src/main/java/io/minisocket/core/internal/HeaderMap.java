package io.minisocket.core.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable HTTP header map: {@code get("x-peer")} finds {@code X-Peer} (names are case-insensitive), while
 * iterating gives the names as the server spelled them, in its order. A name given twice in different letter case
 * keeps its first spelling and the last value.
 *
 * <p>Every open task keeps its open event (a listener added later still gets it), so the map is compact: one array
 * of names and values, looked up by a scan (a handshake response has a handful of headers). A map made by
 * {@link #joined} builds that array when it is first read (thread-safe, once), so a task whose headers nobody reads
 * keeps only the transport's map, which the transport may keep anyway.
 */
public final class HeaderMap extends AbstractMap<String, String> {
  private static final HeaderMap EMPTY = new HeaderMap(new String[0]);

  private volatile String[] namesAndValues; // name, value, name, value ...; null until built from source
  /** What {@link #joined} was given (final, so any thread that sees this map sees it), or null. */
  private final Map<String, List<String>> source;

  private HeaderMap(String[] namesAndValues) {
    this.namesAndValues = namesAndValues;
    this.source = null;
  }

  private HeaderMap(Map<String, List<String>> source) {
    this.source = source;
  }

  /**
   * @param headers header names to values
   * @return an immutable case-insensitive copy ({@code headers} itself when it is one already)
   */
  public static HeaderMap of(Map<String, String> headers) {
    if (headers instanceof HeaderMap map) {
      return map;
    }
    Builder builder = new Builder(headers.size());
    headers.forEach(builder::put);
    return builder.build();
  }

  /**
   * @param headers header names to their values, as a transport reports a handshake response; read when the map is
   *                first read, so it must not change (as {@code ConnectionEvents.opened} requires)
   * @return the map with repeated values joined by {@code ", "}
   */
  public static HeaderMap joined(Map<String, List<String>> headers) {
    return headers.isEmpty() ? EMPTY : new HeaderMap(headers);
  }

  /** @return the names and values, built from the source on first use */
  private String[] entries() {
    String[] built = namesAndValues;
    if (built == null) {
      synchronized (this) {
        built = namesAndValues;
        if (built == null) {
          built = join(source);
          namesAndValues = built;
        }
      }
    }
    return built;
  }

  private static String[] join(Map<String, List<String>> headers) {
    Set<Entry<String, List<String>>> entries = headers.entrySet(); // once: a transport's view may build it per call
    Builder builder = new Builder(entries.size());
    for (Entry<String, List<String>> e : entries) {
      List<String> values = e.getValue();
      builder.put(e.getKey(), values.size() == 1 ? values.get(0) : String.join(", ", values));
    }
    return builder.build().entries();
  }

  @Override
  public String get(Object name) {
    String[] entries = entries();
    int at = name instanceof String text ? indexOf(entries, entries.length, text) : -1;
    return at < 0 ? null : entries[at + 1];
  }

  @Override
  public boolean containsKey(Object name) {
    return get(name) != null;
  }

  @Override
  public int size() {
    return entries().length / 2;
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, String>> iterator() {
        String[] entries = entries();
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < entries.length;
          }

          @Override
          public Entry<String, String> next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            next += 2;
            return new SimpleImmutableEntry<>(entries[next - 2], entries[next - 1]);
          }
        };
      }

      @Override
      public int size() {
        return HeaderMap.this.size();
      }
    };
  }

  /** @return the position of the name equal to {@code name} in any letter case among the first {@code n}, or -1 */
  private static int indexOf(String[] namesAndValues, int n, String name) {
    for (int i = 0; i < n; i += 2) {
      if (namesAndValues[i].equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  private static final class Builder {
    private final String[] namesAndValues;
    private int n;

    Builder(int size) {
      namesAndValues = new String[size * 2];
    }

    void put(String name, String value) {
      Objects.requireNonNull(name, "header name");
      Objects.requireNonNull(value, "header value");
      int at = indexOf(namesAndValues, n, name);
      if (at >= 0) {
        namesAndValues[at + 1] = value;
      } else {
        namesAndValues[n++] = name;
        namesAndValues[n++] = value;
      }
    }

    HeaderMap build() {
      if (n == 0) {
        return EMPTY;
      }
      return new HeaderMap(n == namesAndValues.length ? namesAndValues : Arrays.copyOf(namesAndValues, n));
    }
  }
}
