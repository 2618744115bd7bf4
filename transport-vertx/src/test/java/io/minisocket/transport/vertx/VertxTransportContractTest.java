package io.minisocket.transport.vertx;

import io.minisocket.core.transport.Transport;
import io.minisocket.tck.TransportContractKit;
import java.nio.file.Path;

/** The Vert.x transport keeps the transport contract. */
class VertxTransportContractTest extends TransportContractKit {

  @Override
  protected Transport createTransport(Path trustedCertificatePem) {
    return VertxTransport.create(VertxTransportOptions.builder().trustPem(trustedCertificatePem).build());
  }
}
