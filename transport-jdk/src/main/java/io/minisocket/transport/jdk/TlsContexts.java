package io.minisocket.transport.jdk;

import io.minisocket.core.transport.ExplainingTrustManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
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
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trustStore(options)); // null: the JDK's default trust store
      X509ExtendedTrustManager checking = x509(tmf.getTrustManagers());
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

  private static KeyStore trustStore(JdkTransportOptions options) throws GeneralSecurityException {
    if (options.trustPem() != null) {
      byte[] pem = read(options.trustPem());
      Collection<? extends Certificate> certificates;
      try (InputStream in = new ByteArrayInputStream(pem)) {
        certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
      } catch (CertificateException | IOException e) {
        throw new IllegalArgumentException("not a PEM certificate file: " + options.trustPem(), e);
      }
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException("no certificate in " + options.trustPem());
      }
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      try {
        store.load(null, null);
      } catch (IOException e) {
        throw new IllegalStateException("cannot create an empty key store", e);
      }
      int i = 0;
      for (Certificate certificate : certificates) {
        store.setCertificateEntry("trusted-" + i++, certificate);
      }
      return store;
    }
    if (options.trustStorePath() != null) {
      byte[] bytes = read(options.trustStorePath());
      try (InputStream in = new ByteArrayInputStream(bytes)) {
        KeyStore store = KeyStore.getInstance(options.trustStoreType().name());
        String password = options.trustStorePassword();
        store.load(in, password == null ? null : password.toCharArray());
        return store;
      } catch (GeneralSecurityException | IOException e) {
        throw new IllegalArgumentException("cannot load " + options.trustStoreType() + " trust store "
            + options.trustStorePath(), e);
      }
    }
    return null;
  }

  private static byte[] read(Path path) {
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read trust file " + path, e);
    }
  }

  private static X509ExtendedTrustManager x509(TrustManager[] managers) {
    for (TrustManager m : managers) {
      if (m instanceof X509ExtendedTrustManager x509) {
        return x509;
      }
    }
    throw new IllegalStateException("the JDK has no X509ExtendedTrustManager");
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
