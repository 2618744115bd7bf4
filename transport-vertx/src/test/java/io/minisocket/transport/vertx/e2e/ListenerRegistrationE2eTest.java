package io.minisocket.transport.vertx.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.minisocket.core.CloseEvent;
import io.minisocket.core.ConnectOptions;
import io.minisocket.core.OpenEvent;
import io.minisocket.core.SocketResult;
import io.minisocket.core.SocketRuntime;
import io.minisocket.core.SocketTask;
import io.minisocket.core.transport.ConnectRequest;
import io.minisocket.core.transport.Connection;
import io.minisocket.core.transport.ConnectionEvents;
import io.minisocket.core.transport.Frame;
import io.minisocket.core.transport.Transport;
import io.minisocket.core.transport.TransportFailure;
import io.minisocket.transport.vertx.TestServer;
import io.minisocket.transport.vertx.VertxTransport;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * On the platforms, listeners registered right after {@code connectSocket} returns see every event of the task: no
 * event runs before the caller's code has finished. Here the caller's thread can be descheduled between
 * {@code connectSocket} returning and {@code onOpen(...)}; these tests make that deterministic with a transport whose
 * {@code connect()} returns only after the first event was delivered (over a real VertxTransport), which is what such
 * a preemption looks like to core. (Without the stall it happens about once in 2,000 connects on an idle machine.)
 */
@Timeout(60) // above several E2e.WAITs: a guard against hangs, not a speed check
class ListenerRegistrationE2eTest extends E2e {

  /** Returns from connect() only once the connection's first event has been delivered to core. */
  private static final class ReturnsAfterFirstEvent implements Transport {
    private final Transport delegate;

    ReturnsAfterFirstEvent(Transport delegate) {
      this.delegate = delegate;
    }

    @Override
    public Connection connect(ConnectRequest request, ConnectionEvents events) {
      CompletableFuture<Void> first = new CompletableFuture<>();
      Connection connection = delegate.connect(request, new ConnectionEvents() {
        @Override
        public void opened(Map<String, List<String>> headers, String protocol) {
          events.opened(headers, protocol);
          first.complete(null);
        }

        @Override
        public void message(Frame frame) {
          events.message(frame);
        }

        @Override
        public void writable() {
          events.writable();
        }

        @Override
        public void closed(int code, String reason) {
          events.closed(code, reason);
          first.complete(null);
        }

        @Override
        public void failed(TransportFailure failure) {
          events.failed(failure);
          first.complete(null);
        }
      });
      first.orTimeout(5, TimeUnit.SECONDS).join();
      return connection;
    }

    @Override
    public void close() {
      delegate.close();
    }
  }

  private SocketRuntime preemptedCallerRuntime() {
    Transport transport = track(new ReturnsAfterFirstEvent(VertxTransport.create()));
    return track(SocketRuntime.builder(profile().build(), transport).build());
  }

  @Test
  void onOpenRegisteredRightAfterConnectSocketIsCalledEvenIfTheOpenCameFirst() throws Exception {
    TestServer server = track(TestServer.echo(serverVertx));
    SocketTask task = preemptedCallerRuntime().connectSocket(ConnectOptions.of(ws(server.port(), "/")));
    CompletableFuture<OpenEvent> opened = new CompletableFuture<>();
    task.onOpen(opened::complete);

    assertThat(task.readyState()).isEqualTo(SocketTask.OPEN);
    assertThat(opened.get(5, TimeUnit.SECONDS)).isNotNull(); 
  }

  @Test
  void onErrorAndOnCloseRegisteredRightAfterConnectSocketAreCalledEvenIfTheFailureCameFirst() throws Exception {
    SocketTask task = preemptedCallerRuntime().connectSocket(ConnectOptions.of(ws(closedPort(), "/")));
    CompletableFuture<SocketResult> error = new CompletableFuture<>();
    CompletableFuture<CloseEvent> closed = new CompletableFuture<>();
    task.onError(error::complete);
    task.onClose(closed::complete);

    assertThat(task.readyState()).isEqualTo(SocketTask.CLOSED);
    assertThat(error.get(5, TimeUnit.SECONDS)).isNotNull(); 
    assertThat(closed.get(5, TimeUnit.SECONDS).code()).isEqualTo(1006);
  }
}
