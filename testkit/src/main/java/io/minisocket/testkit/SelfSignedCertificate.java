package io.minisocket.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed certificate (EC P-256, valid from yesterday to tomorrow) made in memory, for {@code wss://} test
 * servers; for tests of refused certificates also an {@link #expired} one or one {@link #issue issued} by another. Trust it in a client with its PEM ({@link #certificatePem()} or {@link #writeCertificatePem(Path)}).
 */
public final class SelfSignedCertificate {
  /** Serial numbers, unique in this JVM (certificates made in the same millisecond must differ). */
  private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());
  private final X509Certificate certificate;
  private final PrivateKey privateKey;
  private final String certificatePem;
  private final String privateKeyPem;

  private SelfSignedCertificate(X509Certificate certificate, PrivateKey privateKey, String certificatePem,
      String privateKeyPem) {
    this.certificate = certificate;
    this.privateKey = privateKey;
    this.certificatePem = certificatePem;
    this.privateKeyPem = privateKeyPem;
  }

  /** @return a certificate for {@code localhost} and {@code 127.0.0.1} */
  public static SelfSignedCertificate localhost() {
    return forNames("localhost", "127.0.0.1");
  }

  /**
   * A certificate whose subject alternative names are the given host names and IP literals; the first is also
   * the common name.
   *
   * @param names host names ({@code localhost}) or IP literals ({@code 127.0.0.1}); at least one
   * @return the certificate
   */
  public static SelfSignedCertificate forNames(String... names) {
    Instant now = Instant.now();
    return make(null, now.minus(1, ChronoUnit.DAYS), now.plus(1, ChronoUnit.DAYS), names);
  }

  /**
   * A self-signed certificate that expired yesterday (valid for the two days before), for testing how a client
   * reports an expired certificate.
   *
   * @param names host names or IP literals, as in {@link #forNames}
   * @return the certificate
   */
  public static SelfSignedCertificate expired(String... names) {
    Instant now = Instant.now();
    return make(null, now.minus(3, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS), names);
  }

  /**
   * A certificate for the given names signed by this one (as a certificate authority), valid from yesterday to
   * tomorrow; a server presenting it sends it alone, without this issuer. Trusting the issuer trusts it; trusting
   * neither makes it a certificate from an unknown issuer.
   *
   * @param names host names or IP literals, as in {@link #forNames}
   * @return the issued certificate
   */
  public SelfSignedCertificate issue(String... names) {
    Instant now = Instant.now();
    return make(this, now.minus(1, ChronoUnit.DAYS), now.plus(1, ChronoUnit.DAYS), names);
  }

  private static SelfSignedCertificate make(SelfSignedCertificate issuer, Instant notBefore, Instant notAfter,
      String... names) {
    if (names.length == 0) {
      throw new IllegalArgumentException("at least one host name or IP address is needed");
    }
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(256);
      KeyPair keys = generator.generateKeyPair();
      X500Name subject = new X500Name("CN=" + names[0]);
      X500Name issuerName = issuer == null ? subject
          : X500Name.getInstance(issuer.certificate.getSubjectX500Principal().getEncoded());
      PrivateKey signer = issuer == null ? keys.getPrivate() : issuer.privateKey;
      JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
          BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(notBefore), Date.from(notAfter), subject,
          keys.getPublic());
      List<GeneralName> alternatives = new ArrayList<>();
      for (String name : names) {
        alternatives.add(isIpLiteral(name)
            ? new GeneralName(GeneralName.iPAddress, name) : new GeneralName(GeneralName.dNSName, name));
      }
      builder.addExtension(Extension.subjectAlternativeName, false,
          new GeneralNames(alternatives.toArray(GeneralName[]::new)));
      X509Certificate certificate = new JcaX509CertificateConverter()
          .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
      return new SelfSignedCertificate(certificate, keys.getPrivate(), pem("CERTIFICATE", certificate.getEncoded()),
          pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
    } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
      throw new IllegalStateException("cannot make a test certificate", e);
    }
  }

  /** @return the certificate */
  public X509Certificate certificate() {
    return certificate;
  }

  /** @return the certificate in PEM */
  public String certificatePem() {
    return certificatePem;
  }

  /** @return the private key in PKCS#8 PEM */
  public String privateKeyPem() {
    return privateKeyPem;
  }

  /**
   * An {@link SSLContext} that trusts this certificate and nothing else, for JDK clients in tests, e.g.
   * {@code HttpClient.newBuilder().sslContext(certificate.trustingSslContext())}.
   *
   * @return a new TLS context
   */
  public SSLContext trustingSslContext() {
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("minisocket-test", certificate);
      TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trustManagers.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trustManagers.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot make a TLS context trusting the certificate", e);
    }
  }

  /** @return a server-side TLS context presenting this certificate */
  SSLContext serverSslContext() {
    try {
      char[] password = "minisocket".toCharArray();
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry("minisocket-test", privateKey, password, new Certificate[] {certificate});
      KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keys, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot make a server TLS context from the certificate", e);
    }
  }

  /**
   * Writes the certificate's PEM into a directory, for clients that trust a PEM file.
   *
   * @param directory where to write {@code certificate.pem}
   * @return the file written
   * @throws IOException when it cannot be written
   */
  public Path writeCertificatePem(Path directory) throws IOException {
    return Files.writeString(directory.resolve("certificate.pem"), certificatePem, StandardCharsets.US_ASCII);
  }

  /**
   * Writes a trust store holding the certificate into a directory, for clients that trust a PKCS#12 or JKS store.
   *
   * @param directory where to write {@code trust.p12} or {@code trust.jks}
   * @param type      {@code PKCS12} or {@code JKS}
   * @param password  the store's password
   * @return the file written
   * @throws IOException when it cannot be written
   */
  public Path writeTrustStore(Path directory, String type, String password) throws IOException {
    Path file = directory.resolve("trust." + (type.equalsIgnoreCase("JKS") ? "jks" : "p12"));
    try (OutputStream out = Files.newOutputStream(file)) {
      KeyStore store = KeyStore.getInstance(type);
      store.load(null, null);
      store.setCertificateEntry("minisocket-test", certificate);
      store.store(out, password.toCharArray());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot make a " + type + " trust store", e);
    }
    return file;
  }

  private static boolean isIpLiteral(String name) {
    if (!name.matches("[0-9.]+|.*:.*")) {
      return false;
    }
    try {
      InetAddress.getByName(name); // resolves literals without a lookup
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }
}
