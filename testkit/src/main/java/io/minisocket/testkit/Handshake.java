package io.minisocket.testkit;

import io.minisocket.testkit.internal.HandshakePolicy;
import io.minisocket.testkit.internal.HandshakePolicy.Kind;
import io.minisocket.testkit.internal.HandshakePolicy.ProtocolRule;
import io.minisocket.testkit.internal.Http;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link MockWebSocketServer} answers one connection's opening handshake. Immutable; make one with a static
 * factory and refine it with {@link #withHeader(String, String)} or {@link #delayed(Duration)}.
 *
 * <p>On the wire:
 * <ul>
 *   <li>{@link #accept()}: {@code 101 Switching Protocols} with a correct {@code Sec-WebSocket-Accept} and no
 *       {@code Sec-WebSocket-Protocol}; a request that is not a WebSocket upgrade gets {@code 400} (not GET:
 *       {@code 405}, version other than 13: {@code 426}).</li>
 *   <li>{@link #acceptSubProtocols(String...)}: like Vert.x's {@code setWebSocketSubProtocols}: answers the
 *       client's first offered protocol the server supports, and accepts without a protocol when none match.</li>
 *   <li>{@link #requireSubProtocol(String...)}: strict; answers {@code 400 Bad Request} when the client offers none
 *       of them.</li>
 *   <li>{@link #answerSubProtocol(String)}: {@code 101} naming a protocol regardless of what the client offered.</li>
 *   <li>{@link #rejectWith(int)}: that HTTP status with a text body, then the connection is closed.</li>
 *   <li>{@link #answerWithoutUpgrade()}: {@code 200 OK} with a text body and no upgrade, then closed.</li>
 *   <li>{@link #stallHandshake()}: reads and records the request, never answers.</li>
 *   <li>{@link #stallBeforeRequest()}: accepts the TCP connection and never answers a byte; on a TLS server the
 *       TLS handshake never completes. No request is recorded.</li>
 *   <li>{@link #resetConnection()}: reads and records the request, then resets the TCP connection (RST).</li>
 * </ul>
 */
public final class Handshake {
  private static final Handshake ACCEPT =
      new Handshake(Kind.ACCEPT, 101, "", ProtocolRule.NONE, List.of(), List.of(), Duration.ZERO);

  private final HandshakePolicy policy;

  private Handshake(Kind kind, int status, String body, ProtocolRule protocolRule, List<String> protocols,
      List<String[]> headers, Duration delay) {
    this.policy = new HandshakePolicy(kind, status, body, protocolRule, protocols, headers, delay);
  }

  /** @return the default: upgrade every valid WebSocket request, choosing no sub-protocol */
  public static Handshake accept() {
    return ACCEPT;
  }

  /**
   * Accepts every valid WebSocket request and answers the client's first offered sub-protocol that is in
   * {@code supported}; when none matches it still accepts, without a {@code Sec-WebSocket-Protocol} header (what a
   * Vert.x server with {@code setWebSocketSubProtocols} does).
   *
   * @param supported the sub-protocols the server knows
   * @return the policy
   */
  public static Handshake acceptSubProtocols(String... supported) {
    return new Handshake(Kind.ACCEPT, 101, "", ProtocolRule.SELECT, protocolList(supported), List.of(),
        Duration.ZERO);
  }

  /**
   * Accepts only a client that offers one of {@code protocols} (answering the client's first such offer); any other
   * client gets {@code 400 Bad Request}, a handshake failure every client reports.
   *
   * @param protocols the acceptable sub-protocols; at least one
   * @return the policy
   */
  public static Handshake requireSubProtocol(String... protocols) {
    if (protocols.length == 0) {
      throw new IllegalArgumentException("at least one sub-protocol is needed");
    }
    return new Handshake(Kind.ACCEPT, 101, "", ProtocolRule.REQUIRE, protocolList(protocols), List.of(),
        Duration.ZERO);
  }

  /**
   * Answers {@code 101} with {@code Sec-WebSocket-Protocol: protocol} whatever the client offered, so a client that
   * did not offer it should fail the handshake (RFC 6455 section 4.1).
   *
   * @param protocol the sub-protocol to name in the answer
   * @return the policy
   */
  public static Handshake answerSubProtocol(String protocol) {
    return new Handshake(Kind.ACCEPT, 101, "", ProtocolRule.FORCE, protocolList(protocol), List.of(),
        Duration.ZERO);
  }

  /**
   * Answers with an HTTP error instead of upgrading; the body names the status.
   *
   * @param httpStatus 200 to 599, not 101 (e.g. 403, 404, 500)
   * @return the policy
   */
  public static Handshake rejectWith(int httpStatus) {
    return rejectWith(httpStatus, "rejected by MockWebSocketServer: " + httpStatus + " "
        + Http.reason(httpStatus));
  }

  /**
   * Answers with an HTTP error instead of upgrading.
   *
   * @param httpStatus 200 to 599, not 101
   * @param body       the response body (UTF-8 text)
   * @return the policy
   */
  public static Handshake rejectWith(int httpStatus, String body) {
    if (httpStatus < 200 || httpStatus > 599) {
      throw new IllegalArgumentException("status must be 200..599: " + httpStatus);
    }
    return new Handshake(Kind.REJECT, httpStatus, Objects.requireNonNull(body, "body"), ProtocolRule.NONE,
        List.of(), List.of(), Duration.ZERO);
  }

  /** @return a policy answering {@code 200 OK} with a text body and no upgrade, like a plain web page */
  public static Handshake answerWithoutUpgrade() {
    return new Handshake(Kind.NO_UPGRADE, 200, "this is not a WebSocket endpoint", ProtocolRule.NONE, List.of(),
        List.of(), Duration.ZERO);
  }

  /**
   * @return a policy that reads and records the handshake request (after TLS, on a TLS server) and never answers,
   *     keeping the connection open until the client gives up: for connect/handshake timeouts
   */
  public static Handshake stallHandshake() {
    return new Handshake(Kind.STALL, 0, "", ProtocolRule.NONE, List.of(), List.of(), Duration.ZERO);
  }

  /**
   * @return a policy that accepts the TCP connection and never sends a byte (on a TLS server: never answers the
   *     ClientHello); nothing is recorded but the connection
   */
  public static Handshake stallBeforeRequest() {
    return new Handshake(Kind.STALL_BEFORE_REQUEST, 0, "", ProtocolRule.NONE, List.of(), List.of(), Duration.ZERO);
  }

  /** @return a policy that reads and records the request, then resets the TCP connection (RST, no answer) */
  public static Handshake resetConnection() {
    return new Handshake(Kind.RESET, 0, "", ProtocolRule.NONE, List.of(), List.of(), Duration.ZERO);
  }

  /**
   * Adds a header to the answer ({@code 101} or error response). Not used by the stall and reset policies.
   *
   * @param name  header name
   * @param value header value
   * @return a copy with the header added
   */
  public Handshake withHeader(String name, String value) {
    Http.checkHeader(name, value);
    List<String[]> copy = new ArrayList<>(policy.headers());
    copy.add(new String[] {name, value});
    return new Handshake(policy.kind(), policy.status(), policy.body(), policy.protocolRule(), policy.protocols(),
        List.copyOf(copy), policy.delay());
  }

  /**
   * Waits before answering (or, for a stall or reset policy, before stalling or resetting), e.g. to answer just
   * after a client's timeout.
   *
   * @param delay how long to wait after the request was read; not negative
   * @return a copy with the delay
   */
  public Handshake delayed(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("negative delay: " + delay);
    }
    return new Handshake(policy.kind(), policy.status(), policy.body(), policy.protocolRule(), policy.protocols(),
        policy.headers(), delay);
  }

  HandshakePolicy policy() {
    return policy;
  }

  private static List<String> protocolList(String... protocols) {
    for (String protocol : protocols) {
      if (protocol == null || protocol.isBlank() || !protocol.matches("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+")) {
        throw new IllegalArgumentException("not a sub-protocol token: " + protocol);
      }
    }
    return List.of(protocols);
  }

  /** @return a description for test failure messages */
  @Override
  public String toString() {
    return policy.toString();
  }
}
