package io.minisocket.transport.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import io.minisocket.core.transport.ConnectRequest;
import io.minisocket.core.transport.Frame;
import io.minisocket.core.transport.TransportFailure;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RFC 6455 §8.1 and §7.4.1 against a raw server: invalid UTF-8 in a text message (whole, fragmented) or in a close
 * reason fails the connection with close code 1007; a frame or message over the transport's limits with 1009. The
 * bad data never arrives as a message; the transport reports a failure, which core turns into onError then onClose.
 */
class ProtocolViolationTest {
  private static final byte[] INVALID = {'o', 'k', (byte) 0xC3, 0x28}; // 0xC3 must be followed by 0x80..0xBF
  private static final int LIMIT = 100;

  private static Vertx vertx;
  private static VertxTransport transport;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    transport = VertxTransport.create(vertx,
        VertxTransportOptions.builder().maxFrameSize(LIMIT).maxMessageSize(LIMIT).build());
  }

  @AfterAll
  static void stop() throws Exception {
    transport.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** A server script that sends bad frames after the handshake. */
  @FunctionalInterface
  interface BadFrames {
    void write(RawServer.Conn conn) throws Exception;
  }

  static Stream<Arguments> violations() {
    byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
    return Stream.of(
        Arguments.of("invalid UTF-8 in a text frame", 1007, (BadFrames) c -> c.writeFrame(0x1, true, INVALID)),
        Arguments.of("a one-frame text message ending inside a character", 1007,
            (BadFrames) c -> c.writeFrame(0x1, true, new byte[] {'a', euro[0], euro[1]})),
        Arguments.of("an encoded surrogate in a one-frame text message", 1007,
            (BadFrames) c -> c.writeFrame(0x1, true, new byte[] {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80})),
        Arguments.of("invalid UTF-8 in the last fragment of a text message", 1007, (BadFrames) c -> {
          c.writeFrame(0x1, false, new byte[] {'a', euro[0]});
          c.writeFrame(0x0, true, new byte[] {euro[1], 'b'});
        }),
        Arguments.of("a text message ending inside a character", 1007, (BadFrames) c -> {
          c.writeFrame(0x1, false, new byte[] {'a'});
          c.writeFrame(0x0, true, new byte[] {euro[0], euro[1]});
        }),
        Arguments.of("invalid UTF-8 in a close reason", 1007,
            (BadFrames) c -> c.writeFrame(0x8, true, new byte[] {0x03, (byte) 0xE8, (byte) 0xFF, 'x'})),
        Arguments.of("a frame over the frame limit", 1009, (BadFrames) c -> c.writeFrame(0x2, true,
            new byte[LIMIT + 1])),
        Arguments.of("a message over the message limit", 1009, (BadFrames) c -> {
          c.writeFrame(0x1, false, "x".repeat(LIMIT / 2 + 1).getBytes(StandardCharsets.UTF_8));
          c.writeFrame(0x0, true, "y".repeat(LIMIT / 2 + 1).getBytes(StandardCharsets.UTF_8));
        }));
  }

  @ParameterizedTest(name = "{0} closes with {1}")
  @MethodSource("violations")
  void failsTheConnectionWithTheRfcCloseCode(String what, int code, BadFrames bad) throws Exception {
    CompletableFuture<Integer> closeCodeSent = new CompletableFuture<>();
    try (RawServer raw = new RawServer(conn -> {
      conn.switchProtocols(conn.readRequest(), "");
      bad.write(conn);
      closeCodeSent.complete(readCloseCode(conn));
      conn.awaitEof();
    })) {
      RecordingEvents ev = new RecordingEvents();
      transport.connect(request(raw.port()), ev);
      TransportFailure failure = ev.awaitFailure();
      assertThat(failure.message()).as("the failure says what was wrong").contains(code == 1007 ? "UTF-8" : "big");
      assertThat(closeCodeSent.get(5, TimeUnit.SECONDS)).as("close code the client sent").isEqualTo(code);
      assertThat(ev.messages).as("no message made of the bad data").isEmpty();
      assertThat(ev.violations).isEmpty();
    }
  }

  @Test
  void aCharacterSplitAcrossFragmentsAndAReplacementCharacterArriveWhole() throws Exception {
    byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
    try (RawServer raw = new RawServer(conn -> {
      conn.switchProtocols(conn.readRequest(), "");
      conn.writeFrame(0x1, false, new byte[] {'a', euro[0]});
      conn.writeFrame(0x0, false, new byte[] {euro[1]});
      conn.writeFrame(0x0, true, new byte[] {euro[2], 'b'});
      conn.writeFrame(0x2, true, INVALID); // binary data is not text: never checked
      conn.writeFrame(0x1, true, "sent as \uFFFD".getBytes(StandardCharsets.UTF_8)); // U+FFFD itself is fine
      conn.awaitEof();
    })) {
      RecordingEvents ev = new RecordingEvents();
      var connection = transport.connect(request(raw.port()), ev);
      assertThat(ev.nextMessage()).isEqualTo(Frame.text("a€b"));
      assertThat(ev.nextMessage()).isEqualTo(Frame.binary(ByteBuffer.wrap(INVALID)));
      assertThat(ev.nextMessage()).isEqualTo(Frame.text("sent as \uFFFD"));
      connection.abort();
      ev.awaitTerminal();
      assertThat(ev.violations).isEmpty();
    }
  }

  /** Reads client frames until a close frame; returns its code. */
  private static int readCloseCode(RawServer.Conn conn) throws Exception {
    while (true) {
      byte[] frame = conn.readFrame();
      if (frame[0] == 0x8) {
        return frame.length >= 3 ? ((frame[1] & 0xff) << 8) | (frame[2] & 0xff) : 1005;
      }
    }
  }

  private static ConnectRequest request(int port) {
    return new ConnectRequest(URI.create("ws://127.0.0.1:" + port + "/"), "GET", Map.of(), List.of(),
        Duration.ofSeconds(5));
  }
}
