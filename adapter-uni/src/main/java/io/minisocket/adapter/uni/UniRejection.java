package io.minisocket.adapter.uni;

import io.minisocket.core.SocketResult;

/**
 * How a Vue 3 style Promise of {@link Uni#connectSocket} is rejected: the exception carries the fail result
 * ({@code {errMsg: "connectSocket:fail ..."}}) that uni-app rejects with.
 */
public final class UniRejection extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Not serialized: a deserialized rejection keeps only its message. */
  private final transient SocketResult result;

  /**
   * @param result the fail result
   */
  public UniRejection(SocketResult result) {
    super(result.describe());
    this.result = result;
  }

  /** @return the fail result, as the fail callback would have received it */
  public SocketResult result() {
    return result;
  }
}
