package io.minisocket.core.testing;

import static org.awaitility.Awaitility.await;

import io.minisocket.core.Callbacks;
import io.minisocket.core.CloseEvent;
import io.minisocket.core.MessageEvent;
import io.minisocket.core.OpenEvent;
import io.minisocket.core.SocketResult;
import io.minisocket.core.SocketTask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Records callbacks and events as lines in arrival order, and notices if two ever ran at the same time.
 */
public final class Recorder {
  private final List<String> lines = new ArrayList<>();
  private final List<SocketResult> results = new ArrayList<>();
  private final AtomicInteger running = new AtomicInteger();
  private volatile boolean overlapped;

  public synchronized List<String> lines() {
    return new ArrayList<>(lines);
  }

  public synchronized List<SocketResult> results() {
    return new ArrayList<>(results);
  }

  public boolean overlapped() {
    return overlapped;
  }

  private void record(String line, SocketResult result) {
    if (running.incrementAndGet() > 1) {
      overlapped = true;
    }
    try {
      synchronized (this) {
        lines.add(line);
        if (result != null) {
          results.add(result);
        }
      }
    } finally {
      running.decrementAndGet();
    }
  }

  /** Records a line of the test's own, checked for overlap as a callback is. */
  public void note(String line) {
    record(line, null);
  }

  /** Callbacks recording "name:success <describe>", "name:fail <describe>" and "name:complete". */
  public Callbacks callbacks(String name) {
    return new Callbacks(
        r -> record(name + ":success " + r.describe(), r),
        r -> record(name + ":fail " + r.describe(), r),
        r -> record(name + ":complete", null));
  }

  public Consumer<SocketResult> consumer(String name) {
    return r -> record(name + " " + r.describe(), r);
  }

  /** Listens to all four events of a task. */
  public SocketTask listen(SocketTask task) {
    task.onOpen((OpenEvent e) -> record("open " + e.protocol(), null));
    task.onMessage((MessageEvent e) -> record("message " + (e.isText() ? e.text() : e.bytes().length + "B"), null));
    task.onError(r -> record("error " + r.describe(), r));
    task.onClose((CloseEvent e) -> record("close " + e.code() + " " + e.reason(), null));
    return task;
  }

  public void awaitLine(String line) {
    await().atMost(Duration.ofSeconds(10)).until(() -> lines().contains(line));
  }

  public void awaitCount(int count) {
    await().atMost(Duration.ofSeconds(10)).until(() -> lines().size() >= count);
  }

  public long count(String prefix) {
    return lines().stream().filter(l -> l.startsWith(prefix)).count();
  }
}
