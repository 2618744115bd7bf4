package io.minisocket.jmeter;

import io.minisocket.jmeter.internal.VirtualUser;
import java.util.Base64;
import org.apache.jmeter.samplers.SampleResult;

/**
 * Sends a text or binary message on the thread's socket ({@code SocketTask.send}). The sample ends at the
 * platform's success or fail ({@code sendSocketMessage:ok}); a {@link ReceiveSampler} after it measures the round
 * trip from this send's start.
 *
 * <p>Properties: {@link #MESSAGE}, {@link #BINARY}, {@link #TIMEOUT_MS}.
 */
public class SendSampler extends MiniSocketSampler {
  private static final long serialVersionUID = 1L;

  /** Property: the message: text, or Base64 when {@link #BINARY} is true. */
  public static final String MESSAGE = "message";
  /** Property: {@code true} to send the Base64-decoded bytes of {@link #MESSAGE} as a binary message. */
  public static final String BINARY = "binary";

  private String message = "";
  private String binary = "";

  @Override
  void sample(VirtualUser user, SampleResult result) {
    String text = message == null ? "" : message;
    result.setSamplerData(text);
    Object data = text;
    if (bool(BINARY, binary)) {
      try {
        data = Base64.getDecoder().decode(text.trim());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(MESSAGE + " is not Base64 (binary is true): " + e.getMessage(), e);
      }
    }
    user.send(data, timeoutMillis(), result);
  }

  /** @return {@link #MESSAGE} */
  public String getMessage() {
    return message;
  }

  /** @param message text, or Base64 when binary */
  public void setMessage(String message) {
    this.message = message;
  }

  /** @return {@link #BINARY} */
  public String getBinary() {
    return binary;
  }

  /** @param binary {@code true} to send the message's Base64-decoded bytes */
  public void setBinary(String binary) {
    this.binary = binary;
  }
}
