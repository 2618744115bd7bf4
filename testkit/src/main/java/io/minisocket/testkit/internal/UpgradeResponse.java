package io.minisocket.testkit.internal;

import io.minisocket.testkit.RecordedRequest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The answer to an opening handshake under an accepting policy (RFC 6455 section 4.2.2): {@code 101} with the
 * accept key and the chosen sub-protocol, or the error status a request that is no valid upgrade gets.
 *
 * @param status   101, or the error status
 * @param headers  the answer's headers
 * @param body     the error body, {@code null} for a 101
 * @param protocol the chosen sub-protocol, {@code null} when none
 */
record UpgradeResponse(int status, List<String[]> headers, String body, String protocol) {

  static UpgradeResponse to(RecordedRequest request, HandshakePolicy policy) {
    if (!"GET".equals(request.method())) {
      return error(405, List.<String[]>of(new String[] {"Allow", "GET"}), "a WebSocket handshake must be a GET");
    }
    if (!hasToken(request, "Upgrade", "websocket") || !hasToken(request, "Connection", "upgrade")) {
      return error(400, List.of(), "not a WebSocket upgrade: Upgrade: websocket and Connection: Upgrade are needed");
    }
    String key = request.header("Sec-WebSocket-Key");
    if (key == null || !isNonce(key)) {
      return error(400, List.of(), "missing or malformed Sec-WebSocket-Key");
    }
    if (!"13".equals(request.header("Sec-WebSocket-Version"))) {
      return error(426, List.<String[]>of(new String[] {"Sec-WebSocket-Version", "13"}),
          "only WebSocket version 13 is supported");
    }
    String protocol = chooseProtocol(request, policy);
    if (protocol == null && policy.protocolRule() == HandshakePolicy.ProtocolRule.REQUIRE) {
      return error(400, List.of(), "none of the offered sub-protocols " + request.subProtocols()
          + " is supported; expected one of " + policy.protocols());
    }
    List<String[]> headers = new ArrayList<>();
    headers.add(new String[] {"Upgrade", "websocket"});
    headers.add(new String[] {"Connection", "Upgrade"});
    headers.add(new String[] {"Sec-WebSocket-Accept", Http.acceptKey(key)});
    if (protocol != null) {
      headers.add(new String[] {"Sec-WebSocket-Protocol", protocol});
    }
    headers.addAll(policy.headers());
    return new UpgradeResponse(101, headers, null, protocol);
  }

  boolean upgrades() {
    return status == 101;
  }

  private static UpgradeResponse error(int status, List<String[]> headers, String body) {
    return new UpgradeResponse(status, headers, body, null);
  }

  private static String chooseProtocol(RecordedRequest request, HandshakePolicy policy) {
    switch (policy.protocolRule()) {
      case FORCE:
        return policy.protocols().get(0);
      case SELECT:
      case REQUIRE:
        for (String offered : request.subProtocols()) {
          if (policy.protocols().contains(offered)) {
            return offered;
          }
        }
        return null;
      default:
        return null;
    }
  }

  private static boolean hasToken(RecordedRequest request, String header, String token) {
    for (String value : request.headerValues(header)) {
      for (String part : value.split(",")) {
        if (part.trim().toLowerCase(Locale.ROOT).equals(token)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isNonce(String key) {
    try {
      return Base64.getDecoder().decode(key.trim()).length == 16;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
