package io.minisocket.core;

import java.util.Objects;

/**
 * What {@code onClose} listeners receive ({@code res.code}, {@code res.reason}).
 *
 * @param code   the close code: the peer's or the local one, 1006 when the connection ended abnormally
 * @param reason the close reason; the standard text for the code when the peer gave none
 */
public record CloseEvent(int code, String reason) {
  /** Checks presence. */
  public CloseEvent {
    Objects.requireNonNull(reason, "reason");
  }
}
