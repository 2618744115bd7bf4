package io.minisocket.jmeter;

import io.minisocket.jmeter.internal.Facades;
import io.minisocket.jmeter.internal.VirtualUser;
import org.apache.jmeter.samplers.AbstractSampler;
import org.apache.jmeter.samplers.Entry;
import org.apache.jmeter.samplers.SampleResult;
import org.apache.jmeter.testbeans.TestBean;
import org.apache.jmeter.testelement.TestStateListener;
import org.apache.jmeter.testelement.ThreadListener;

/**
 * The base of the MiniSocket samplers: connect ({@link ConnectSampler}), send ({@link SendSampler}), wait for a
 * message ({@link ReceiveSampler}) and close ({@link CloseSampler}); and a JavaScript scenario
 * ({@link JsScenarioSampler}), whose script is kept for the thread the same way (see there).
 *
 * <p><b>Lifecycle.</b> Each JMeter thread (virtual user) has one socket, kept for the thread across its
 * samplers: a connect opens it (closing one still open), send, receive and close use it. When the thread ends its
 * socket is closed (code 1000) and its facade released; at the end of the test every facade and transport of the
 * engine is closed. <b>Threading.</b> A sampler runs on its JMeter thread; waits are bounded by the sampler's
 * {@code timeoutMs} (default 10 s). <b>Nothing lost.</b> Every sample ends in the platform's success or fail, or
 * in a timeout, never in an exception.
 *
 * <p>The samplers are JMeter test beans: JMeter's GUI shows a form for them, and a plan sets their properties as
 * strings (so they travel to {@code jmeter-server} engines over RMI) that may use JMeter variables and functions.
 */
public abstract class MiniSocketSampler extends AbstractSampler
    implements TestBean, ThreadListener, TestStateListener {
  private static final long serialVersionUID = 1L;

  /** Property: how long the sample waits, in milliseconds (default 10000). */
  public static final String TIMEOUT_MS = "timeoutMs";

  private static final long DEFAULT_TIMEOUT_MS = 10_000;

  private String timeoutMs = "";

  @Override
  public SampleResult sample(Entry entry) {
    SampleResult result = new SampleResult();
    result.setSampleLabel(getName());
    VirtualUser user = VirtualUser.current();
    try {
      sample(user, result);
    } catch (IllegalArgumentException e) { // a property the plan got wrong, found before the sample started
      result.setStampAndTime(System.currentTimeMillis(), 0);
      result.setSuccessful(false);
      result.setResponseCode(VirtualUser.BAD_PROPERTY);
      result.setResponseMessage(e.getMessage());
    }
    return result;
  }

  /**
   * Runs this sampler's action as the thread's virtual user.
   *
   * @param user   the thread's virtual user
   * @param result the sample to fill
   * @throws IllegalArgumentException for a bad property, before the sample started
   */
  abstract void sample(VirtualUser user, SampleResult result);

  /** @return how long the sample waits at most, in milliseconds; empty for 10000 */
  public String getTimeoutMs() {
    return timeoutMs;
  }

  /** @param millis how long the sample waits at most, in milliseconds */
  public void setTimeoutMs(String millis) {
    this.timeoutMs = millis;
  }

  long timeoutMillis() {
    long timeout = number(TIMEOUT_MS, timeoutMs, DEFAULT_TIMEOUT_MS);
    if (timeout <= 0) {
      throw new IllegalArgumentException(TIMEOUT_MS + " must be positive, got " + timeout);
    }
    return timeout;
  }

  static String text(String value) {
    return value == null ? "" : value.trim();
  }

  static long number(String name, String text, long defaultValue) {
    String value = text(text);
    if (value.isEmpty()) {
      return defaultValue;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'", e);
    }
  }

  static boolean bool(String name, String text) {
    String value = text(text);
    if (value.isEmpty() || value.equalsIgnoreCase("false")) {
      return false;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    throw new IllegalArgumentException(name + " must be true or false, got '" + value + "'");
  }

  @Override
  public void threadStarted() {
    // the virtual user is made by the thread's first sample
  }

  /** Closes the thread's socket and releases its facade. */
  @Override
  public void threadFinished() {
    VirtualUser.endCurrent();
  }

  @Override
  public void testStarted() {
    // facades are made by the first connect
  }

  @Override
  public void testStarted(String host) {
    testStarted();
  }

  /** Closes every facade and transport of this engine that is still open. */
  @Override
  public void testEnded() {
    Facades.closeAll();
  }

  @Override
  public void testEnded(String host) {
    testEnded();
  }
}
