package io.minisocket.testkit;

/**
 * A close frame a {@link MockWebSocketServer} received from a client.
 *
 * @param connectionId the id of the connection it came on (1 for the first)
 * @param code         the status code, or 1005 ("no status") when the frame had no body
 * @param reason       the reason, empty when none was given
 */
public record RecordedClose(int connectionId, int code, String reason) {
  /** The code recorded for a close frame without a body (RFC 6455 section 7.1.5). */
  public static final int NO_STATUS = 1005;
}
