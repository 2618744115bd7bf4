package io.minisocket.adapter.taro;

import static org.awaitility.Awaitility.await;

import io.minisocket.core.Callbacks;
import io.minisocket.core.CloseEvent;
import io.minisocket.core.MessageEvent;
import io.minisocket.core.OpenEvent;
import io.minisocket.core.SocketResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Records callbacks and events as lines, in arrival order. */
final class Log {
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final List<String> lines = new CopyOnWriteArrayList<>();

  void add(String line) {
    lines.add(line);
  }

  List<String> lines() {
    return List.copyOf(lines);
  }

  /** @return a callback recording "name errMsg" */
  Consumer<SocketResult> result(String name) {
    return r -> add(name + " " + r.errMsg());
  }

  /** @return success, fail and complete recording "name:success errMsg", "name:fail errMsg", "name:complete errMsg" */
  Callbacks callbacks(String name) {
    return new Callbacks(result(name + ":success"), result(name + ":fail"), result(name + ":complete"));
  }

  Consumer<OpenEvent> open(String name) {
    return e -> add(name);
  }

  Consumer<MessageEvent> message(String name) {
    return e -> add(name + " " + e.text());
  }

  Consumer<CloseEvent> close(String name) {
    return e -> add(name + " " + e.code() + " " + e.reason());
  }

  void awaitLine(String line) {
    await().atMost(TIMEOUT).until(() -> lines.contains(line));
  }

  void awaitLineStartingWith(String prefix) {
    await().atMost(TIMEOUT).until(() -> lines.stream().anyMatch(l -> l.startsWith(prefix)));
  }
}
