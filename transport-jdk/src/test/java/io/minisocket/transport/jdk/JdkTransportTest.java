package io.minisocket.transport.jdk;

import static io.minisocket.transport.jdk.Recorder.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minisocket.core.transport.Connection;
import io.minisocket.core.transport.ConnectRequest;
import io.minisocket.core.transport.Frame;
import io.minisocket.core.transport.TransportFailure;
import io.minisocket.testkit.Handshake;
import io.minisocket.testkit.MockWebSocketServer;
import io.minisocket.testkit.Script;
import io.minisocket.transport.jdk.FragmentingServer.RawFrame;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the JDK transport does beyond the contract kit: the JDK's own limits and how they surface. */
@Timeout(30)
class JdkTransportTest {

  private final JdkTransport transport = JdkTransport.create(JdkTransportOptions.builder()
      .maxMessageSize(64 * 1024).build());

  @AfterEach
  void closeTransport() {
    transport.close();
  }

  private static ConnectRequest request(String url, Map<String, String> headers) {
    return new ConnectRequest(URI.create(url), "GET", headers, List.of(), Duration.ofSeconds(5));
  }

  @Test
  void aMessageSentInFragmentsWithAPingBetweenArrivesWhole() throws Exception {
    byte[] tail = "lo, wörld".getBytes(StandardCharsets.UTF_8);
    try (FragmentingServer server = new FragmentingServer(List.of(
        RawFrame.text(false, "hel"),
        new RawFrame(true, 9, new byte[] {1}),           // a ping between the fragments
        RawFrame.continuation(true, tail),
        new RawFrame(false, 2, new byte[] {0, 1}),       // a binary message in three fragments
        RawFrame.continuation(false, new byte[0]),
        RawFrame.continuation(true, new byte[] {2, (byte) 0xff})), false)) {
      Recorder events = new Recorder();
      transport.connect(request(server.url(), Map.of()), events);
      List<Frame> messages = events.awaitMessages(2);
      assertThat(messages.get(0)).isEqualTo(Frame.text("hello, wörld"));
      assertThat(((Frame.Binary) messages.get(1)).toByteArray()).containsExactly(0, 1, 2, 0xff);
    }
  }

  /**
   * The JDK 17 client reports the end of a TCP stream that follows data at once only sometimes (as an
   * {@code onClose} with 1006, which is no close frame and must not pass for one), and sometimes not at all until it
   * writes: either way the connection must end in {@code failed(IO)}, at the latest with the first write that fails.
   */
  @Test
  void aStreamThatEndsWithoutACloseFrameFailsWithIoByTheNextWriteAtTheLatest() throws Exception {
    try (FragmentingServer server = new FragmentingServer(List.of(RawFrame.text(true, "last words")), true)) {
      Recorder events = new Recorder();
      Connection connection = transport.connect(request(server.url(), Map.of()), events);
      events.awaitOpened();
      connection.send(Frame.text("the server reads one byte of this, then resets"), failure -> { });
      assertThat(events.awaitMessages(1)).containsExactly(Frame.text("last words"));
      for (int i = 0; i < 50 && events.terminal() == null; i++) {  // each write waits for the previous one
        CompletableFuture<Throwable> written = new CompletableFuture<>();
        connection.send(Frame.text("are you there?"), written::complete);
        assertThat(written).succeedsWithin(WAIT);
      }
      TransportFailure failure = events.awaitFailed();
      assertThat(failure.kind()).isEqualTo(TransportFailure.Kind.IO);
      assertThat(failure.message()).isNotBlank();
    }
  }

  @Test
  void aMessageAboveMaxMessageSizeFailsTheConnectionAndSaysWhy() {
    try (MockWebSocketServer server = MockWebSocketServer.builder().script(Script.echo()).start()) {
      Recorder events = new Recorder();
      Connection connection = transport.connect(request(server.url(), Map.of()), events);
      events.awaitOpened();
      connection.send(Frame.binary(ByteBuffer.wrap(new byte[64 * 1024 + 1])), failure -> { });
      TransportFailure failure = events.awaitFailed();
      assertThat(failure.kind()).isEqualTo(TransportFailure.Kind.IO);
      assertThat(failure.message()).contains("maxMessageSize");
      server.awaitDisconnect(WAIT);
    }
  }

  @Test
  void aHeaderTheJdkSetsItselfFailsTheConnectAndNamesIt() {
    try (MockWebSocketServer server = MockWebSocketServer.builder().start()) {
      Recorder events = new Recorder();
      transport.connect(request(server.url(), Map.of("Upgrade", "h2c")), events);
      TransportFailure failure = events.awaitFailed();
      assertThat(failure.message()).contains("Upgrade");
      assertThat(events.opened()).isFalse();
      assertThat(server.requests()).isEmpty();
    }
  }

  @Test
  void theHandshakeIsAGetWhateverMethodWasAskedFor() {
    try (MockWebSocketServer server = MockWebSocketServer.builder().start()) {
      Recorder events = new Recorder();
      transport.connect(new ConnectRequest(URI.create(server.url()), "POST", Map.of(), List.of(),
          Duration.ofSeconds(5)), events);
      events.awaitOpened();
      assertThat(server.takeRequest(WAIT).method()).isEqualTo("GET");
    }
  }

