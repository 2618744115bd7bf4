package io.minisocket.tck;

import io.minisocket.testkit.SelfSignedCertificate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The certificates of the kits' TLS servers, made once per JVM (making one takes a moment): one for
 * {@code localhost} that the transport under test is told to trust, and another for {@code localhost} that it is
 * not told about.
 */
final class KitCertificates {
  /** Presented by the kits' {@code wss://} servers; its PEM is handed to {@code createTransport}. */
  static final SelfSignedCertificate TRUSTED = SelfSignedCertificate.localhost();
  /** A valid certificate for {@code localhost} that the transport does not trust. */
  static final SelfSignedCertificate UNTRUSTED = SelfSignedCertificate.localhost();
  /** The PEM file of {@link #TRUSTED}. */
  static final Path TRUSTED_PEM = writePem();

  private KitCertificates() {}

  private static Path writePem() {
    try {
      Path dir = Files.createTempDirectory("minisocket-tck");
      Path pem = TRUSTED.writeCertificatePem(dir);
      pem.toFile().deleteOnExit();
      dir.toFile().deleteOnExit();
      return pem;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the kit's certificate", e);
    }
  }
}
