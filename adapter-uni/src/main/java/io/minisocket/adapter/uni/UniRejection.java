package io.minisocket.adapter.uni;

import io.minisocket.core.SocketResult;
import io.minisocket.core.SocketResultException;

/**
 * How a Vue 3 style Promise of {@link Uni#connectSocket} is rejected: the exception carries the fail result
 * ({@code {errMsg: "connectSocket:fail ..."}}) that uni-app rejects with.
 */
public final class UniRejection extends SocketResultException {
  private static final long serialVersionUID = 1L;

  /**
   * @param result the fail result
   */
  public UniRejection(SocketResult result) {
    super(result);
  }
}