  @Test
  void aCloseCodeTheJdkCannotSendFailsTheConnectionAtOnceAndSaysWhich() {
    try (MockWebSocketServer server = MockWebSocketServer.builder().start()) {
      Recorder events = new Recorder();
      Connection connection = transport.connect(request(server.url(), Map.of()), events);
      events.awaitOpened();
      connection.close(1012, "");   // a code only servers send
      TransportFailure failure = events.awaitFailed();
      assertThat(failure.kind()).isEqualTo(TransportFailure.Kind.IO);
      assertThat(failure.message()).contains("close code 1012");
      server.awaitDisconnect(WAIT);
    }
  }

  @Test
  void overlappingHandshakesToOneUriReportNoResponseHeadersRatherThanEachOthers() {
    try (MockWebSocketServer server = MockWebSocketServer.builder().start()) {
      server.enqueue(Handshake.stallHandshake());
      server.enqueue(Handshake.accept().withHeader("X-Session", "second"));
      Recorder first = new Recorder();
      Connection stalled = transport.connect(request(server.url(), Map.of()), first);
      server.takeRequest(WAIT);
      Recorder second = new Recorder();
      transport.connect(request(server.url(), Map.of()), second);
      assertThat(second.awaitOpened().headers()).as("headers while another handshake to the URI is in progress")
          .isEmpty();
      stalled.abort();
      assertThat(first.awaitFailed().kind()).isEqualTo(TransportFailure.Kind.ABORTED);

      server.enqueue(Handshake.accept().withHeader("X-Session", "third"));
      Recorder third = new Recorder();
      transport.connect(request(server.url(), Map.of()), third);
      assertThat(third.awaitOpened().headers().get("x-session")).as("headers of a handshake on its own")
          .containsExactly("third");
    }
  }

  @Test
  void closingTheTransportAbortsItsConnectionsAndStopsItsThreads() {
    try (MockWebSocketServer server = MockWebSocketServer.builder().start()) {
      JdkTransport own = JdkTransport.create();
      Recorder events = new Recorder();
      own.connect(request(server.url(), Map.of()), events);
      events.awaitOpened();
      String prefix = poolPrefix();
      own.close();
      assertThat(events.awaitFailed().kind()).isEqualTo(TransportFailure.Kind.ABORTED);
      server.awaitDisconnect(WAIT);
      assertThat(own.liveConnections()).isZero();
      await("the transport's threads end").atMost(WAIT).until(() -> Thread.getAllStackTraces().keySet().stream()
          .noneMatch(t -> t.getName().startsWith(prefix)));
      Recorder late = new Recorder();
      own.connect(request(server.url(), Map.of()), late);
      assertThat(late.awaitFailed().kind()).isEqualTo(TransportFailure.Kind.ABORTED);
    }
  }

  @Test
  void closingTheTransportInsideAConnectionsCallbackDoesNotWaitForThatConnection() {
    try (MockWebSocketServer server = MockWebSocketServer.builder().start()) {
      JdkTransport own = JdkTransport.create();
      CompletableFuture<Void> closeReturned = new CompletableFuture<>();
      Recorder events = new Recorder() {
        @Override
        public void opened(Map<String, List<String>> responseHeaders, String protocol) {
          super.opened(responseHeaders, protocol);
          own.close();  // waiting here for this connection's end would wait for this very callback
          closeReturned.complete(null);
        }
      };
      own.connect(request(server.url(), Map.of()), events);
      // close() waits up to 10 s for connections it may wait for; from a callback it must not wait at all
      assertThat(closeReturned).succeedsWithin(WAIT.dividedBy(2));
      assertThat(events.awaitFailed().kind()).isEqualTo(TransportFailure.Kind.ABORTED);
      server.awaitDisconnect(WAIT);
    }
  }

  /** The thread-name prefix of the transport created last. */
  private static String poolPrefix() {
    return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
        .filter(n -> n.matches("minisocket-jdk-\\d+-\\d+")).map(n -> n.substring(0, n.lastIndexOf('-') + 1))
        .max((a, b) -> Integer.compare(number(a), number(b))).orElseThrow();
  }

  private static int number(String prefix) {
    return Integer.parseInt(prefix.substring("minisocket-jdk-".length(), prefix.length() - 1));
  }

  @Test
  void everySendCompletesOnceWhenThePeerClosesWithSendsQueued() {
    try (MockWebSocketServer server = MockWebSocketServer.builder().script(Script.echo().closeAfter(1, 4002, "enough"))
        .start()) {
      Recorder events = new Recorder();
      Connection connection = transport.connect(request(server.url(), Map.of()), events);
      events.awaitOpened();
      List<AtomicInteger> completions = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        AtomicInteger count = new AtomicInteger();
        completions.add(count);
        connection.send(Frame.text("m" + i), failure -> count.incrementAndGet());
      }
      assertThat(events.awaitClosed()).isEqualTo(new Recorder.Closed(4002, "enough"));
      await("every send completes").atMost(WAIT).until(() -> completions.stream().allMatch(c -> c.get() > 0));
      assertThat(completions).as("completions per send").allSatisfy(c -> assertThat(c.get()).isEqualTo(1));
    }
  }
}
