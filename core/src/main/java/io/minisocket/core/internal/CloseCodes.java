package io.minisocket.core.internal;

/** The standard texts of the registered close codes, used when the peer gave no reason. */
public final class CloseCodes {
  /** Normal closure. */
  public static final int NORMAL = 1000;
  /** No status code was present in the peer's close frame. */
  public static final int NO_STATUS = 1005;
  /** The connection ended without a closing handshake. */
  public static final int ABNORMAL = 1006;

  private CloseCodes() {}

  /**
   * @param code   a close code
   * @param reason the reason given, may be empty or {@code null}
   * @return {@code reason} when it is not empty, otherwise the standard text of {@code code} (or empty)
   */
  public static String reasonOrStandard(int code, String reason) {
    if (reason != null && !reason.isEmpty()) {
      return reason;
    }
    return switch (code) {
      case 1000 -> "normal closure";
      case 1001 -> "going away";
      case 1002 -> "protocol error";
      case 1003 -> "unsupported data";
      case 1005 -> "no status received";
      case 1006 -> "abnormal closure";
      case 1007 -> "invalid frame payload data";
      case 1008 -> "policy violation";
      case 1009 -> "message too big";
      case 1010 -> "mandatory extension";
      case 1011 -> "internal server error";
      case 1012 -> "service restart";
      case 1013 -> "try again later";
      case 1014 -> "bad gateway";
      case 1015 -> "TLS handshake failure";
      default -> "";
    };
  }
}
