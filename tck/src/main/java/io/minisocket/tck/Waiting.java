package io.minisocket.tck;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/** Awaitility set for the kits: the condition is checked at once and then every few milliseconds. */
final class Waiting {
  private static final Duration POLL = Duration.ofMillis(5);

  private Waiting() {}

  /**
   * @param what what is awaited, for the failure message
   * @return a condition factory that checks at once, then every 5 ms
   */
  static ConditionFactory await(String what) {
    return Awaitility.await(what).pollDelay(Duration.ZERO).pollInterval(POLL);
  }
}
