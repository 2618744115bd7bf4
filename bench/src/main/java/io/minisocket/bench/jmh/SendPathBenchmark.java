package io.minisocket.bench.jmh;

import io.minisocket.adapter.wx.Wx;
import io.minisocket.core.SendOptions;
import io.minisocket.core.SocketTask;
import io.minisocket.core.transport.Frame;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The send path of an open SocketTask down to the transport, over {@link InMemoryTransport} (each write succeeds
 * at once). Run with {@code -prof gc}: {@code gc.alloc.rate.norm} is the bytes allocated per message; the
 * {@link #frameOnly} baseline is the frame itself, the one allocation the target allows.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-XX:+UseG1GC"})
public class SendPathBenchmark {
  private static final String MESSAGE = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";

  private Wx wx;
  private SocketTask task;
  private SendOptions prebuilt;
  private SendOptions withSuccess;
  private long successes;

  /** Opens one task over the in-memory transport. */
  @Setup
  public void open() {
    InMemoryTransport transport = new InMemoryTransport();
    wx = InMemoryTransport.wx(transport);
    task = transport.open(wx);
    prebuilt = SendOptions.of(MESSAGE);
    withSuccess = SendOptions.builder().data(MESSAGE).success(result -> successes++).build();
  }

  /** Ends the task. */
  @TearDown
  public void close() {
    wx.close();
  }

  /** @return the frame of one message: the allocation every send needs */
  @Benchmark
  public Frame frameOnly() {
    return Frame.text(MESSAGE);
  }

  /** {@code task.send(data)}, as users write it: options built per call. */
  @Benchmark
  public void sendData() {
    task.send(MESSAGE);
  }

  /** {@code task.send(options)} with options built once: core's own cost per message. */
  @Benchmark
  public void sendPrebuiltOptions() {
    task.send(prebuilt);
  }

  /** {@code task.send(options)} with a success callback: adds the result and running the callback. */
  @Benchmark
  public void sendWithSuccessCallback() {
    task.send(withSuccess);
  }
}
