package io.minisocket.cli;

import io.minisocket.testkit.EchoServer;
import io.minisocket.testkit.SelfSignedCertificate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A local {@code wss://} echo server with a certificate for {@code localhost} made on the spot, and that certificate
 * in a temporary PEM file for the client to trust.
 */
final class EmbeddedEchoServer implements AutoCloseable {
  private final EchoServer server;
  private final Path directory;
  private final Path certificatePem;

  private EmbeddedEchoServer(EchoServer server, Path directory, Path certificatePem) {
    this.server = server;
    this.directory = directory;
    this.certificatePem = certificatePem;
  }

  /** @return a started server that accepts the sub-protocol {@code chat} */
  static EmbeddedEchoServer start() {
    try {
      Path directory = Files.createTempDirectory("minisocket-");
      EchoServer server = EchoServer.tls(SelfSignedCertificate.localhost(), "chat");
      try {
        return new EmbeddedEchoServer(server, directory, server.certificate().writeCertificatePem(directory));
      } catch (IOException | RuntimeException e) {
        server.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the embedded server's certificate", e);
    }
  }

  /** @return {@code wss://localhost:PORT/} */
  String url() {
    return server.url();
  }

  /** @return the PEM file of the server's certificate */
  Path certificatePem() {
    return certificatePem;
  }

  @Override
  public void close() {
    try {
      server.close();
    } finally {
      try {
        Files.deleteIfExists(certificatePem);
        Files.deleteIfExists(directory);
      } catch (IOException e) {
        // a temporary file left behind is harmless
      }
    }
  }
}
