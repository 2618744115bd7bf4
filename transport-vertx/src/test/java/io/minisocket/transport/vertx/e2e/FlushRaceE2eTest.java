package io.minisocket.transport.vertx.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minisocket.core.SocketConfig;
import io.minisocket.core.SocketRuntime;
import io.minisocket.core.SocketTask;
import io.minisocket.core.transport.Completion;
import io.minisocket.core.transport.ConnectRequest;
import io.minisocket.core.transport.Connection;
import io.minisocket.core.transport.ConnectionEvents;
import io.minisocket.core.transport.Frame;
import io.minisocket.core.transport.Transport;
import io.minisocket.core.transport.TransportFailure;
import io.minisocket.transport.vertx.RawServer;
import io.minisocket.transport.vertx.VertxTransport;
import io.minisocket.transport.vertx.VertxTransportOptions;
import io.vertx.core.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Messages queued in the task because the transport was full must go out once it drains — also when the transport
 * reports {@code writable()} while a user thread is in the middle of handing messages over. That interleaving is a
 * few instructions wide; this test makes it deterministic with a transport decorator that holds the user thread
 * right after it saw {@code writeQueueFull() == true} until the real VertxTransport has delivered {@code writable()}.
 */
@Timeout(60) // above several E2e.WAITs: a guard against hangs, not a speed check
class FlushRaceE2eTest extends E2e {

  /** Holds the next non-Vert.x thread that sees a full write queue until writable() has reached core. */
  private static final class HoldsFlusherAfterFullCheck implements Transport {
    private final Transport delegate;
    private final AtomicReference<Runnable> armed = new AtomicReference<>();
    private final Semaphore writableDelivered = new Semaphore(0);
    final CompletableFuture<Void> held = new CompletableFuture<>();

    HoldsFlusherAfterFullCheck(Transport delegate) {
      this.delegate = delegate;
    }

    /** @param onHold run when the hold starts (makes the transport drain) */
    void arm(Runnable onHold) {
      armed.set(onHold);
    }

    @Override
    public Connection connect(ConnectRequest request, ConnectionEvents events) {
      Connection connection = delegate.connect(request, new ConnectionEvents() {
        @Override
        public void opened(Map<String, List<String>> headers, String protocol) {
          events.opened(headers, protocol);
        }

        @Override
        public void message(Frame frame) {
          events.message(frame);
        }

        @Override
        public void writable() {
          events.writable();
          writableDelivered.release();
        }

        @Override
        public void closed(int code, String reason) {
          events.closed(code, reason);
        }

        @Override
        public void failed(TransportFailure failure) {
          events.failed(failure);
        }
      });
      return new Connection() {
        @Override
        public void send(Frame frame, Completion done) {
          connection.send(frame, done);
        }

        @Override
        public void close(int code, String reason) {
          connection.close(code, reason);
        }

        @Override
        public void abort() {
          connection.abort();
        }

        @Override
        public boolean writeQueueFull() {
          boolean full = connection.writeQueueFull();
          if (full && !Context.isOnVertxThread()) {
            Runnable onHold = armed.getAndSet(null);
            if (onHold != null) {
              writableDelivered.drainPermits(); // wait for a writable() that comes during the hold
              onHold.run();
              try {
                writableDelivered.tryAcquire(5, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              held.complete(null);
            }
          }
          return full; // what the flushing thread saw a moment ago
        }
      };
    }

    @Override
    public void close() {
      delegate.close();
    }
  }

  @Test
  void queuedSendsGoOutWhenTheTransportDrainsWhileAUserThreadIsFlushing() throws Exception {
    RawServer raw = track(new RawServer(64 * 1024, conn -> {
      conn.switchProtocols(conn.readRequest(), "");
      conn.awaitProceed(); // not reading until the hold starts
      conn.awaitEof(); // then reads everything
    }));
    int chunk = 64 * 1024;
    HoldsFlusherAfterFullCheck transport = new HoldsFlusherAfterFullCheck(
        VertxTransport.create(VertxTransportOptions.builder().writeQueueMaxSize(chunk).build()));
    SocketRuntime runtime = runtime(profile().build(), SocketConfig.builder().build(), transport);
    Connected c = connect(runtime, ws(raw.port(), "/"));
    c.events().awaitOpen();

    // fill the socket, the transport and then the task's queue while the server does not read
    List<Outcome> sends = new ArrayList<>();
    byte[] data = new byte[chunk];
    long settled = 0;
    while (settled < 4L * chunk) {
      assertThat(sends.size()).as("the task never queued").isLessThan(4_000);
      sends.add(sendQuietly(c.task(), data, "send " + sends.size()));
      if (c.task().queuedBytes() >= 4L * chunk) {
        settled = awaitSettled(c.task()); // the socket buffers may still take some
      }
    }

    // one more send: its flush sees the transport full; meanwhile the server reads and the transport drains
    transport.arm(() -> raw.connections.peek().proceed.complete(null));
    sends.add(sendQuietly(c.task(), data, "last"));
    assertThat(transport.held).as("the flushing thread was held").isDone();

    for (Outcome o : sends) {
      assertThat(o.await().ok()).as("%s", o.name).isTrue(); // actual: the task's queued sends never complete
    }
    assertThat(c.task().queuedBytes()).isZero();
    assertThat(c.task().readyState()).isEqualTo(SocketTask.OPEN);
  }

  /** Waits until the task's queue has not changed for a while and returns its size. */
  private static long awaitSettled(SocketTask task) {
    AtomicLong last = new AtomicLong(-1);
    await().pollInterval(Duration.ofMillis(20)).during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(10))
        .until(() -> last.getAndSet(task.queuedBytes()) == task.queuedBytes());
    return task.queuedBytes();
  }
}
