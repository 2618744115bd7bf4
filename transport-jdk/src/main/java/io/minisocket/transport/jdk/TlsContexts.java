package io.minisocket.transport.jdk;

import io.minisocket.core.transport.ExplainingTrustManager;
import io.minisocket.core.transport.TrustSource;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/** Builds the {@link SSLContext} of a {@link JdkTransport} from its trust settings. */
final class TlsContexts {

  private TlsContexts() {}

  /**
   * Unless the caller brings its own context, the server's certificate is checked by an
   * {@link ExplainingTrustManager}, so that a refusal names its reason (self-signed, unknown issuer, expired,
   * hostname mismatch); {@link JdkTransportOptions.Builder#trustAll} checks nothing.
   *
   * @param options the transport settings
   * @return the caller's context, or one that trusts what the options say (the JDK's default trust store if nothing)
   * @throws IllegalArgumentException if a configured trust file cannot be read or parsed
   */
  static SSLContext of(JdkTransportOptions options) {
    if (options.sslContext() != null) {
      return options.sslContext();
    }
    try {
      if (options.trustAll()) {
        return context(new WithoutHostCheck(null));
      }
      X509ExtendedTrustManager checking = TrustSource.trustManager(options.trust());
      return context(new ExplainingTrustManager(options.verifyHost() ? checking : new WithoutHostCheck(checking)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  private static SSLContext context(TrustManager trustManager) throws GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {trustManager}, null);
    return context;
  }

  /**
   * Checks the server's chain with {@code delegate} but not the host name, or nothing at all when {@code delegate} is
   * {@code null} ({@link JdkTransportOptions.Builder#trustAll}, development only). JSSE leaves the endpoint
   * identification to an {@link X509ExtendedTrustManager}, and this one leaves it out. Client certificates are never
   * checked here: this trust manager only serves a client.
   */
  private static final class WithoutHostCheck extends X509ExtendedTrustManager {
    private final X509TrustManager delegate;

    WithoutHostCheck(X509TrustManager delegate) {
      this.delegate = delegate;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      if (delegate != null) {
        delegate.checkServerTrusted(chain, authType);
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      throw new CertificateException("a MiniSocket client does not accept client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return delegate == null ? new X509Certificate[0] : delegate.getAcceptedIssuers();
    }
  }
}
