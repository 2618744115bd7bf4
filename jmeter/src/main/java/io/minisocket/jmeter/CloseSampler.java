package io.minisocket.jmeter;

import io.minisocket.core.CloseOptions;
import io.minisocket.jmeter.internal.VirtualUser;
import org.apache.jmeter.samplers.SampleResult;

/**
 * Closes the thread's socket ({@code SocketTask.close}). The sample ends at {@code onClose}; its response code is
 * the platform's {@code errMsg} ({@code closeSocket:ok}, or the platform's failure for a bad code or reason), its
 * response data the close event ({@code {"code":1000,"reason":"bye"}}).
 *
 * <p>Properties: {@link #CODE} (default 1000), {@link #REASON}, {@link #TIMEOUT_MS}.
 */
public class CloseSampler extends MiniSocketSampler {
  private static final long serialVersionUID = 1L;

  /** Property: the close code, 1000 or 3000–4999 (default 1000). */
  public static final String CODE = "code";
  /** Property: the close reason (at most 123 bytes). */
  public static final String REASON = "reason";

  private String code = "";
  private String reason = "";

  @Override
  void sample(VirtualUser user, SampleResult result) {
    long closeCode = number(CODE, code, CloseOptions.NORMAL_CLOSURE);
    if (closeCode < Integer.MIN_VALUE || closeCode > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(CODE + " is out of range: " + closeCode);
    }
    String closeReason = reason == null ? "" : reason;
    result.setSamplerData("closeSocket " + closeCode + " " + closeReason);
    user.close((int) closeCode, closeReason, timeoutMillis(), result);
  }

  /** @return {@link #CODE} */
  public String getCode() {
    return code;
  }

  /** @param code the close code */
  public void setCode(String code) {
    this.code = code;
  }

  /** @return {@link #REASON} */
  public String getReason() {
    return reason;
  }

  /** @param reason the close reason */
  public void setReason(String reason) {
    this.reason = reason;
  }
}
