package io.minisocket.core.transport;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A validated request to open a WebSocket, as core hands it to a {@link Transport}.
 *
 * @param uri            a {@code ws://} or {@code wss://} URI with a host
 * @param method         the HTTP method the platform asked for; RFC 6455 handshakes are {@code GET}, and a
 *                       transport may send {@code GET} regardless (the Vert.x transport does)
 * @param headers        extra request headers, in the caller's order
 * @param protocols      the sub-protocols to offer, in order of preference; empty for none
 * @param connectTimeout how long the TCP connect, TLS and opening handshake may take together
 */
public record ConnectRequest(
    URI uri, String method, Map<String, String> headers, List<String> protocols, Duration connectTimeout) {

  /** Checks presence and copies the collections. */
  public ConnectRequest {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(method, "method");
    headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
    protocols = List.copyOf(Objects.requireNonNull(protocols, "protocols"));
    Objects.requireNonNull(connectTimeout, "connectTimeout");
  }

  /** @return whether the URI asks for TLS ({@code wss}) */
  public boolean secure() {
    return "wss".equalsIgnoreCase(uri.getScheme());
  }
}
