package io.minisocket.core.testing;

import io.minisocket.core.transport.Completion;
import io.minisocket.core.transport.ConnectRequest;
import io.minisocket.core.transport.Connection;
import io.minisocket.core.transport.ConnectionEvents;
import io.minisocket.core.transport.Frame;
import io.minisocket.core.transport.Transport;
import io.minisocket.core.transport.TransportFailure;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** An in-memory transport for core's unit tests: the test plays the server and the network. */
public final class FakeTransport implements Transport {
  private final List<FakeConnection> connections = new CopyOnWriteArrayList<>();
  private volatile boolean autoCompleteWrites = true;
  private volatile boolean abortEndsAtOnce = true;
  private volatile boolean closed;

  @Override
  public Connection connect(ConnectRequest request, ConnectionEvents events) {
    FakeConnection connection = new FakeConnection(request, events);
    connections.add(connection);
    return connection;
  }

  @Override
  public void close() {
    closed = true;
  }

  public boolean closed() {
    return closed;
  }

  /** When false, writes stay pending until the test completes them. */
  public void autoCompleteWrites(boolean auto) {
    this.autoCompleteWrites = auto;
  }

  /** When false, abort only records the call, as a real transport whose end comes later; the test ends it. */
  public void abortEndsAtOnce(boolean atOnce) {
    this.abortEndsAtOnce = atOnce;
  }

  public List<FakeConnection> connections() {
    return connections;
  }

  public FakeConnection last() {
    return connections.get(connections.size() - 1);
  }

  /** One fake WebSocket. Event methods are synchronized so that they are serial, as a real transport's are. */
  public final class FakeConnection implements Connection {
    public final ConnectRequest request;
    private final ConnectionEvents events;
    private final List<Frame> sent = new CopyOnWriteArrayList<>();
    private final List<Completion> pendingWrites = new ArrayList<>();
    private volatile boolean writeQueueFull;
    private int writesToFail; // guarded by this
    private volatile Runnable onNextFullCheck;
    private volatile int abortCalls;
    private volatile int[] closeCall;
    private boolean ended;

    FakeConnection(ConnectRequest request, ConnectionEvents events) {
      this.request = request;
      this.events = events;
    }

    @Override
    public void send(Frame frame, Completion done) {
      boolean fail;
      boolean broken;
      synchronized (this) {
        broken = !ended && writesToFail > 0;
        if (broken) {
          writesToFail--;
        }
        fail = ended || broken;
        if (!fail) {
          sent.add(frame);
          if (!autoCompleteWrites) {
            pendingWrites.add(done);
            return;
          }
        }
      }
      done.complete(!fail ? null
          : broken ? new IOException("broken pipe") : new IllegalStateException("connection ended"));
    }

    @Override
    public void close(int code, String reason) {
      closeCall = new int[] {code};
    }

    @Override
    public void abort() {
      abortCalls++;
      if (!abortEndsAtOnce) {
        return;
      }
      fail(TransportFailure.of(TransportFailure.Kind.ABORTED, "aborted", null));
    }

    @Override
    public boolean writeQueueFull() {
      Runnable action = onNextFullCheck;
      if (action != null) {
        onNextFullCheck = null;
        action.run();
      }
      return writeQueueFull;
    }

    /** Runs {@code action} inside the next {@link #writeQueueFull()} call, once: to play a race at that point. */
    public void onNextFullCheck(Runnable action) {
      onNextFullCheck = action;
    }

    public synchronized void open() {
      events.opened(Map.of("Sec-WebSocket-Accept", List.of("x"), "X-Two", List.of("a", "b")), "chat");
    }

    public synchronized void receive(Frame frame) {
      events.message(frame);
    }

    public synchronized void serverClose(int code, String reason) {
      end();
      events.closed(code, reason);
    }

    public synchronized void fail(TransportFailure failure) {
      end();
      events.failed(failure);
    }

    /** Emits an event after the terminal one, as a buggy transport might. */
    public synchronized void misbehaveAfterEnd(Frame frame) {
      events.message(frame);
    }

    /** The next {@code count} writes fail ("broken pipe") while the connection stays open. */
    public synchronized void failWrites(int count) {
      writesToFail = count;
    }

    public void writeQueueFull(boolean full) {
      this.writeQueueFull = full;
      if (!full) {
        synchronized (this) {
          events.writable();
        }
      }
    }

    private void end() {
      List<Completion> toFail;
      synchronized (this) {
        ended = true;
        toFail = new ArrayList<>(pendingWrites);
        pendingWrites.clear();
      }
      toFail.forEach(c -> c.complete(new IllegalStateException("connection reset")));
    }

    public synchronized void completePendingWrites() {
      pendingWrites.forEach(c -> c.complete(null));
      pendingWrites.clear();
    }

    public List<Frame> sent() {
      return sent;
    }

    public int abortCalls() {
      return abortCalls;
    }

    /** The close code the task asked for, or -1. */
    public int closeCode() {
      return closeCall == null ? -1 : closeCall[0];
    }
  }
}
