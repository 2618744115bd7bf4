package io.minisocket.core;

import java.util.Objects;

/**
 * A failed call as an exception, for Promise-style APIs (a rejected {@code CompletableFuture}): it carries the fail
 * result in the platform's shape; its message is the result's {@linkplain SocketResult#describe() one-line form}.
 */
public class SocketResultException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient SocketResult result;

  /** @param result the fail result */
  public SocketResultException(SocketResult result) {
    super(Objects.requireNonNull(result, "result").describe(), null, false, false);
    this.result = result;
  }

  /** @return the fail result, as the platform's fail callback receives it */
  public SocketResult result() {
    return result;
  }
}
