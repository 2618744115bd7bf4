package io.minisocket.transport.vertx.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minisocket.core.CloseEvent;
import io.minisocket.core.ErrorKind;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.ReadyState;
import io.minisocket.core.SocketResult;
import io.minisocket.core.SocketRuntime;
import io.minisocket.core.SocketTask;
import io.minisocket.core.spi.Policies.CloseWhileConnecting;
import io.minisocket.transport.vertx.RawServer;
import io.minisocket.transport.vertx.TestServer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Closing from either side, closing while connecting, and silence after onClose. */
@Timeout(60) // above several E2e.WAITs: a guard against hangs, not a speed check
class CloseE2eTest extends E2e {

  @Test
  void closeFromClientSendsCodeAndReasonAndOnCloseReportsThem() throws Exception {
    TestServer server = track(TestServer.echo(serverVertx));
    Connected c = connect(runtime(), ws(server.port(), "/"));
    c.events().awaitOpen();

    Outcome closing = close(c, 4000, "bye now");
    assertThat(c.task().readyState()).isIn(SocketTask.CLOSING, SocketTask.CLOSED);

    TestServer.Close seen = server.awaitClose();
    assertThat(seen.code()).isEqualTo((short) 4000);
    assertThat(seen.reason()).isEqualTo("bye now");
    assertThat(c.events().awaitClose()).isEqualTo(new CloseEvent(4000, "bye now"));
    assertThat(closing.await().errMsg()).isEqualTo("closeSocket:ok");
    closing.assertDeliveredOnce();
    assertThat(c.task().readyState()).isEqualTo(SocketTask.CLOSED);
    assertThat(c.events().errors).hasValue(0);
  }

  @Test
  void closeFromServerWithCodeAndReasonReachesOnClose() throws Exception {
    TestServer server = track(TestServer.echo(serverVertx));
    Connected c = connect(runtime(), ws(server.port(), "/"));
    c.events().awaitOpen();

    server.awaitSocket().close((short) 4001, "server says bye");

    assertThat(c.events().awaitClose()).isEqualTo(new CloseEvent(4001, "server says bye"));
    assertThat(c.task().readyState()).isEqualTo(SocketTask.CLOSED);
    assertThat(c.events().errors).hasValue(0);
  }

  @Test
  void closeFromServerWithoutReasonGivesTheStandardText() throws Exception {
    TestServer server = track(TestServer.echo(serverVertx));
    Connected c = connect(runtime(), ws(server.port(), "/"));
    c.events().awaitOpen();

    server.awaitSocket().close((short) 1000);

    assertThat(c.events().awaitClose()).isEqualTo(new CloseEvent(1000, "normal closure"));
    assertThat(c.events().errors).hasValue(0);
  }

  @Test
  void closeFrameWithoutStatusFromServerIs1005NoStatusReceived() throws Exception {
    RawServer raw = track(new RawServer(conn -> {
      conn.switchProtocols(conn.readRequest(), "");
      conn.writeFrame(0x8, true, new byte[0]);
      conn.readFrame(); // the client's answer
      conn.closeQuietly();
    }));
    Connected c = connect(runtime(), ws(raw.port(), "/"));

    assertThat(c.events().awaitClose()).isEqualTo(new CloseEvent(1005, "no status received"));
    assertThat(c.events().errors).hasValue(0);
  }

  @Test
  void closeWhileConnectingUnderAbortIsClosingThenErrorThenClose1006AndLeavesNoSocket() throws Exception {
    RawServer raw = track(new RawServer(conn -> {
      conn.readRequest();
      conn.awaitEof(); // never answers the handshake
    }));
    SocketRuntime runtime = runtime(profile().closeWhileConnecting(CloseWhileConnecting.ABORT).build(),
        SocketConfig.builder().connectTimeout(Duration.ofSeconds(20)).build());
    Connected c = connect(runtime, ws(raw.port(), "/stalled"));
    RawServer.Conn conn = raw.awaitConnection();
    conn.requestSeen.get(5, TimeUnit.SECONDS);
    assertThat(c.task().readyState()).isEqualTo(SocketTask.CONNECTING);

    Outcome closing = close(c, 4001, "changed my mind");
    assertThat(c.task().state()).as("WHATWG: CLOSING at once").isIn(ReadyState.CLOSING, ReadyState.CLOSED);

    assertThat(c.events().awaitClose()).isEqualTo(new CloseEvent(1006, "abnormal closure"));
    assertThat(closing.await().ok()).isTrue();
    closing.assertDeliveredOnce();
    conn.peerClosed.get(5, TimeUnit.SECONDS); // the TCP connection is gone: nothing leaked
    assertThat(c.task().readyState()).isEqualTo(SocketTask.CLOSED);
    assertThat(c.events().opens).hasValue(0);
    assertThat(c.events().errors).hasValue(1);
    assertThat(c.events().log).containsSubsequence("error ABORTED", "close 1006");
    assertThat(runtime.tasks()).isEmpty();
  }

