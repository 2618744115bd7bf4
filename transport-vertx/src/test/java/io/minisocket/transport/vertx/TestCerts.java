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
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A self-signed certificate made in the test (EC P-256, with DNS and IP subject alternative names). */
final class TestCerts {

  final X509Certificate certificate;
  final String certPem;
  final String keyPem;

  private TestCerts(X509Certificate certificate, String certPem, String keyPem) {
    this.certificate = certificate;
    this.certPem = certPem;
    this.keyPem = keyPem;
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
    try {
      KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
      kpg.initialize(256);
      KeyPair kp = kpg.generateKeyPair();
      X500Name name = new X500Name("CN=" + cn);
      Instant now = Instant.now();
      JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
          Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(1, ChronoUnit.DAYS)), name, kp.getPublic());
      List<GeneralName> sans = new ArrayList<>();
      dnsNames.forEach(d -> sans.add(new GeneralName(GeneralName.dNSName, d)));
      ips.forEach(ip -> sans.add(new GeneralName(GeneralName.iPAddress, ip)));
      builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans.toArray(GeneralName[]::new)));
      X509Certificate cert = new JcaX509CertificateConverter()
          .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate())));
      return new TestCerts(cert, pem("CERTIFICATE", cert.getEncoded()), pem("PRIVATE KEY", kp.getPrivate().getEncoded()));
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
    return Files.writeString(dir.resolve("server-cert.pem"), certPem, StandardCharsets.US_ASCII);
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
