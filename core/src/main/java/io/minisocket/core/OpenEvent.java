package io.minisocket.core;

import io.minisocket.core.internal.HeaderMap;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code onOpen} listeners receive: the HTTP response headers of the opening handshake ({@code res.header})
 * and the negotiated sub-protocol.
 *
 * @param header   response header names to values, an HTTP header map: looked up in any letter case
 *                 ({@code get("x-peer")} finds {@code X-Peer}), iterated with the server's spelling and order;
 *                 repeated headers joined with ", "; immutable
 * @param protocol the sub-protocol the server chose, empty when none
 */
public record OpenEvent(Map<String, String> header, String protocol) {
  /** Copies the header map into a case-insensitive one and checks presence. */
  public OpenEvent {
    header = HeaderMap.of(header);
    Objects.requireNonNull(protocol, "protocol");
  }
}
