package io.minisocket.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The little HTTP/1.1 the opening handshake needs: read a request head, write a response head. */
public final class Http {
  static final int MAX_HEAD_BYTES = 64 * 1024;
  private static final String WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  private Http() {
  }

  /** Thrown when a request head is larger than {@link #MAX_HEAD_BYTES} or malformed. */
  static final class BadRequestException extends IOException {
    private static final long serialVersionUID = 1L;
    final int status;

    BadRequestException(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  /**
   * Reads a request head up to and including the blank line.
   *
   * @return the head's lines without terminators, or {@code null} when the stream ended before any byte
   */
  static List<String> readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    List<String> lines = new ArrayList<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      int b = in.read();
      if (b < 0) {
        if (head.size() == 0) {
          return null;
        }
        throw new IOException("the connection ended inside the request head");
      }
      head.write(b);
      if (head.size() > MAX_HEAD_BYTES) {
        throw new BadRequestException(431, "request head larger than " + MAX_HEAD_BYTES + " bytes");
      }
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        line.reset();
        if (length == 0) {
          if (lines.isEmpty()) {
            continue; // tolerate leading blank lines (RFC 9112 section 2.2)
          }
          return lines;
        }
        lines.add(new String(bytes, 0, length, StandardCharsets.UTF_8));
      } else {
        line.write(b);
      }
    }
  }

  /** Parses a head into a request; throws {@link BadRequestException} when it is not HTTP/1.x. */
  static RequestHead parse(List<String> head) throws BadRequestException {
    String[] requestLine = head.get(0).split(" ", -1);
    if (requestLine.length != 3 || !requestLine[2].startsWith("HTTP/1.")) {
      throw new BadRequestException(400, "bad request line: " + head.get(0));
    }
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String headerLine : head.subList(1, head.size())) {
      int colon = headerLine.indexOf(':');
      if (colon <= 0) {
        throw new BadRequestException(400, "bad header line: " + headerLine);
      }
      headers.computeIfAbsent(headerLine.substring(0, colon).trim(), k -> new ArrayList<>())
          .add(headerLine.substring(colon + 1).trim());
    }
    return new RequestHead(requestLine[0], requestLine[1], requestLine[2], headers);
  }

  /** @return the {@code Sec-WebSocket-Accept} value for a {@code Sec-WebSocket-Key} */
  static String acceptKey(String key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1")
          .digest((key + WEBSOCKET_GUID).getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is missing", e);
    }
  }

  /** @return a response head and body as bytes */
  static byte[] response(int status, List<String[]> headers, String body) {
    StringBuilder text = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status))
        .append("\r\n");
    for (String[] header : headers) {
      text.append(header[0]).append(": ").append(header[1]).append("\r\n");
    }
    byte[] bodyBytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    if (status != 101) {
      text.append("Content-Type: text/plain; charset=utf-8\r\n")
          .append("Content-Length: ").append(bodyBytes.length).append("\r\n")
          .append("Connection: close\r\n");
    }
    text.append("\r\n");
    byte[] headBytes = text.toString().getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[headBytes.length + bodyBytes.length];
    System.arraycopy(headBytes, 0, all, 0, headBytes.length);
    System.arraycopy(bodyBytes, 0, all, headBytes.length, bodyBytes.length);
    return all;
  }

  /**
   * @param name  a header name to send
   * @param value its value
   * @throws IllegalArgumentException when the name is not a token or the value is not one line
   */
  public static void checkHeader(String name, String value) {
    if (name == null || !name.matches("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+")) {
      throw new IllegalArgumentException("not a header name: " + name);
    }
    if (value == null || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("header value must be one line: " + value);
    }
  }

  /**
   * @param status an HTTP status code
   * @return its reason phrase, e.g. {@code Not Found}
   */
  public static String reason(int status) {
    switch (status) {
      case 101: return "Switching Protocols";
      case 200: return "OK";
      case 204: return "No Content";
      case 301: return "Moved Permanently";
      case 302: return "Found";
      case 400: return "Bad Request";
      case 401: return "Unauthorized";
      case 403: return "Forbidden";
      case 404: return "Not Found";
      case 405: return "Method Not Allowed";
      case 426: return "Upgrade Required";
      case 429: return "Too Many Requests";
      case 431: return "Request Header Fields Too Large";
      case 500: return "Internal Server Error";
      case 502: return "Bad Gateway";
      case 503: return "Service Unavailable";
      default: return "Status " + status;
    }
  }
}
