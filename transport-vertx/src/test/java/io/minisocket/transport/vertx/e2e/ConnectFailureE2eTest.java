package io.minisocket.transport.vertx.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.minisocket.core.CloseEvent;
import io.minisocket.core.ErrorKind;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.SocketResult;
import io.minisocket.core.SocketRuntime;
import io.minisocket.core.SocketTask;
import io.minisocket.core.spi.Policies.ConnectResultTiming;
import io.minisocket.transport.vertx.RawServer;
import io.minisocket.transport.vertx.TestServer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every connect attempt ends in open or in onError then onClose(1006), with the failure classified. */
@Timeout(60) // above several E2e.WAITs: a guard against hangs, not a speed check
class ConnectFailureE2eTest extends E2e {

  private static final CloseEvent ABNORMAL = new CloseEvent(1006, "abnormal closure");

  /** Asserts onError with {@code kind} followed by onClose(1006), the task CLOSED; returns the error. */
  private static SocketResult assertErrorThenAbnormalClose(Connected c, ErrorKind kind) throws Exception {
    SocketResult error = c.events().awaitError();
    assertThat(error.errorKind()).as("%s", error).isEqualTo(kind);
    assertThat(error.kind()).contains(kind);
    assertThat(c.events().awaitClose()).isEqualTo(ABNORMAL);
    assertThat(c.events().log).containsSubsequence("error " + kind, "close 1006");
    assertThat(c.events().errors).hasValue(1);
    assertThat(c.events().opens).hasValue(0);
    assertThat(c.task().readyState()).isEqualTo(SocketTask.CLOSED);
    return error;
  }

  @Test
  void refusedConnectionReportsRefusedThenCloses1006AndFreesTheSlot() throws Exception {
    TestServer server = track(TestServer.echo(serverVertx));
    SocketRuntime runtime = runtime(profile().connectionLimit(1).build());

    Connected refused = connect(runtime, ws(closedPort(), "/"));
    SocketResult error = assertErrorThenAbnormalClose(refused, ErrorKind.REFUSED);
    assertThat(error.errMsg()).startsWith("connection refused");
    assertThat(refused.connect().await().ok()).as("ON_ACCEPT: the connect itself was accepted").isTrue();
    refused.connect().assertDeliveredOnce();

    // limit 1: the failed attempt gave its slot back
    Connected second = connect(runtime, ws(server.port(), "/"));
    second.events().awaitOpen();
    assertThat(second.connect().await().ok()).isTrue();
    assertThat(second.task().readyState()).isEqualTo(SocketTask.OPEN);

    // and the limit still holds while that one is open
    Connected third = connect(runtime, ws(server.port(), "/"));
    SocketResult limited = third.connect().await();
    assertThat(limited.errorKind()).isEqualTo(ErrorKind.LIMIT_EXCEEDED);
  }

  @Test
  void unansweredHandshakeTimesOutWithThePlatformMessage() throws Exception {
    RawServer raw = track(new RawServer(conn -> {
      conn.readRequest();
      conn.awaitEof(); // accepts TCP, reads the request, never answers
    }));
    SocketRuntime runtime = runtime(profile().build(),
        SocketConfig.builder().connectTimeout(Duration.ofMillis(500)).build());

    long start = System.nanoTime();
    Connected c = connect(runtime, ws(raw.port(), "/stalled"));
    SocketResult error = assertErrorThenAbnormalClose(c, ErrorKind.CONNECT_TIMEOUT);
    long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertThat(error.errMsg()).isEqualTo("Timed out connecting to server.");
    assertThat(elapsedMs).isBetween(450L, 3_000L);
    raw.awaitConnection().peerClosed.get(5, TimeUnit.SECONDS); // the socket was closed, not leaked
  }

  @Test
  void handshakeRejectedWith403IsAHandshakeErrorNaming403() throws Exception {
    TestServer server = track(TestServer.echo(serverVertx));
    Connected c = connect(runtime(), ws(server.port(), "/reject"));

    SocketResult error = assertErrorThenAbnormalClose(c, ErrorKind.HANDSHAKE);
    assertThat(error.errMsg()).contains("403");
  }

  @Test
  void untrustedCertificateIsATlsError() throws Exception {
    TestServer server = track(TestServer.startTls(serverVertx, o -> { }, TestServer::echo));
    Connected c = connect(runtime(), "wss://127.0.0.1:" + server.port() + "/");

    assertErrorThenAbnormalClose(c, ErrorKind.TLS);
    assertThat(server.sockets).isEmpty();
  }

  @Test
  void resultTimingOnOpenGivesTheRefusalToTheFailCallback() throws Exception {
    SocketRuntime runtime = runtime(profile().connectResultTiming(ConnectResultTiming.ON_OPEN).build());
    Connected c = connect(runtime, ws(closedPort(), "/"));

    SocketResult result = c.connect().await();
    assertThat(result.ok()).isFalse();
    assertThat(result.errorKind()).isEqualTo(ErrorKind.REFUSED);
    assertThat(result.errMsg()).startsWith("connectSocket:fail connection refused");
    c.connect().assertDeliveredOnce();
    assertErrorThenAbnormalClose(c, ErrorKind.REFUSED);
    assertThat(c.events().log).containsSubsequence("connect:fail REFUSED", "connect:complete", "error REFUSED");
  }

  @Test
  void resultTimingOnOpenRunsSuccessJustBeforeOnOpen() throws Exception {
    TestServer server = track(TestServer.echo(serverVertx));
    SocketRuntime runtime = runtime(profile().connectResultTiming(ConnectResultTiming.ON_OPEN).build());
    Connected c = connect(runtime, ws(server.port(), "/"));

    c.events().awaitOpen();
    assertThat(c.connect().await().ok()).isTrue();
    assertThat(c.events().log).containsSubsequence("connect:success", "connect:complete", "open");
    c.connect().assertDeliveredOnce();
  }

  @Test
  void resultTimingOnAcceptSucceedsFirstAndTheRefusalArrivesViaOnError() throws Exception {
    SocketRuntime runtime = runtime(profile().connectResultTiming(ConnectResultTiming.ON_ACCEPT).build());
    Connected c = connect(runtime, ws(closedPort(), "/"));

    assertErrorThenAbnormalClose(c, ErrorKind.REFUSED);
    assertThat(c.connect().await().ok()).isTrue();
    c.connect().assertDeliveredOnce();
    assertThat(c.events().log).containsSubsequence("connect:success", "connect:complete", "error REFUSED");
  }
}
