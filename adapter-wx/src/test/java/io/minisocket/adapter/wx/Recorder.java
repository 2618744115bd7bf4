package io.minisocket.adapter.wx;

import static org.awaitility.Awaitility.await;

import io.minisocket.core.Callbacks;
import io.minisocket.core.SocketResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.awaitility.core.ConditionFactory;

/** Records callbacks and events as lines ("label:success connectSocket:ok") and waits for them. */
final class Recorder {
  static final Duration WAIT = Duration.ofSeconds(10);

  private final List<String> lines = new CopyOnWriteArrayList<>();

  /** @return an Awaitility wait of at most {@link #WAIT} that checks at once and then every 10 ms */
  static ConditionFactory waiting() {
    return await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10));
  }

  /** Records {@code line}. */
  void add(String line) {
    lines.add(line);
  }

  /** @return a consumer recording {@code "label errMsg"} */
  Consumer<SocketResult> consumer(String label) {
    return res -> add(label + " " + res.errMsg());
  }

  /** @return callbacks recording {@code "label:success errMsg"}, {@code "label:fail errMsg"}, {@code "label:complete"} */
  Callbacks callbacks(String label) {
    return new Callbacks(res -> add(label + ":success " + res.errMsg()), res -> add(label + ":fail " + res.errMsg()),
        res -> add(label + ":complete"));
  }

  /** Waits until {@code line} has been recorded. */
  void awaitLine(String line) {
    waiting().until(() -> lines.contains(line));
  }

  /** Waits until {@code count} lines start with {@code prefix}. */
  void awaitCount(String prefix, int count) {
    waiting().until(() -> count(prefix) >= count);
  }

  /** @return how many lines start with {@code prefix} */
  long count(String prefix) {
    return lines.stream().filter(l -> l.startsWith(prefix)).count();
  }

  /** @return the lines so far, in order */
  List<String> lines() {
    return List.copyOf(lines);
  }

  /** @return the lines starting with {@code prefix}, in order */
  List<String> lines(String prefix) {
    return lines.stream().filter(l -> l.startsWith(prefix)).toList();
  }
}
