package io.minisocket.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static io.minisocket.tck.Waiting.await;

import io.minisocket.core.CloseEvent;
import io.minisocket.core.MessageEvent;
import io.minisocket.core.OpenEvent;
import io.minisocket.core.ReadyState;
import io.minisocket.core.SocketResult;
import io.minisocket.core.SocketTask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records the events of one task (or of the global socket API) in delivery order, with the readyState seen in
 * each, and the rule breaks it notices on the way: two events delivered at the same time, or an event after the
 * close event.
 */
final class EventLog {
  /** The kinds of event. */
  enum Kind { OPEN, MESSAGE, ERROR, CLOSE }

  /**
   * One delivered event.
   *
   * @param kind       the kind
   * @param event      the OpenEvent, MessageEvent, SocketResult or CloseEvent
   * @param readyState the task's state during delivery, or {@code null} for a global-API log
   */
  record Entry(Kind kind, Object event, ReadyState readyState) {}

  private final String what;
  private final SocketTask task;
  private final List<Entry> entries = new CopyOnWriteArrayList<>();
  private final List<String> violations = new CopyOnWriteArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();

  private EventLog(String what, SocketTask task) {
    this.what = what;
    this.task = task;
  }

  /**
   * Registers one listener of each kind on the task.
   *
   * @param task the task
   * @return the log
   */
  static EventLog of(SocketTask task) {
    EventLog log = new EventLog("task events", task);
    task.onOpen(e -> log.record(Kind.OPEN, e));
    task.onMessage(e -> log.record(Kind.MESSAGE, e));
    task.onError(e -> log.record(Kind.ERROR, e));
    task.onClose(e -> log.record(Kind.CLOSE, e));
    return log;
  }

  /** @return a log fed by the global socket API's handlers (see {@link #open}, ...) */
  static EventLog global() {
    return new EventLog("global socket events", null);
  }

  void open(OpenEvent event) {
    record(Kind.OPEN, event);
  }

  void message(MessageEvent event) {
    record(Kind.MESSAGE, event);
  }

  void error(SocketResult event) {
    record(Kind.ERROR, event);
  }

  void close(CloseEvent event) {
    record(Kind.CLOSE, event);
  }

  private void record(Kind kind, Object event) {
    if (inFlight.incrementAndGet() > 1) {
      violations.add(kind + " was delivered while another event of the same task was being delivered");
    }
    try {
      if (entries.stream().anyMatch(e -> e.kind() == Kind.CLOSE)) {
        violations.add(kind + " " + event + " was delivered after the close event");
      }
      entries.add(new Entry(kind, event, task == null ? null : task.state()));
    } finally {
      inFlight.decrementAndGet();
    }
  }

  /** @return the entries so far */
  List<Entry> entries() {
    return List.copyOf(entries);
  }

  /** @return the kinds so far, in order */
  List<Kind> kinds() {
    return entries.stream().map(Entry::kind).toList();
  }

  /**
   * @param kind a kind
   * @return the events of that kind so far, in order
   */
  <T> List<T> events(Kind kind, Class<T> type) {
    List<T> out = new ArrayList<>();
    for (Entry entry : entries) {
      if (entry.kind() == kind) {
        out.add(type.cast(entry.event()));
      }
    }
    return out;
  }

  /** @return the messages so far */
  List<MessageEvent> messages() {
    return events(Kind.MESSAGE, MessageEvent.class);
  }

  /** @return the error events so far */
  List<SocketResult> errors() {
    return events(Kind.ERROR, SocketResult.class);
  }

  OpenEvent awaitOpen(Duration wait) {
    await(what + ": open").atMost(wait).until(() -> kinds().contains(Kind.OPEN) || kinds().contains(Kind.CLOSE));
    assertThat(kinds()).as("%s: the socket should open, got %s", what, entries).contains(Kind.OPEN);
    return events(Kind.OPEN, OpenEvent.class).get(0);
  }

  List<MessageEvent> awaitMessages(int count, Duration wait) {
    await(what + ": " + count + " messages").atMost(wait).until(() -> messages().size() >= count);
    return messages();
  }

  CloseEvent awaitClose(Duration wait) {
    await(what + ": close").atMost(wait).until(() -> kinds().contains(Kind.CLOSE));
    return events(Kind.CLOSE, CloseEvent.class).get(0);
  }

  /** Checks that no event came while another was being delivered, and none after the close event. */
  void assertNoRuleBroken() {
    assertThat(violations).as("%s: events delivered concurrently or after close; log: %s", what, entries).isEmpty();
  }

  /**
   * Checks the rules every task keeps: at most one open, first if present; messages only after open; at most one
   * error, right before the close; one close, last; never two events at once; nothing after close.
   */
  void assertWellFormed() {
    List<Kind> kinds = kinds();
    assertNoRuleBroken();
    assertThat(kinds.stream().filter(k -> k == Kind.OPEN).count()).as("%s: open at most once: %s", what, kinds)
        .isLessThanOrEqualTo(1);
    if (kinds.contains(Kind.OPEN)) {
      assertThat(kinds.get(0)).as("%s: open comes first: %s", what, kinds).isEqualTo(Kind.OPEN);
    } else {
      assertThat(kinds).as("%s: no message without open: %s", what, kinds).doesNotContain(Kind.MESSAGE);
    }
    assertThat(kinds.stream().filter(k -> k == Kind.ERROR).count()).as("%s: error at most once: %s", what, kinds)
        .isLessThanOrEqualTo(1);
    assertThat(kinds.stream().filter(k -> k == Kind.CLOSE).count()).as("%s: close at most once: %s", what, kinds)
        .isLessThanOrEqualTo(1);
    if (kinds.contains(Kind.CLOSE)) {
      assertThat(kinds.get(kinds.size() - 1)).as("%s: close comes last: %s", what, kinds).isEqualTo(Kind.CLOSE);
    }
    int error = kinds.indexOf(Kind.ERROR);
    if (error >= 0) {
      assertThat(kinds.subList(error + 1, kinds.size())).as("%s: only the close follows an error: %s", what, kinds)
          .allMatch(k -> k == Kind.CLOSE);
    }
  }

  @Override
  public String toString() {
    return what + " " + entries;
  }
}
