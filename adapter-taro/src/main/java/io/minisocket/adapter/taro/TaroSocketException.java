package io.minisocket.adapter.taro;

import io.minisocket.core.SocketResult;
import java.util.Objects;

/**
 * The rejection of {@link Taro#connectSocket}'s Promise: it carries the fail result that the {@code fail} callback
 * received ({@code res.errMsg}, e.g. {@code "connectSocket:fail url must use wss://"}), as Taro rejects with it.
 */
public final class TaroSocketException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Not serialised: a result holds no state worth sending, and the message keeps its errMsg. */
  private final transient SocketResult result;

  /**
   * @param result the fail result
   */
  public TaroSocketException(SocketResult result) {
    super(Objects.requireNonNull(result, "result").describe());
    this.result = result;
  }

  /** @return the fail result ({@code errMsg}, and core's {@link SocketResult#kind() kind} of the failure) */
  public SocketResult result() {
    return result;
  }

  /** @return the result's {@code errMsg}, the same as {@link #getMessage()} */
  public String errMsg() {
    return result.errMsg();
  }
}
