package io.minisocket.core;

import java.util.Map;
import java.util.Objects;

/**
 * What {@code onOpen} listeners receive: the HTTP response headers of the opening handshake ({@code res.header})
 * and the negotiated sub-protocol.
 *
 * @param header   response header names (as the server sent them) to values; repeated headers joined with ", "
 * @param protocol the sub-protocol the server chose, empty when none
 */
public record OpenEvent(Map<String, String> header, String protocol) {
  /** Copies the header map and checks presence. */
  public OpenEvent {
    header = Map.copyOf(header);
    Objects.requireNonNull(protocol, "protocol");
  }
}
