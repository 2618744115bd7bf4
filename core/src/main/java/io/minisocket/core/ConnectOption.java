package io.minisocket.core;

/** The options of {@code connectSocket}; a profile says which of them its platform accepts. */
public enum ConnectOption {
  /** {@code url}: required everywhere. */
  URL,
  /** {@code header}: extra request headers ({@code Referer} refused). */
  HEADER,
  /** {@code method}: the handshake's HTTP method. */
  METHOD,
  /** {@code protocols}: the sub-protocols to offer. */
  PROTOCOLS,
  /** {@code data}: request parameters (Alipay; in WeChat's example). */
  DATA,
  /** {@code multiple}: Alipay's multi-instance switch. */
  MULTIPLE,
  /** {@code timeout}: a per-connect timeout in milliseconds (Alipay). */
  TIMEOUT
}
