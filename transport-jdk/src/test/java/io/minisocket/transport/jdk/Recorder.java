package io.minisocket.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minisocket.core.transport.ConnectionEvents;
import io.minisocket.core.transport.Frame;
import io.minisocket.core.transport.TransportFailure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what the transport reports about one connection, for this module's own tests. */
class Recorder implements ConnectionEvents {
  static final Duration WAIT = Duration.ofSeconds(10);

  /** The {@code closed} event. */
  record Closed(int code, String reason) {}

  /** The {@code opened} event. */
  record Opened(Map<String, List<String>> headers, String protocol) {}

  private final List<Object> events = new CopyOnWriteArrayList<>();

  @Override
  public void opened(Map<String, List<String>> responseHeaders, String protocol) {
    events.add(new Opened(Map.copyOf(responseHeaders), protocol));
  }

  @Override
  public void message(Frame frame) {
    events.add(frame);
  }

  @Override
  public void writable() {
    events.add("writable");
  }

  @Override
  public void closed(int code, String reason) {
    events.add(new Closed(code, reason));
  }

  @Override
  public void failed(TransportFailure failure) {
    events.add(failure);
  }

  Object terminal() {
    return events.stream().filter(e -> e instanceof Closed || e instanceof TransportFailure).findFirst()
        .orElse(null);
  }

  boolean opened() {
    return events.stream().anyMatch(Opened.class::isInstance);
  }

  Opened awaitOpened() {
    await("opened").atMost(WAIT).until(() -> opened() || terminal() != null);
    assertThat(opened()).as("opened; events %s", events).isTrue();
    return events.stream().filter(Opened.class::isInstance).map(Opened.class::cast).findFirst().orElseThrow();
  }

  TransportFailure awaitFailed() {
    await("failed").atMost(WAIT).until(() -> terminal() != null);
    assertThat(terminal()).as("the connection ends with failed; events %s", events)
        .isInstanceOf(TransportFailure.class);
    return (TransportFailure) terminal();
  }

  Closed awaitClosed() {
    await("closed").atMost(WAIT).until(() -> terminal() != null);
    assertThat(terminal()).as("the connection ends with closed; events %s", events).isInstanceOf(Closed.class);
    return (Closed) terminal();
  }

  List<Frame> messages() {
    return events.stream().filter(Frame.class::isInstance).map(Frame.class::cast).toList();
  }

  List<Frame> awaitMessages(int count) {
    await(count + " messages").atMost(WAIT).until(() -> messages().size() >= count || terminal() != null);
    assertThat(messages()).as("messages; events %s", events).hasSizeGreaterThanOrEqualTo(count);
    return messages();
  }

  @Override
  public String toString() {
    return events.toString();
  }
}
