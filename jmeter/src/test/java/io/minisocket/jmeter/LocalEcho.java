package io.minisocket.jmeter;

import io.minisocket.testkit.EchoServer;
import io.minisocket.testkit.SelfSignedCertificate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A wss echo server on localhost with a self-signed certificate, and the PEM file a connect sampler trusts.
 *
 * @param server   the server
 * @param trustPem its certificate
 */
record LocalEcho(EchoServer server, Path trustPem) implements AutoCloseable {

  static LocalEcho start(Path dir) {
    EchoServer server = EchoServer.tls(SelfSignedCertificate.localhost());
    try {
      return new LocalEcho(server, server.certificate().writeCertificatePem(Files.createDirectories(dir)));
    } catch (IOException e) {
      server.close();
      throw new UncheckedIOException(e);
    }
  }

  String url() {
    return server.url();
  }

  @Override
  public void close() {
    server.close();
  }
}
