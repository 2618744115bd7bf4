package io.minisocket.testkit.internal;

import java.time.Duration;
import java.util.List;

/**
 * What a {@link io.minisocket.testkit.Handshake} says, as the engine reads it.
 *
 * @param kind         how the handshake is answered
 * @param status       the HTTP status of a rejection or a non-upgrade answer
 * @param body         the body of a rejection or a non-upgrade answer
 * @param protocolRule how the sub-protocol is chosen when accepting
 * @param protocols    the sub-protocols the rule works with
 * @param headers      extra headers of the answer, as name-value pairs
 * @param delay        how long to wait after reading the request
 */
public record HandshakePolicy(Kind kind, int status, String body, ProtocolRule protocolRule, List<String> protocols,
    List<String[]> headers, Duration delay) {

  /** How the handshake is answered. */
  public enum Kind {
    /** Upgrade a valid WebSocket request. */
    ACCEPT,
    /** Answer with an HTTP error. */
    REJECT,
    /** Answer with a plain 200, no upgrade. */
    NO_UPGRADE,
    /** Read the request and never answer. */
    STALL,
    /** Never read nor answer (never finish TLS). */
    STALL_BEFORE_REQUEST,
    /** Read the request, then reset the TCP connection. */
    RESET
  }

  /** How the sub-protocol is chosen for an accepted connection. */
  public enum ProtocolRule {
    /** No sub-protocol is answered. */
    NONE,
    /** The client's first offer the server supports, or none. */
    SELECT,
    /** The client's first offer the server supports, or a 400. */
    REQUIRE,
    /** The first of the protocols, whatever the client offered. */
    FORCE
  }

  /** @return e.g. {@code Handshake[REJECT 503 after PT1S]} */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("Handshake[").append(kind);
    if (kind == Kind.REJECT || kind == Kind.NO_UPGRADE) {
      text.append(' ').append(status);
    }
    if (protocolRule != ProtocolRule.NONE) {
      text.append(' ').append(protocolRule).append(' ').append(protocols);
    }
    if (!delay.isZero()) {
      text.append(" after ").append(delay);
    }
    return text.append(']').toString();
  }
}
