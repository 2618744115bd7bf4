package io.minisocket.transport.vertx;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
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

/**
 * One of Vert.x's event loops as the context of one transport-vertx connection sees it: everything is done by the real
 * loop, but a {@link Channel} registered through this view is reported to the connection. Vert.x registers the TCP
 * channel of a connect on the event loop of the connecting context ({@code Bootstrap.group(context.nettyEventLoop())}),
 * so the connection learns its own channel as soon as it exists — before the TCP connect, a proxy's CONNECT, the TLS
 * handshake or the HTTP upgrade — and can close exactly that channel to cancel an opening handshake, while all
 * connections share one {@code WebSocketClient}.
 *
 * <p>One view per connection, because the view is what says whose a channel is (the current Vert.x context is not:
 * Vert.x sometimes goes on with one connect from the callback of another). Netty's name resolvers are cached per event
 * loop, and one is made for this view when a proxy's host name is resolved: {@link #terminationFuture()} therefore
 * completes when the connection has ended ({@link #connectionEnded()}), which drops it. Thread-safe.
 */
final class ChannelCapturingEventLoop implements EventLoop {

  private final EventLoop loop;
  private volatile VertxConnection owner;
  /** Made when first asked for (see the class comment); guarded by this. */
  private Promise<Void> ended;

  /** @param loop the real event loop */
  ChannelCapturingEventLoop(EventLoop loop) {
    this.loop = loop;
  }

  /** @return the real event loop */
  EventLoop loop() {
    return loop;
  }

  /** @param connection told the channels registered through this view from now on */
  void owner(VertxConnection connection) {
    owner = connection;
  }

  /** The connection has ended: whatever keyed a resource by this view may drop it. */
  void connectionEnded() {
    Promise<Void> p;
    synchronized (this) {
      p = ended;
    }
    if (p != null) {
      p.trySuccess(null);
    }
  }

  // ---------------------------------------------------------------------------------------------- what is captured

  @Override
  public ChannelFuture register(Channel channel) {
    registering(channel);
    return loop.register(channel);
  }

  @Override
  public ChannelFuture register(ChannelPromise promise) {
    registering(promise.channel());
    return loop.register(promise);
  }

  @Deprecated
  @Override
  public ChannelFuture register(Channel channel, ChannelPromise promise) {
    registering(channel);
    return loop.register(channel, promise);
  }

  private void registering(Channel channel) {
    VertxConnection connection = owner;
    if (connection != null) {
      connection.onChannel(channel);
    }
  }

  /** @return a future that completes when the connection has ended (not when the real loop terminates) */
  @Override
  public synchronized Future<?> terminationFuture() {
    if (ended == null) {
      ended = loop.newPromise();
    }
    return ended;
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
