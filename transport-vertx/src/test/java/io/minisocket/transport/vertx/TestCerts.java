package io.minisocket.transport.vertx;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemKeyCertOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate made in the test (EC P-256, with DNS and IP subject alternative names): self-signed, or issued by
 * a test CA ({@link #ca}, {@link #issue}), valid from yesterday to tomorrow unless made {@link #expired}.
 */
final class TestCerts {

  final X509Certificate certificate;
  final String certPem;
  final String keyPem;
  private final KeyPair keyPair;

  private TestCerts(X509Certificate certificate, KeyPair keyPair) throws Exception {
    this.certificate = certificate;
    this.keyPair = keyPair;
    this.certPem = pem("CERTIFICATE", certificate.getEncoded());
    this.keyPem = pem("PRIVATE KEY", keyPair.getPrivate().getEncoded());
  }

  /** A certificate for {@code localhost} and {@code 127.0.0.1}. */
  static TestCerts localhost() {
    return create("localhost", List.of("localhost"), List.of("127.0.0.1"));
  }

  /** A certificate for other names only, so host verification against 127.0.0.1 fails. */
  static TestCerts otherHost() {
    return create("example.invalid", List.of("example.invalid"), List.of());
  }

  static TestCerts create(String cn, List<String> dnsNames, List<String> ips) {
    return make(cn, dnsNames, ips, null, Instant.now().plus(1, ChronoUnit.DAYS), false);
  }

  /** A self-signed certificate authority that can {@link #issue} certificates. */
  static TestCerts ca(String cn) {
    return make(cn, List.of(), List.of(), null, Instant.now().plus(1, ChronoUnit.DAYS), true);
  }

  /** A certificate for {@code localhost} and {@code 127.0.0.1} signed by this CA. */
  TestCerts issue(String cn) {
    return make(cn, List.of("localhost"), List.of("127.0.0.1"), this, Instant.now().plus(1, ChronoUnit.DAYS), false);
  }

  /** A certificate for {@code localhost} and {@code 127.0.0.1} signed by this CA that expired an hour ago. */
  TestCerts issueExpired(String cn) {
    return make(cn, List.of("localhost"), List.of("127.0.0.1"), this, Instant.now().minus(1, ChronoUnit.HOURS),
        false);
  }

  private static TestCerts make(String cn, List<String> dnsNames, List<String> ips, TestCerts issuer,
      Instant notAfter, boolean isCa) {
    try {
      KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
      kpg.initialize(256);
      KeyPair kp = kpg.generateKeyPair();
      X500Name name = new X500Name("CN=" + cn);
      X500Name issuerName = issuer == null ? name : new X500Name(issuer.certificate.getSubjectX500Principal().getName());
      Instant now = Instant.now();
      JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
          BigInteger.valueOf(now.toEpochMilli()).add(BigInteger.valueOf(System.nanoTime() & 0xffff)),
          Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(notAfter), name, kp.getPublic());
      List<GeneralName> sans = new ArrayList<>();
      dnsNames.forEach(d -> sans.add(new GeneralName(GeneralName.dNSName, d)));
      ips.forEach(ip -> sans.add(new GeneralName(GeneralName.iPAddress, ip)));
      if (!sans.isEmpty()) {
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans.toArray(GeneralName[]::new)));
      }
      if (isCa) {
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      }
      KeyPair signer = issuer == null ? kp : issuer.keyPair;
      X509Certificate cert = new JcaX509CertificateConverter()
          .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
      return new TestCerts(cert, kp);
    } catch (Exception e) {
      throw new IllegalStateException("cannot make a test certificate", e);
    }
  }

  PemKeyCertOptions keyCertOptions() {
    return new PemKeyCertOptions()
        .addCertValue(Buffer.buffer(certPem))
        .addKeyValue(Buffer.buffer(keyPem));
  }

  Path writePem(Path dir) throws IOException {
    return writeCertPem(dir, "server-cert.pem");
  }

  /** Writes the private key as a PKCS#8 PEM file. */
  Path writeKeyPem(Path dir, String fileName) throws IOException {
    return Files.writeString(dir.resolve(fileName), keyPem, StandardCharsets.US_ASCII);
  }

  /** Writes the certificate as a PEM file with the given name. */
  Path writeCertPem(Path dir, String fileName) throws IOException {
    return Files.writeString(dir.resolve(fileName), certPem, StandardCharsets.US_ASCII);
  }

  Path writeTrustStore(Path dir, String type, String password) throws IOException, GeneralSecurityException {
    KeyStore ks = KeyStore.getInstance(type);
    ks.load(null, null);
    ks.setCertificateEntry("server", certificate);
    Path file = dir.resolve("trust." + type.toLowerCase());
    try (OutputStream out = Files.newOutputStream(file)) {
      ks.store(out, password.toCharArray());
    }
    return file;
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }
}
