package io.minisocket.transport.vertx;

import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.DelegatingSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.ImmediateExecutor;
import io.vertx.core.net.JdkSSLEngineOptions;
import io.vertx.core.spi.tls.SslContextFactory;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

/**
 * JDK TLS engine options that report the Netty {@link Channel} as soon as its {@link SslHandler} is added, i.e.
 * before the TLS handshake. Vert.x only hands out a connection after TLS succeeded and its client only tracks
 * channels from then on, so without this hook a connection stuck in the TLS handshake could not be closed on
 * {@code abort()} before the TLS handshake timeout.
 *
 * <p>Used for one connection per client: session resumption across connections is not possible anyway, so the
 * handler is created without Netty's resumption controller.
 */
final class ChannelCapturingSslEngineOptions extends JdkSSLEngineOptions {

  private final Consumer<Channel> onChannel;
  private final Consumer<Throwable> onTlsFailure;

  /**
   * @param onChannel    told the channel when its TLS handler is added
   * @param onTlsFailure told what the TLS handler raised (a certificate refused, an alert from the server); with
   *     TLS 1.3 a server's refusal of the client certificate arrives after the client's handshake has finished, and
   *     Vert.x reports only "connection closed" for it
   */
  ChannelCapturingSslEngineOptions(Consumer<Channel> onChannel, Consumer<Throwable> onTlsFailure) {
    this.onChannel = onChannel;
    this.onTlsFailure = onTlsFailure;
  }

  private ChannelCapturingSslEngineOptions(ChannelCapturingSslEngineOptions other) {
    super(other);
    this.onChannel = other.onChannel;
    this.onTlsFailure = other.onTlsFailure;
  }

  @Override
  public JdkSSLEngineOptions copy() {
    return new ChannelCapturingSslEngineOptions(this);
  }

  @Override
  public SslContextFactory sslContextFactory() {
    SslContextFactory delegate = super.sslContextFactory();
    return new SslContextFactory() {
      @Override
      public SslContextFactory useAlpn(boolean useAlpn) {
        delegate.useAlpn(useAlpn);
        return this;
      }

      @Override
      public SslContextFactory forServer(ClientAuth clientAuth) {
        delegate.forServer(clientAuth);
        return this;
      }

      @Override
      public SslContextFactory forClient(SNIServerName serverName, String endpointIdentificationAlgorithm) {
        delegate.forClient(serverName, endpointIdentificationAlgorithm);
        return this;
      }

      @Override
      public SslContextFactory enabledProtocols(Set<String> protocols) {
        delegate.enabledProtocols(protocols);
        return this;
      }

      @Override
      public SslContextFactory keyMananagerFactory(KeyManagerFactory kmf) {
        delegate.keyMananagerFactory(kmf);
        return this;
      }

      @Override
      public SslContextFactory trustManagerFactory(TrustManagerFactory tmf) {
        delegate.trustManagerFactory(tmf);
        return this;
      }

      @Override
      public SslContextFactory enabledCipherSuites(Set<String> cipherSuites) {
        delegate.enabledCipherSuites(cipherSuites);
        return this;
      }

      @Override
      public SslContextFactory applicationProtocols(List<String> protocols) {
        delegate.applicationProtocols(protocols);
        return this;
      }

      @Override
      public SslContext create() throws SSLException {
        return new CapturingSslContext(delegate.create(), onChannel, onTlsFailure);
      }
    };
  }

  private static final class CapturingSslContext extends DelegatingSslContext {
    private final Consumer<Channel> onChannel;
    private final Consumer<Throwable> onTlsFailure;

    CapturingSslContext(SslContext ctx, Consumer<Channel> onChannel, Consumer<Throwable> onTlsFailure) {
      super(ctx);
      this.onChannel = onChannel;
      this.onTlsFailure = onTlsFailure;
    }

    @Override
    protected void initEngine(SSLEngine engine) {
      // configured by the delegate
    }

    @Override
    protected SslHandler newHandler(ByteBufAllocator alloc, boolean startTls, Executor executor) {
      return new CapturingSslHandler(newEngine(alloc), startTls, executor, onChannel, onTlsFailure);
    }

    @Override
    protected SslHandler newHandler(ByteBufAllocator alloc, String peerHost, int peerPort, boolean startTls,
        Executor executor) {
      return new CapturingSslHandler(newEngine(alloc, peerHost, peerPort), startTls, executor, onChannel,
          onTlsFailure);
    }
  }

  private static final class CapturingSslHandler extends SslHandler {
    private final Consumer<Channel> onChannel;
    private final Consumer<Throwable> onTlsFailure;

    CapturingSslHandler(SSLEngine engine, boolean startTls, Executor executor, Consumer<Channel> onChannel,
        Consumer<Throwable> onTlsFailure) {
      super(engine, startTls, executor == null ? ImmediateExecutor.INSTANCE : executor);
      this.onChannel = onChannel;
      this.onTlsFailure = onTlsFailure;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) throws Exception {
      onTlsFailure.accept(cause);
      super.exceptionCaught(ctx, cause);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
      onChannel.accept(ctx.channel());
      super.handlerAdded(ctx);
    }
  }
}
