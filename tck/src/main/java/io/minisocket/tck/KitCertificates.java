package io.minisocket.tck;

import io.minisocket.testkit.SelfSignedCertificate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The certificates of the kits' TLS servers, made once per JVM (making one takes a moment): one for
 * {@code localhost} that the transport under test is told to trust, and one for each way a certificate is refused
 * (self-signed and not trusted, trusted but for another host, trusted but expired, issued by an unknown authority).
 */
final class KitCertificates {
  /** Presented by the kits' {@code wss://} servers; its PEM is handed to {@code createTransport}. */
  static final SelfSignedCertificate TRUSTED = SelfSignedCertificate.localhost();
  /** A valid certificate for {@code localhost} that the transport does not trust. */
  static final SelfSignedCertificate UNTRUSTED = SelfSignedCertificate.localhost();
  /** Trusted (it is in {@link #TRUSTED_PEM}) but for {@code example.invalid}, not the {@code localhost} of the URL. */
  static final SelfSignedCertificate OTHER_HOST = SelfSignedCertificate.forNames("example.invalid");
  /** Trusted (it is in {@link #TRUSTED_PEM}) and for {@code localhost}, but expired yesterday. */
  static final SelfSignedCertificate EXPIRED = SelfSignedCertificate.expired("localhost", "127.0.0.1");
  /** For {@code localhost}, issued by a certificate authority that the transport does not trust. */
  static final SelfSignedCertificate UNKNOWN_ISSUER =
      SelfSignedCertificate.forNames("MiniSocket Kit Unknown CA").issue("localhost", "127.0.0.1");
  /** The PEM file handed to {@code createTransport}: {@link #TRUSTED}, {@link #OTHER_HOST} and {@link #EXPIRED}. */
  static final Path TRUSTED_PEM = writePem();

  private KitCertificates() {}

  private static Path writePem() {
    try {
      Path dir = Files.createTempDirectory("minisocket-tck");
      Path pem = Files.writeString(dir.resolve("trusted.pem"),
          TRUSTED.certificatePem() + OTHER_HOST.certificatePem() + EXPIRED.certificatePem(), StandardCharsets.US_ASCII);
      pem.toFile().deleteOnExit();
      dir.toFile().deleteOnExit();
      return pem;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the kit's certificate", e);
    }
  }
}
