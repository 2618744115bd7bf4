package io.minisocket.core.internal;

import io.minisocket.core.ConnectOption;
import io.minisocket.core.ConnectOptions;
import io.minisocket.core.ErrorKind;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.spi.PlatformProfile;
import io.minisocket.core.spi.Policies.UnsupportedOption;
import io.minisocket.core.transport.ConnectRequest;
import io.minisocket.core.transport.Frame;
import io.minisocket.core.transport.Utf8;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** The input rules every platform shares. Each check returns {@code null} when the input is valid. */
public final class Validation {
  private static final Logger LOG = LogManager.getLogger(Validation.class);

  /** The HTTP methods the platforms allow for the opening handshake. */
  public static final Set<String> METHODS =
      Set.of("OPTIONS", "GET", "HEAD", "POST", "PUT", "DELETE", "TRACE", "CONNECT");
  /**
   * Request headers that the opening handshake owns, refused in any letter case (as the JDK's
   * {@code WebSocket.Builder} and browsers refuse them); {@code Referer} as the platforms refuse it.
   */
  public static final Set<String> FORBIDDEN_HEADERS = Set.of("referer", "host", "sec-websocket-key",
      "sec-websocket-version", "sec-websocket-extensions", "sec-websocket-accept", "upgrade", "connection",
      "content-length", "transfer-encoding");
  /** The header whose value is offered as the sub-protocol list when {@code protocols} is not given. */
  public static final String PROTOCOL_HEADER = "Sec-WebSocket-Protocol";
  /** Close reasons are limited to 123 bytes of UTF-8 (a close frame's payload is 125 bytes, 2 for the code). */
  public static final int MAX_CLOSE_REASON_BYTES = 123;

  private Validation() {}

  /**
   * Checks connect options and turns them into a transport request.
   *
   * @param options the options as the user gave them
   * @param profile the platform's rules
   * @param config  the app configuration
   * @return the request, or the first problem found
   */
  public static Checked<ConnectRequest> connectRequest(
      ConnectOptions options, PlatformProfile profile, SocketConfig config) {
    if (options.problem() != null) {
      return Checked.invalid(ErrorKind.INVALID_OPTION, options.problem());
    }
    for (ConnectOption option : options.given()) {
      if (!profile.accepts(option)) {
        String name = option.name().toLowerCase(Locale.ROOT);
        if (profile.unsupportedOption() == UnsupportedOption.REJECT) {
          return Checked.invalid(ErrorKind.UNSUPPORTED, "option '" + name + "' is not supported on " + profile.name());
        }
        LOG.debug("Ignoring option '{}', which {} does not support", name, profile.name());
      }
    }
    Checked<URI> uri = url(options.url(), profile, config);
    if (uri.invalid() != null) {
      return Checked.invalid(uri.invalid());
    }
    boolean accepts = profile.accepts(ConnectOption.HEADER);
    Checked<Map<String, String>> headers = accepts ? headers(options.header()) : Checked.valid(Map.of());
    if (headers.invalid() != null) {
      return Checked.invalid(headers.invalid());
    }
    String method = "GET";
    if (profile.accepts(ConnectOption.METHOD)) {
      method = options.method().toUpperCase(Locale.ROOT);
      if (!METHODS.contains(method)) {
        return Checked.invalid(ErrorKind.INVALID_OPTION, "method must be one of OPTIONS, GET, HEAD, POST, PUT, "
            + "DELETE, TRACE, CONNECT, got '" + options.method() + "'");
      }
    }
    List<String> protocols = profile.accepts(ConnectOption.PROTOCOLS) ? options.protocols() : List.of();
    Map<String, String> header = headers.value();
    String protocolHeader = headerName(header, PROTOCOL_HEADER);
    if (protocolHeader != null) { // Alipay's remedy for its error 9: the header offers the sub-protocols
      if (!protocols.isEmpty()) {
        return Checked.invalid(ErrorKind.INVALID_OPTION, "give the sub-protocols once: in protocols or in header '"
            + protocolHeader + "', not in both");
      }
      header = new LinkedHashMap<>(header);
      protocols = splitProtocols(header.remove(protocolHeader));
      if (protocols.isEmpty()) {
        return Checked.invalid(ErrorKind.INVALID_OPTION, "header '" + protocolHeader + "' names no sub-protocol");
      }
    }
    Invalid bad = protocols(protocols);
    if (bad != null) {
      return Checked.invalid(bad);
    }
    Duration timeout = config.connectTimeout();
    if (options.timeout() != null && profile.accepts(ConnectOption.TIMEOUT)) {
      if (options.timeout().isNegative() || options.timeout().isZero()) {
        return Checked.invalid(ErrorKind.INVALID_OPTION,
            "timeout must be a positive number of milliseconds, got " + options.timeout().toMillis());
      }
      timeout = options.timeout();
    }
    return Checked.valid(new ConnectRequest(uri.value(), method, header, protocols, timeout));
  }

