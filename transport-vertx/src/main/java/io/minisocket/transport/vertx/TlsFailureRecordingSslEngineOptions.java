package io.minisocket.transport.vertx;

import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.DelegatingSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.ImmediateExecutor;
import io.vertx.core.net.JdkSSLEngineOptions;
import io.vertx.core.spi.tls.SslContextFactory;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

/**
 * JDK TLS engine options whose handler records the first failure it raises (a certificate refused, an alert from the
 * server) on its channel, as {@link #TLS_FAILURE}: with TLS 1.3 a server's refusal of the client certificate arrives
 * after the client's handshake has finished, and Vert.x then reports only "connection closed". The connection reads
 * it back from its channel to say what went wrong. One instance serves every connection of a client.
 *
 * <p>The handler is created directly, without Netty's session resumption controller.
 */
final class TlsFailureRecordingSslEngineOptions extends JdkSSLEngineOptions {

  /** The first exception the TLS handler of a channel raised. */
  static final AttributeKey<Throwable> TLS_FAILURE =
      AttributeKey.valueOf(TlsFailureRecordingSslEngineOptions.class, "tlsFailure");

  TlsFailureRecordingSslEngineOptions() {}

  private TlsFailureRecordingSslEngineOptions(TlsFailureRecordingSslEngineOptions other) {
    super(other);
  }

  @Override
  public JdkSSLEngineOptions copy() {
    return new TlsFailureRecordingSslEngineOptions(this);
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
        return new RecordingSslContext(delegate.create());
      }
    };
  }

  private static final class RecordingSslContext extends DelegatingSslContext {

    RecordingSslContext(SslContext ctx) {
      super(ctx);
    }

    @Override
    protected void initEngine(SSLEngine engine) {
      // configured by the delegate
    }

    @Override
    protected SslHandler newHandler(ByteBufAllocator alloc, boolean startTls, Executor executor) {
      return new RecordingSslHandler(newEngine(alloc), startTls, executor);
    }

    @Override
    protected SslHandler newHandler(ByteBufAllocator alloc, String peerHost, int peerPort, boolean startTls,
        Executor executor) {
      return new RecordingSslHandler(newEngine(alloc, peerHost, peerPort), startTls, executor);
    }
  }

  private static final class RecordingSslHandler extends SslHandler {

    RecordingSslHandler(SSLEngine engine, boolean startTls, Executor executor) {
      super(engine, startTls, executor == null ? ImmediateExecutor.INSTANCE : executor);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) throws Exception {
      ctx.channel().attr(TLS_FAILURE).setIfAbsent(cause);
      super.exceptionCaught(ctx, cause);
    }
  }
}
