package io.minisocket.js;

import java.util.Objects;

/** Thrown to Java code when a file or an exported function it ran ended in an uncaught JavaScript error. */
public final class JsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient JsError error;

  /** @param error the JavaScript error */
  public JsException(JsError error) {
    super(Objects.requireNonNull(error, "error").describe());
    this.error = error;
  }

  /** @return the JavaScript error, with its {@code file:line} */
  public JsError error() {
    return error;
  }
}
