package io.minisocket.adapter.taro;

import io.minisocket.core.SocketResult;
import io.minisocket.core.SocketResultException;

/**
 * The rejection of {@link Taro#connectSocket}'s Promise: it carries the fail result that the {@code fail} callback
 * received ({@code res.errMsg}, e.g. {@code "connectSocket:fail url must use wss://"}), as Taro rejects with it.
 */
public final class TaroSocketException extends SocketResultException {
  private static final long serialVersionUID = 1L;

  /**
   * @param result the fail result
   */
  public TaroSocketException(SocketResult result) {
    super(result);
  }

  /** @return the result's {@code errMsg}, the same as {@link #getMessage()} */
  public String errMsg() {
    return result().errMsg();
  }
}
