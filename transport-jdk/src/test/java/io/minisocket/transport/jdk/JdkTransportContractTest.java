package io.minisocket.transport.jdk;

import io.minisocket.core.transport.Transport;
import io.minisocket.tck.TransportCapabilities;
import io.minisocket.tck.TransportContractKit;
import java.nio.file.Path;

/** The JDK transport keeps the transport contract, with the one limit of its client declared. */
class JdkTransportContractTest extends TransportContractKit {

  @Override
  protected Transport createTransport(Path trustedCertificatePem) {
    return JdkTransport.create(JdkTransportOptions.builder().trustPem(trustedCertificatePem).build());
  }

  /** java.net.http.WebSocket does not expose response headers: they are matched to a handshake by URI only. */
  @Override
  protected TransportCapabilities capabilities() {
    return TransportCapabilities.builder().tellsOverlappingHandshakesApart(false).build();
  }
}
