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

  @Override
  void sample(VirtualUser user, SampleResult result) {
    long code = longProperty(CODE, CloseOptions.NORMAL_CLOSURE);
    if (code < Integer.MIN_VALUE || code > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(CODE + " is out of range: " + code);
    }
    String reason = getPropertyAsString(REASON);
    result.setSamplerData("closeSocket " + code + " " + reason);
    user.close((int) code, reason, timeoutMillis(), result);
  }

  /** @param code the close code */
  public void setCode(String code) {
    setProperty(CODE, code);
  }

  /** @param reason the close reason */
  public void setReason(String reason) {
    setProperty(REASON, reason);
  }
}
