package io.minisocket.transport.vertx;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import io.netty.util.concurrent.Ticker;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One of Vert.x's event loops, as the contexts of transport-vertx's connections see it: everything is done by the real
 * loop, but every {@link Channel} registered through this view is first reported to the transport. Vert.x registers
 * the TCP channel of a connect on the event loop of the context that connects ({@code Bootstrap.group(
 * context.nettyEventLoop())}), so the transport learns the channel of each of its connects as soon as it exists —
 * before the TCP connect, a proxy's CONNECT, the TLS handshake or the HTTP upgrade — and can close exactly that
 * channel to cancel an opening handshake, with one {@code WebSocketClient} shared by all connections.
 *
 * <p>One view per real loop and transport (not per connection): Netty and Vert.x key some caches by event loop.
 * Thread-safe; the channels are registered on the real loop, so they never see this view.
 */
final class ChannelCapturingEventLoop implements EventLoop {

  private final EventLoop loop;
  private final Consumer<Channel> onRegister;

  /**
   * @param loop       the real event loop
   * @param onRegister told each channel just before it is registered, on the thread that registers it
   */
  ChannelCapturingEventLoop(EventLoop loop, Consumer<Channel> onRegister) {
    this.loop = loop;
    this.onRegister = onRegister;
  }

  /** @return the real event loop */
  EventLoop loop() {
    return loop;
  }

  // ---------------------------------------------------------------------------------------------- what is captured

  @Override
  public ChannelFuture register(Channel channel) {
    onRegister.accept(channel);
    return loop.register(channel);
  }

  @Override
  public ChannelFuture register(ChannelPromise promise) {
    onRegister.accept(promise.channel());
    return loop.register(promise);
  }

  @Deprecated
  @Override
  public ChannelFuture register(Channel channel, ChannelPromise promise) {
    onRegister.accept(channel);
    return loop.register(channel, promise);
  }

  // ---------------------------------------------------------------------------------------------- delegated

  @Override
  public EventLoopGroup parent() {
    return loop.parent();
  }

  @Override
  public EventLoop next() {
    return this;
  }

  @Override
  public boolean inEventLoop(Thread thread) {
    return loop.inEventLoop(thread);
  }

  @Override
  public Ticker ticker() {
    return loop.ticker();
  }

  @Override
  public boolean isShuttingDown() {
    return loop.isShuttingDown();
  }

  @Override
  public Future<?> shutdownGracefully() {
    return loop.shutdownGracefully();
  }

  @Override
  public Future<?> shutdownGracefully(long quietPeriod, long timeout, TimeUnit unit) {
    return loop.shutdownGracefully(quietPeriod, timeout, unit);
  }

  @Override
  public Future<?> terminationFuture() {
    return loop.terminationFuture();
  }

  @Deprecated
  @Override
  public void shutdown() {
    loop.shutdown();
  }

  @Deprecated
  @Override
  public List<Runnable> shutdownNow() {
    return loop.shutdownNow();
  }

  @Override
  public Iterator<EventExecutor> iterator() {
    return Set.<EventExecutor>of(this).iterator();
  }

  @Override
  public Future<?> submit(Runnable task) {
    return loop.submit(task);
  }

  @Override
  public <T> Future<T> submit(Runnable task, T result) {
    return loop.submit(task, result);
  }

  @Override
  public <T> Future<T> submit(Callable<T> task) {
    return loop.submit(task);
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    return loop.schedule(command, delay, unit);
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    return loop.schedule(callable, delay, unit);
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
    return loop.scheduleAtFixedRate(command, initialDelay, period, unit);
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
    return loop.scheduleWithFixedDelay(command, initialDelay, delay, unit);
  }

  @Override
  public boolean isShutdown() {
    return loop.isShutdown();
  }

  @Override
  public boolean isTerminated() {
    return loop.isTerminated();
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    return loop.awaitTermination(timeout, unit);
  }

  @Override
  public <T> List<java.util.concurrent.Future<T>> invokeAll(Collection<? extends Callable<T>> tasks)
      throws InterruptedException {
    return loop.invokeAll(tasks);
  }

  @Override
  public <T> List<java.util.concurrent.Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout,
      TimeUnit unit) throws InterruptedException {
    return loop.invokeAll(tasks, timeout, unit);
  }

  @Override
  public <T> T invokeAny(Collection<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
    return loop.invokeAny(tasks);
  }

  @Override
  public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
      throws InterruptedException, ExecutionException, TimeoutException {
    return loop.invokeAny(tasks, timeout, unit);
  }

  @Override
  public void execute(Runnable command) {
    loop.execute(command);
  }
}
