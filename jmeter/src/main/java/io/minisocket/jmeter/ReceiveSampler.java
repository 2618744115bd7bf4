package io.minisocket.jmeter;

import io.minisocket.jmeter.internal.VirtualUser;
import org.apache.jmeter.samplers.SampleResult;

/**
 * Waits for a message on the thread's socket ({@code onMessage}), optionally one containing some text; messages
 * that do not match are passed over. The sample's time runs from the start of the {@link SendSampler} before it to
 * the message's arrival — the round trip — or, with no send since the last receive, from this sampler's start. Its
 * response data is the message (text, or the bytes of a binary one). It fails with code {@code timeout} when no
 * message comes in time, and {@code onClose} when the socket closes first.
 *
 * <p>Properties: {@link #MATCH}, {@link #TIMEOUT_MS}.
 */
public class ReceiveSampler extends MiniSocketSampler {
  private static final long serialVersionUID = 1L;

  /** Property: text the message must contain; empty for any message. */
  public static final String MATCH = "match";

  private String match = "";

  @Override
  void sample(VirtualUser user, SampleResult result) {
    String wanted = match == null ? "" : match;
    result.setSamplerData(wanted.isEmpty() ? "onMessage" : "onMessage containing " + wanted);
    user.receive(wanted, timeoutMillis(), result);
  }

  /** @return {@link #MATCH} */
  public String getMatch() {
    return match;
  }

  /** @param match text the message must contain, or empty */
  public void setMatch(String match) {
    this.match = match;
  }
}
