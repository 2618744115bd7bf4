package io.minisocket.bench.jmh;

import io.minisocket.adapter.wx.Wx;
import io.minisocket.adapter.wx.WxSettings;
import io.minisocket.core.ConnectOptions;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.SocketTask;
import io.minisocket.core.transport.Completion;
import io.minisocket.core.transport.ConnectRequest;
import io.minisocket.core.transport.Connection;
import io.minisocket.core.transport.ConnectionEvents;
import io.minisocket.core.transport.Frame;
import io.minisocket.core.transport.Transport;
import java.util.Map;

/**
 * A transport without network for measuring core alone: every write succeeds at once (its frame and completion
 * escape, as into a real transport, so the JIT cannot optimise them away), and the benchmark drives a
 * connection's events itself ({@link #open(Wx)} reports the open, {@link #events()} gives the last connection's
 * events). All connections share one stateless connection object.
 */
public final class InMemoryTransport implements Transport {
  /** Keeps the last write, so that the frame and the completion escape as they do into a real transport. */
  private static volatile Object written;

  private static final Connection CONNECTION = new Connection() {
    @Override
    public void send(Frame frame, Completion done) {
      written = frame;
      written = done;
      done.complete(null);
    }

    @Override
    public void close(int code, String reason) {}

    @Override
    public void abort() {}

    @Override
    public boolean writeQueueFull() {
      return false;
    }
  };

  private volatile ConnectionEvents events;

  /** A transport with no connection yet. */
  public InMemoryTransport() {}

  /**
   * @param transport the transport
   * @return a wx facade over it without connection limit or url check, as the client comparison uses
   */
  public static Wx wx(InMemoryTransport transport) {
    return Wx.create(transport, WxSettings.builder()
        .connectionLimit(0)
        .config(SocketConfig.builder().urlCheck(false).build())
        .build());
  }

  /**
   * Connects a task and reports its connection open.
   *
   * @param wx a facade over this transport
   * @return the open task
   */
  public SocketTask open(Wx wx) {
    SocketTask task = wx.connectSocket(ConnectOptions.of("ws://127.0.0.1/"));
    events.opened(Map.of(), null);
    return task;
  }

  /** @return the events of the connection opened last */
  public ConnectionEvents events() {
    return events;
  }

  @Override
  public Connection connect(ConnectRequest request, ConnectionEvents events) {
    this.events = events;
    return CONNECTION;
  }

  @Override
  public void close() {}
}
