package io.minisocket.transport.jdk;

import io.minisocket.core.transport.Transport;
import io.minisocket.tck.TransportContractKit;
import java.nio.file.Path;

/** The JDK transport keeps the transport contract. */
class JdkTransportContractTest extends TransportContractKit {

  @Override
  protected Transport createTransport(Path trustedCertificatePem) {
    return JdkTransport.create(JdkTransportOptions.builder().trustPem(trustedCertificatePem).build());
  }
}