  /**
   * Checks a url: present, parsable, ws or wss with a host, wss where required, host on the allow-list.
   *
   * @param url     the url as given
   * @param profile the platform's rules
   * @param config  the app configuration
   * @return the parsed URI, or the problem
   */
  public static Checked<URI> url(String url, PlatformProfile profile, SocketConfig config) {
    if (url == null || url.isBlank()) {
      return Checked.invalid(ErrorKind.URL_EMPTY, url == null ? "url is required" : "url is empty");
    }
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      return Checked.invalid(ErrorKind.URL_INVALID, "url is not a valid URL: " + e.getMessage());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("ws") && !scheme.equals("wss")) {
      return Checked.invalid(ErrorKind.URL_SCHEME, "url must start with ws:// or wss://, got '" + url + "'");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      String authority = uri.getRawAuthority();
      if (authority != null && authority.matches(".*:[0-9]+")) { // a port past int: URI takes it for a registry
        return Checked.invalid(ErrorKind.URL_INVALID, "url port must be 1 to 65535, got "
            + authority.substring(authority.lastIndexOf(':') + 1) + ": '" + url + "'");
      }
      return Checked.invalid(ErrorKind.URL_INVALID, "url has no host: '" + url + "'");
    }
    if (uri.getPort() == 0 || uri.getPort() > 65535) {
      return Checked.invalid(ErrorKind.URL_INVALID,
          "url port must be 1 to 65535, got " + uri.getPort() + ": '" + url + "'");
    }
    if (config.urlCheck()) {
      if (profile.wssRequired() && scheme.equals("ws")) {
        return Checked.invalid(ErrorKind.WSS_REQUIRED, null);
      }
      if (!config.socketDomains().isEmpty() && !domainAllowed(uri, config.socketDomains())) {
        return Checked.invalid(ErrorKind.DOMAIN_NOT_ALLOWED, null);
      }
    }
    return Checked.valid(uri);
  }

  private static boolean domainAllowed(URI uri, List<String> domains) {
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    int port = port(scheme, uri.getPort());
    for (String domain : domains) {
      if (!domain.contains("://")) {
        if (domain.equals(host)) {
          return true;
        }
        continue;
      }
      URI allowed = URI.create(domain);
      String allowedScheme = allowed.getScheme();
      if (host.equals(allowed.getHost()) && scheme.equals(allowedScheme)
          && port == port(allowedScheme, allowed.getPort())) {
        return true;
      }
    }
    return false;
  }

  private static int port(String scheme, int port) {
    return port != -1 ? port : scheme.equals("wss") ? 443 : 80;
  }

  /**
   * Checks request headers: names are HTTP tokens, the {@link #FORBIDDEN_HEADERS} are refused in any letter case,
   * values are strings or numbers without line breaks.
   *
   * @param header the headers as given
   * @return the headers as strings, in order, or the problem
   */
  public static Checked<Map<String, String>> headers(Map<String, Object> header) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : header.entrySet()) {
      String name = entry.getKey();
      if (name == null || !isToken(name)) {
        return Checked.invalid(ErrorKind.INVALID_OPTION, "header name '" + name + "' is not a valid HTTP token");
      }
      if (FORBIDDEN_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        return Checked.invalid(ErrorKind.INVALID_OPTION, "header '" + canonical(name) + "' cannot be set");
      }
      Object value = entry.getValue();
      if (!(value instanceof String) && !(value instanceof Number)) {
        return Checked.invalid(ErrorKind.INVALID_OPTION,
            "header '" + name + "' must be a string or a number, got " + typeName(value));
      }
      String text = value.toString();
      if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
        return Checked.invalid(ErrorKind.INVALID_OPTION, "header '" + name + "' must not contain line breaks");
      }
      out.put(name, text);
    }
    return Checked.valid(out);
  }

  /** @return the name as HTTP spells it by convention: {@code Referer}, {@code Sec-WebSocket-Key}, ... */
  private static String canonical(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.startsWith("sec-websocket-")) {
      return "Sec-WebSocket-" + Character.toUpperCase(lower.charAt(14)) + lower.substring(15);
    }
    StringBuilder out = new StringBuilder(lower.length());
    boolean start = true;
    for (char c : lower.toCharArray()) {
      out.append(start ? Character.toUpperCase(c) : c);
      start = c == '-';
    }
    return out.toString();
  }

  private static String headerName(Map<String, String> header, String name) {
    for (String given : header.keySet()) {
      if (given.equalsIgnoreCase(name)) {
        return given;
      }
    }
    return null;
  }

  /** Splits a {@code Sec-WebSocket-Protocol} value: comma-separated, each trimmed, empty entries dropped. */
  private static List<String> splitProtocols(String value) {
    List<String> out = new ArrayList<>();
    for (String part : value.split(",")) {
      if (!part.isBlank()) {
        out.add(part.trim());
      }
    }
    return out;
  }

  /**
   * Checks sub-protocols: each a non-empty HTTP token, no repeats.
   *
   * @param protocols the protocols as given
   * @return the problem, or {@code null}
   */
  public static Invalid protocols(List<String> protocols) {
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < protocols.size(); i++) {
      String protocol = protocols.get(i);
      if (protocol == null || !isToken(protocol)) {
        return Invalid.input(ErrorKind.INVALID_OPTION,
            "protocols[" + i + "] '" + protocol + "' is not a valid sub-protocol token");
      }
      if (seen.contains(protocol)) {
        return Invalid.input(ErrorKind.INVALID_OPTION, "protocols[" + i + "] '" + protocol + "' is repeated");
      }
      seen.add(protocol);
    }
    return null;
  }

  /**
   * Checks a close code and reason.
   *
   * @param code   1000 or 3000–4999
   * @param reason at most 123 bytes of UTF-8
   * @return the problem, or {@code null}
   */
  public static Invalid close(int code, String reason) {
    if (code != 1000 && (code < 3000 || code > 4999)) {
      return Invalid.input(ErrorKind.INVALID_OPTION, "code must be 1000 or between 3000 and 4999, got " + code);
    }
    long bytes = Utf8.length(reason);
    if (bytes > MAX_CLOSE_REASON_BYTES) {
      return Invalid.input(ErrorKind.INVALID_OPTION,
          "reason must be at most " + MAX_CLOSE_REASON_BYTES + " bytes of UTF-8, got " + bytes);
    }
    return null;
  }

  /**
   * Turns send data into a frame: a String is text; a byte[] or ByteBuffer is binary (not copied).
   *
   * @param data the data as given
   * @return the frame, or {@code null} when the data cannot be sent ({@link #frameProblem} says why)
   */
  public static Frame frame(Object data) {
    if (data instanceof String text) {
      return Frame.text(text);
    }
    if (data instanceof byte[] bytes) {
      return Frame.binary(ByteBuffer.wrap(bytes));
    }
    if (data instanceof ByteBuffer buffer) {
      return Frame.binary(buffer.slice());
    }
    return null;
  }

  /**
   * Says why {@link #frame} refused the data.
   *
   * @param data data for which {@link #frame} returned {@code null}
   * @return the problem
   */
  public static Invalid frameProblem(Object data) {
    return Invalid.input(ErrorKind.INVALID_OPTION, data == null ? "data is required"
        : "data must be a String, byte[] or ByteBuffer, got " + typeName(data));
  }

  /**
   * Names a value's type as a JavaScript developer would: string, number, boolean, array, object or null.
   *
   * @param value any value
   * @return the type's name
   */
  public static String typeName(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof CharSequence) {
      return "string";
    }
    if (value instanceof Number) {
      return "number";
    }
    if (value instanceof Boolean) {
      return "boolean";
    }
    if (value instanceof java.util.Collection || value.getClass().isArray()) {
      return "array";
    }
    if (value instanceof Map) {
      return "object";
    }
    return value.getClass().getName();
  }

  private static boolean isToken(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * A checked value or the reason it was refused.
   *
   * @param value   the value when valid
   * @param invalid the problem, {@code null} when valid
   * @param <T>     the value type
   */
  public record Checked<T>(T value, Invalid invalid) {
    static <T> Checked<T> valid(T value) {
      return new Checked<>(value, null);
    }

    static <T> Checked<T> invalid(Invalid invalid) {
      return new Checked<>(null, invalid);
    }

    /**
     * @param kind   the failure kind
     * @param detail what was wrong, complete on its own, or {@code null} for the platform's wording of the kind
     * @param <T>    the value type
     * @return a refusal of bad input ({@link Invalid#input})
     */
    public static <T> Checked<T> invalid(ErrorKind kind, String detail) {
      return new Checked<>(null, Invalid.input(kind, detail));
    }
  }
}