  @Test
  void closeWhileConnectingUnderCloseAfterOpenOpensThenSendsTheRequestedClose() throws Exception {
    CompletableFuture<byte[]> closeFrame = new CompletableFuture<>();
    RawServer raw = track(new RawServer(conn -> {
      Map<String, String> request = conn.readRequest();
      conn.awaitProceed(); // hold the handshake until the client has asked to close
      conn.switchProtocols(request, "");
      byte[] frame = conn.readFrame();
      closeFrame.complete(frame);
      conn.writeFrame(0x8, true, Arrays.copyOfRange(frame, 1, frame.length)); // answer the close
      conn.closeQuietly(); // the server ends the TCP connection first (RFC 6455 7.1.1)
    }));
    SocketRuntime runtime = runtime(profile().closeWhileConnecting(CloseWhileConnecting.CLOSE_AFTER_OPEN).build(),
        SocketConfig.builder().connectTimeout(Duration.ofSeconds(20)).build());
    Connected c = connect(runtime, ws(raw.port(), "/later"));
    RawServer.Conn conn = raw.awaitConnection();
    conn.requestSeen.get(5, TimeUnit.SECONDS);

    Outcome closing = close(c, 4002, "after open");
    assertThat(closing.await().ok()).isTrue();
    assertThat(c.task().readyState()).isEqualTo(SocketTask.CONNECTING);
    conn.proceed.complete(null);

    c.events().awaitOpen();
    byte[] frame = closeFrame.get(5, TimeUnit.SECONDS);
    assertThat(frame[0]).as("opcode").isEqualTo((byte) 0x8);
    ByteBuffer payload = ByteBuffer.wrap(frame, 1, frame.length - 1);
    assertThat(payload.getShort() & 0xffff).isEqualTo(4002);
    assertThat(StandardCharsets.UTF_8.decode(payload).toString()).isEqualTo("after open");
    assertThat(c.events().awaitClose()).isEqualTo(new CloseEvent(4002, "after open"));
    assertThat(c.events().log).containsSubsequence("open", "close 4002");
    assertThat(c.events().errors).hasValue(0);
  }

  @Test
  void nothingIsDeliveredAfterOnCloseAndTheTaskStaysClosed() throws Exception {
    // the server keeps sending until the connection is gone, so messages are in flight while closing
    TestServer server = track(TestServer.start(serverVertx, o -> { }, ws -> serverVertx.setPeriodic(1, timer -> {
      if (ws.isClosed()) {
        serverVertx.cancelTimer(timer);
      } else {
        ws.writeTextMessage("tick").onFailure(e -> { });
      }
    })));
    Connected c = connect(runtime(), ws(server.port(), "/flood"));
    c.events().nextMessage();

    close(c, 1000, "");
    c.events().awaitClose();
    int callsAtClose = c.events().calls.get();

    // what a user might still do afterwards: only the late onClose listener gets the close it missed, once
    AtomicInteger lateListener = new AtomicInteger();
    c.task().onMessage(m -> lateListener.incrementAndGet());
    c.task().onClose(e -> lateListener.incrementAndGet());
    c.task().onError(e -> lateListener.incrementAndGet());
    SocketResult lateSend = send(c, "too late", "late send").await();
    assertThat(lateSend.errorKind()).isEqualTo(ErrorKind.NOT_OPEN);
    SocketResult secondClose = close(c, 1000, "").await();
    assertThat(secondClose.ok()).as("close after onClose: harmless success").isTrue();

    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
        .until(() -> c.events().calls.get() == callsAtClose && lateListener.get() == 1);
    assertThat(c.events().closes).hasValue(1);
    assertThat(c.task().readyState()).isEqualTo(SocketTask.CLOSED);
    c.events().assertNoViolations();
  }

  @Test
  void aTextMessageThatIsNotUtf8EndsInOnErrorThenOnClose1006AndNeverArrives() throws Exception {
    CompletableFuture<byte[]> closeFrame = new CompletableFuture<>();
    RawServer raw = track(new RawServer(conn -> {
      conn.switchProtocols(conn.readRequest(), "");
      conn.writeFrame(0x1, true, new byte[] {'o', 'k', (byte) 0xC3, 0x28}); // 0xC3 0x28 is not UTF-8
      closeFrame.complete(conn.readFrame());
      conn.awaitEof();
    }));
    Connected c = connect(runtime(), ws(raw.port(), "/bad-utf8"));

    assertThat(c.events().awaitClose().code()).isEqualTo(1006);
    SocketResult error = c.events().awaitError();
    assertThat(error.errMsg()).contains("invalid UTF-8").contains("1007");
    assertThat(c.events().log).containsSubsequence("open", "error NETWORK", "close 1006");
    assertThat(c.events().messages).as("the bad text never reaches onMessage").isEmpty();
    byte[] frame = closeFrame.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(frame[0]).as("opcode of the client's frame").isEqualTo((byte) 0x8);
    assertThat(((frame[1] & 0xff) << 8) | (frame[2] & 0xff)).as("close code sent").isEqualTo(1007);
    assertThat(c.task().readyState()).isEqualTo(SocketTask.CLOSED);
  }
}
