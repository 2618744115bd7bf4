package io.minisocket.core.transport;

import java.net.Socket;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Checks the server's certificate with the configured trust manager (the JDK's default, a PEM file or a trust
 * store) and, when it refuses, says why in words a person can act on: a self-signed certificate, an unknown issuer,
 * an expired (or not yet valid) certificate, or a host name the certificate does not cover. The JDK's own text
 * ("PKIX path building failed: unable to find valid certification path to requested target") stays the cause.
 *
 * <p>Transports install it in their TLS setup in place of the trust manager it wraps, and look for an
 * {@link UntrustedCertificateException} among the causes of a failed handshake to report the reason. Host name checks
 * stay with the delegate (the engine's endpoint identification), and so do client certificate checks. Besides the
 * delegate's checks, the server's own certificate must be valid now, even when it is itself trusted.
 */
public final class ExplainingTrustManager extends X509ExtendedTrustManager {

  /** A refused server certificate, with the reason (self-signed, unknown issuer, expired...) as its message. */
  public static final class UntrustedCertificateException extends CertificateException {
    private static final long serialVersionUID = 1L;

    UntrustedCertificateException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final X509ExtendedTrustManager delegate;

  /**
   * @param delegate the trust manager that decides; its refusals are explained, its verdicts kept
   */
  public ExplainingTrustManager(X509ExtendedTrustManager delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** Checks with the delegate (host name included, when the engine asks for it); explains a refusal. */
  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    explaining(chain, engine == null ? null : engine.getPeerHost(),
        () -> delegate.checkServerTrusted(chain, authType, engine));
  }

  /** Checks with the delegate; explains a refusal. */
  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    explaining(chain, null, () -> delegate.checkServerTrusted(chain, authType, socket));
  }

  /** Checks with the delegate; explains a refusal. */
  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    explaining(chain, null, () -> delegate.checkServerTrusted(chain, authType));
  }

  private interface Check {
    void run() throws CertificateException;
  }

  /** Runs the delegate's check, explains its refusal, then insists on the leaf's dates. */
  private static void explaining(X509Certificate[] chain, String host, Check check) throws CertificateException {
    try {
      check.run();
    } catch (CertificateException e) {
      throw explained(chain, host, e);
    }
    requireValidNow(chain);
  }

  /** Left to the delegate. */
  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    delegate.checkClientTrusted(chain, authType, engine);
  }

  /** Left to the delegate. */
  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    delegate.checkClientTrusted(chain, authType, socket);
  }

  /** Left to the delegate. */
  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    delegate.checkClientTrusted(chain, authType);
  }

  /** The delegate's accepted issuers. */
  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return delegate.getAcceptedIssuers();
  }

  /**
   * The JDK accepts a trusted certificate that is itself a trust anchor without looking at its dates (a PEM file
   * holding the server's own certificate); a browser would not, and neither do we.
   */
  private static void requireValidNow(X509Certificate[] chain) throws CertificateException {
    if (chain.length > 0) {
      try {
        chain[0].checkValidity();
      } catch (CertificateExpiredException | CertificateNotYetValidException e) {
        throw explained(chain, null, e);
      }
    }
  }

  /** The reason a certificate was refused, as a person would say it; {@code failure} stays the cause. */
  private static UntrustedCertificateException explained(X509Certificate[] chain, String host, CertificateException failure) {
    X509Certificate leaf = chain.length > 0 ? chain[0] : null;
    String subject = leaf == null ? "(no certificate)" : leaf.getSubjectX500Principal().getName();
    if (has(failure, CertificateExpiredException.class) || reason(failure, "EXPIRED")) {
      return new UntrustedCertificateException("certificate expired: " + subject
          + (leaf == null ? "" : " was valid until " + leaf.getNotAfter().toInstant()), failure);
    }
    if (has(failure, CertificateNotYetValidException.class) || reason(failure, "NOT_YET_VALID")) {
      return new UntrustedCertificateException("certificate not yet valid: " + subject
          + (leaf == null ? "" : " is valid from " + leaf.getNotBefore().toInstant()), failure);
    }
    String text = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
    if (text.contains("no subject alternative") || text.contains("no name matching")) {
      return new UntrustedCertificateException("hostname mismatch: the certificate is for " + names(leaf)
          + (host == null ? "" : ", not " + host), failure);
    }
    if (leaf != null && (has(failure, CertPathBuilderException.class) || has(failure, CertPathValidatorException.class)
        || text.contains("certification path") || text.contains("pkix"))) {
      // No path to a trusted certificate (or one through a trusted certificate's name that the signature belies).
      X509Certificate top = chain[chain.length - 1];
      if (chain.length == 1 && top.getSubjectX500Principal().equals(top.getIssuerX500Principal())) {
        return new UntrustedCertificateException("self-signed certificate: " + subject
            + " is not trusted (trust it with a PEM file or trust store, see the README)", failure);
      }
      return new UntrustedCertificateException("unknown issuer: " + top.getIssuerX500Principal().getName()
          + ", which signed " + subject + ", is not trusted", failure);
    }
    return new UntrustedCertificateException("certificate not trusted: " + failure.getMessage(), failure);
  }

  private static boolean has(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static boolean reason(Throwable failure, String name) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof CertPathValidatorException v && name.equals(String.valueOf(v.getReason()))) {
        return true;
      }
    }
    return false;
  }

  /** The DNS names and IP addresses the certificate covers, or its subject when it lists none. */
  private static String names(X509Certificate leaf) {
    if (leaf == null) {
      return "no name";
    }
    List<String> names = new ArrayList<>();
    try {
      Collection<List<?>> sans = leaf.getSubjectAlternativeNames();
      if (sans != null) {
        for (List<?> san : sans) {
          Object type = san.get(0);
          if (Integer.valueOf(2).equals(type) || Integer.valueOf(7).equals(type)) { // dNSName, iPAddress
            names.add(String.valueOf(san.get(1)));
          }
        }
      }
    } catch (CertificateParsingException e) {
      // fall back to the subject below
    }
    return names.isEmpty() ? leaf.getSubjectX500Principal().getName() : String.join(", ", names);
  }
}
