package io.minisocket.core;

/**
 * Why an operation failed, as core classifies it. Platforms name and number these differently (WeChat's
 * {@code errMsg} text, Alipay's numeric {@code error}); a profile's
 * {@link io.minisocket.core.spi.ResultStyle} turns a kind into the platform's result.
 */
public enum ErrorKind {
  /** The url is missing or empty. */
  URL_EMPTY("url is empty"),
  /** The url cannot be parsed or has no host. */
  URL_INVALID("url is not a valid URL"),
  /** The url's scheme is neither ws nor wss. */
  URL_SCHEME("url must start with ws:// or wss://"),
  /** A ws:// url where the platform requires wss:// (url check on). */
  WSS_REQUIRED("url must use wss://"),
  /** The url's host is not on the configured socket domain allow-list. */
  DOMAIN_NOT_ALLOWED("url not in domain list"),
  /** An option has a wrong value or type (header, method, protocols, code, reason, data, timeout ...). */
  INVALID_OPTION("invalid option"),
  /** The single-instance (global) socket already exists. */
  CONNECTION_EXISTS("connection already exists"),
  /** The platform's limit of simultaneous sockets is reached. */
  LIMIT_EXCEEDED("exceed max concurrent count"),
  /** The connection did not open within the connect timeout. */
  CONNECT_TIMEOUT("Timed out connecting to server."),
  /** The server's certificate was not trusted or TLS failed. */
  TLS("the server's certificate is invalid"),
  /** The server rejected or did not properly answer the opening handshake. */
  HANDSHAKE("the server returned an invalid handshake response"),
  /** The server required a sub-protocol that was not offered, or answered one that was not offered. */
  SUBPROTOCOL("the Sec-WebSocket-Protocol handshake failed"),
  /** The server refused the TCP connection. */
  REFUSED("connection refused"),
  /** The network failed: unknown host, connection reset, unexpected end of stream. */
  NETWORK("network error"),
  /** The socket is not open (not yet, or no longer), so the operation cannot run. */
  NOT_OPEN("WebSocket is not connected"),
  /** The message was accepted but the connection ended before it could be written. */
  SEND_FAILED("message send failed: the connection ended"),
  /** The send queue's byte bound would be exceeded. */
  QUEUE_FULL("send queue is full"),
  /** The connect was cancelled by a local close before the socket opened. */
  ABORTED("closed before the connection opened"),
  /** The platform does not offer this API or option. */
  UNSUPPORTED("not supported on this platform"),
  /** Anything else. */
  UNKNOWN("unknown error");

  private final String defaultMessage;

  ErrorKind(String defaultMessage) {
    this.defaultMessage = defaultMessage;
  }

  /** @return the message used when the profile does not name this kind differently */
  public String defaultMessage() {
    return defaultMessage;
  }
}
