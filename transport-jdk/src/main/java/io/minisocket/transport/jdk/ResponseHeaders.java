package io.minisocket.transport.jdk;

import java.net.CookieHandler;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Catches the response headers of opening handshakes, which {@code java.net.http.WebSocket} does not expose: the
 * {@link java.net.http.HttpClient} hands every response's headers to its {@link CookieHandler}, with the request
 * URI only. A header set goes to the handshake in progress to that URI when there is exactly one; when several
 * handshakes to the same URI overlap, none of them gets headers rather than possibly someone else's. Adds no
 * cookies to any request.
 */
final class ResponseHeaders extends CookieHandler {

  /** Where one handshake's headers land; read after the handshake completed. */
  static final class Slot {
    private final String uri;
    private volatile Map<String, List<String>> headers = Map.of();

    private Slot(String uri) {
      this.uri = uri;
    }

    /** @return the handshake's response headers, or an empty map when they could not be told apart */
    Map<String, List<String>> headers() {
      return headers;
    }
  }

  private final Map<String, List<Slot>> handshaking = new HashMap<>();

  /**
   * @param webSocketUri the {@code ws}/{@code wss} URI being connected to
   * @return the slot that receives the headers; pass it to {@link #finished} when the handshake completes
   */
  synchronized Slot started(URI webSocketUri) {
    Slot slot = new Slot(httpUri(webSocketUri));
    handshaking.computeIfAbsent(slot.uri, u -> new ArrayList<>(1)).add(slot);
    return slot;
  }

  /** @param slot a slot from {@link #started}, whose handshake completed (or failed) */
  synchronized void finished(Slot slot) {
    List<Slot> slots = handshaking.get(slot.uri);
    if (slots != null && slots.remove(slot) && slots.isEmpty()) {
      handshaking.remove(slot.uri);
    }
  }

  @Override
  public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
    return Map.of();
  }

  @Override
  public synchronized void put(URI uri, Map<String, List<String>> responseHeaders) {
    List<Slot> slots = handshaking.get(uri.toString());
    if (slots != null && slots.size() == 1) {
      slots.get(0).headers = Map.copyOf(responseHeaders);
    }
  }

  /** The request URI the JDK sends the handshake to: the same URI with {@code http} or {@code https}. */
  private static String httpUri(URI webSocketUri) {
    String s = webSocketUri.toString();
    return "wss".equalsIgnoreCase(webSocketUri.getScheme()) ? "https" + s.substring(3) : "http" + s.substring(2);
  }
}
