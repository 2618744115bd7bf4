package io.minisocket.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One opening-handshake request as a {@link MockWebSocketServer} read it. Header names are looked up without regard
 * to case; header bytes are decoded as UTF-8.
 */
public final class RecordedRequest {
  private final int connectionId;
  private final String method;
  private final String path;
  private final String httpVersion;
  private final Map<String, List<String>> headers;
  private final List<String> subProtocols;

  RecordedRequest(int connectionId, String method, String path, String httpVersion,
      Map<String, List<String>> headers) {
    this.connectionId = connectionId;
    this.method = method;
    this.path = path;
    this.httpVersion = httpVersion;
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    this.headers = Collections.unmodifiableMap(copy);
    List<String> offered = new ArrayList<>();
    for (String value : headerValues("Sec-WebSocket-Protocol")) {
      for (String protocol : value.split(",")) {
        if (!protocol.isBlank()) {
          offered.add(protocol.trim());
        }
      }
    }
    this.subProtocols = List.copyOf(offered);
  }

  /** @return the id of the connection it came on (1 for the server's first connection) */
  public int connectionId() {
    return connectionId;
  }

  /** @return the request method, e.g. {@code GET} */
  public String method() {
    return method;
  }

  /** @return the request target as sent: path and query, e.g. {@code /chat?room=1} */
  public String path() {
    return path;
  }

  /** @return the HTTP version of the request line, e.g. {@code HTTP/1.1} */
  public String httpVersion() {
    return httpVersion;
  }

  /** @return every header, names looked up case-insensitively, values in the order received; unmodifiable */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * @param name a header name, any case
   * @return its first value, or {@code null} when absent
   */
  public String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /**
   * @param name a header name, any case
   * @return all its values (one per header line), empty when absent
   */
  public List<String> headerValues(String name) {
    return headers.getOrDefault(name, List.of());
  }

  /** @return the sub-protocols the client offered in {@code Sec-WebSocket-Protocol}, in order; may be empty */
  public List<String> subProtocols() {
    return subProtocols;
  }

  /** @return the request line and headers */
  @Override
  public String toString() {
    return method + " " + path + " " + httpVersion + " " + headers;
  }
}
