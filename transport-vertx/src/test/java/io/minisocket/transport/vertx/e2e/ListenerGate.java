package io.minisocket.transport.vertx.e2e;

import io.minisocket.core.transport.ConnectRequest;
import io.minisocket.core.transport.Connection;
import io.minisocket.core.transport.ConnectionEvents;
import io.minisocket.core.transport.Frame;
import io.minisocket.core.transport.Transport;
import io.minisocket.core.transport.TransportFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A transport decorator for the tests that holds a connection's events until the test has registered its listeners,
 * then passes them through unchanged (on the transport's own thread from then on).
 *
 * <p>Why: core runs transport events inline and drops those that find no listener, so an open or a fast failure can
 * happen before user code that registers listeners right after {@code connectSocket} returns gets to it (seen about
 * once in 2,000 connects on an idle machine; see {@code ListenerRegistrationE2eTest}). Without this gate such a test
 * would wait for an onOpen that was already dropped.
 *
 * <p>Use: {@link #arm()} on the thread that then calls {@code connectSocket} (core calls {@link #connect} on that
 * thread), register listeners, then {@link Gate#open()}.
 */
final class ListenerGate implements Transport {
  private final Transport delegate;
  private final ThreadLocal<Gate> armed = new ThreadLocal<>();

  ListenerGate(Transport delegate) {
    this.delegate = delegate;
  }

  /** @return the gate for the next connect made on this thread */
  Gate arm() {
    Gate gate = new Gate();
    armed.set(gate);
    return gate;
  }

  /** Forgets a gate that {@code connectSocket} did not use (it refused before connecting). */
  void disarm() {
    armed.remove();
  }

  @Override
  public Connection connect(ConnectRequest request, ConnectionEvents events) {
    Gate gate = armed.get();
    armed.remove();
    if (gate == null) {
      return delegate.connect(request, events);
    }
    gate.target = events;
    return delegate.connect(request, gate);
  }

  @Override
  public void close() {
    delegate.close();
  }

  /** Holds events in order until {@link #open()}; never calls the target concurrently. */
  static final class Gate implements ConnectionEvents {
    private final Object lock = new Object();
    private volatile ConnectionEvents target;
    private List<Runnable> held = new ArrayList<>(); // null once open

    /** Delivers what was held (on this thread), then lets events through. Idempotent. */
    void open() {
      while (true) {
        List<Runnable> batch;
        synchronized (lock) {
          if (held == null) {
            return;
          }
          if (held.isEmpty()) {
            held = null;
            return;
          }
          batch = held;
          held = new ArrayList<>();
        }
        batch.forEach(Runnable::run);
      }
    }

    private void deliver(Runnable event) {
      synchronized (lock) {
        if (held != null) {
          held.add(event);
          return;
        }
      }
      event.run();
    }

    @Override
    public void opened(Map<String, List<String>> responseHeaders, String protocol) {
      deliver(() -> target.opened(responseHeaders, protocol));
    }

    @Override
    public void message(Frame frame) {
      deliver(() -> target.message(frame));
    }

    @Override
    public void writable() {
      deliver(() -> target.writable());
    }

    @Override
    public void closed(int code, String reason) {
      deliver(() -> target.closed(code, reason));
    }

    @Override
    public void failed(TransportFailure failure) {
      deliver(() -> target.failed(failure));
    }
  }
}
