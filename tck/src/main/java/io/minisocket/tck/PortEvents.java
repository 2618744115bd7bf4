package io.minisocket.tck;

import static io.minisocket.tck.Waiting.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.minisocket.core.transport.ConnectionEvents;
import io.minisocket.core.transport.Frame;
import io.minisocket.core.transport.TransportFailure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records what a transport reports about one connection, and the rule breaks it notices on the way: two calls at
 * the same time, a call after a terminal event, a second open.
 */
final class PortEvents implements ConnectionEvents {
  /**
   * The open event.
   *
   * @param headers  the response headers
   * @param protocol the negotiated sub-protocol, or {@code null}
   */
  record Opened(Map<String, List<String>> headers, String protocol) {
    /**
     * @param name a header name, any case
     * @return its values, or an empty list
     */
    List<String> header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
          .findFirst().orElse(List.of());
    }
  }

  /**
   * The closed event.
   *
   * @param code   the close code
   * @param reason the close reason
   */
  record Closed(int code, String reason) {}

  /**
   * A received message, copied.
   *
   * @param text  the text, or {@code null} for a binary message
   * @param bytes the bytes of a binary message, or {@code null}
   */
  record Message(String text, byte[] bytes) {}

  private final List<Object> events = new CopyOnWriteArrayList<>();
  private final List<String> violations = new CopyOnWriteArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();

  @Override
  public void opened(Map<String, List<String>> responseHeaders, String protocol) {
    record(new Opened(Map.copyOf(responseHeaders), protocol));
  }

  @Override
  public void message(Frame frame) {
    record(frame instanceof Frame.Text text ? new Message(text.text(), null)
        : new Message(null, ((Frame.Binary) frame).toByteArray()));
  }

  @Override
  public void writable() {
    record("writable");
  }

  @Override
  public void closed(int code, String reason) {
    record(new Closed(code, reason));
  }

  @Override
  public void failed(TransportFailure failure) {
    record(failure);
  }

  private void record(Object event) {
    if (inFlight.incrementAndGet() > 1) {
      violations.add(event + " was reported while another event of the same connection was being reported");
    }
    try {
      if (terminal() != null) {
        violations.add(event + " was reported after the terminal event " + terminal());
      }
      if (event instanceof Opened && events.stream().anyMatch(e -> e instanceof Opened)) {
        violations.add("opened was reported twice");
      }
      events.add(event);
    } finally {
      inFlight.decrementAndGet();
    }
  }

  /** @return the first terminal event ({@link Closed} or {@link TransportFailure}), or {@code null} */
  Object terminal() {
    return events.stream().filter(e -> e instanceof Closed || e instanceof TransportFailure).findFirst()
        .orElse(null);
  }

  /** @return the opened event, or {@code null} */
  Opened opened() {
    return events.stream().filter(Opened.class::isInstance).map(Opened.class::cast).findFirst().orElse(null);
  }

  /** @return the messages so far, in order */
  List<Message> messages() {
    return events.stream().filter(Message.class::isInstance).map(Message.class::cast).toList();
  }

  /** @return whether writable() was reported */
  boolean wasWritable() {
    return events.contains("writable");
  }

  Opened awaitOpened(Duration wait) {
    await("opened").atMost(wait).until(() -> opened() != null || terminal() != null);
    assertThat(opened()).as("the connection opens; events: %s", events).isNotNull();
    return opened();
  }

  List<Message> awaitMessages(int count, Duration wait) {
    await(count + " messages").atMost(wait).until(() -> messages().size() >= count || terminal() != null);
    assertThat(messages()).as("messages; events: %s", events).hasSizeGreaterThanOrEqualTo(count);
    return messages();
  }

  Closed awaitClosed(Duration wait) {
    await("closed").atMost(wait).until(() -> terminal() != null);
    assertThat(terminal()).as("the connection ends with closed").isInstanceOf(Closed.class);
    return (Closed) terminal();
  }

  TransportFailure awaitFailed(Duration wait) {
    await("failed").atMost(wait).until(() -> terminal() != null);
    assertThat(terminal()).as("the connection ends with failed").isInstanceOf(TransportFailure.class);
    return (TransportFailure) terminal();
  }

  /** Checks that no call overlapped another, nothing followed the terminal event and open came at most once. */
  void assertWellFormed() {
    assertThat(violations).as("rule breaks; events: %s", events).isEmpty();
  }

  @Override
  public String toString() {
    return events.toString();
  }
}
