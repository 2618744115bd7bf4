package io.minisocket.bench.jmh;

import io.minisocket.adapter.wx.Wx;
import io.minisocket.core.MessageEvent;
import io.minisocket.core.SocketTask;
import io.minisocket.core.transport.ConnectionEvents;
import io.minisocket.core.transport.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A received message, from the transport's {@link ConnectionEvents#message} through the task to N
 * {@code onMessage} listeners, over {@link InMemoryTransport}. {@link #directCall} is the floor: one
 * {@link MessageEvent} handed to the same listeners in a plain loop.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-XX:+UseG1GC"})
public class DispatchBenchmark {
  private static final Frame FRAME = Frame.text("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_");

  /** How many onMessage listeners the task has. */
  @Param({"1", "4", "16"})
  public int listeners;

  private Wx wx;
  private ConnectionEvents events;
  private final List<Consumer<MessageEvent>> plain = new ArrayList<>();
  private long received;

  /** Opens one task and registers the listeners. */
  @Setup
  public void open() {
    InMemoryTransport transport = new InMemoryTransport();
    wx = InMemoryTransport.wx(transport);
    SocketTask task = transport.open(wx);
    events = transport.events();
    for (int i = 0; i < listeners; i++) {
      Consumer<MessageEvent> listener = event -> received++;
      task.onMessage(listener);
      plain.add(listener);
    }
  }

  /** Ends the task. */
  @TearDown
  public void close() {
    wx.close();
  }

  /** One text message through the task to its listeners. */
  @Benchmark
  public void dispatch() {
    events.message(FRAME);
  }

  /** The same listeners called in a loop with one new event. */
  @Benchmark
  public void directCall() {
    MessageEvent event = new MessageEvent(((Frame.Text) FRAME).text());
    for (Consumer<MessageEvent> listener : plain) {
      listener.accept(event);
    }
  }
}
