package io.minisocket.example.qq;

import io.minisocket.core.ConnectOptions;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.SocketTask;
import io.minisocket.core.transport.Transport;
import io.minisocket.tck.AdapterContractKit;
import io.minisocket.tck.Capabilities;
import io.minisocket.transport.vertx.VertxTransport;
import io.minisocket.transport.vertx.VertxTransportOptions;
import java.nio.file.Path;

/** QQ keeps the adapter contract. */
class QQContractTest extends AdapterContractKit<QQ> {

  @Override
  protected Transport createTransport(Path trustedCertificatePem) {
    return VertxTransport.create(VertxTransportOptions.builder().trustPem(trustedCertificatePem).build());
  }

  @Override
  protected QQ createFacade(Transport transport, SocketConfig config) {
    return QQ.create(transport, config);
  }

  @Override
  protected SocketTask connect(QQ qq, ConnectOptions options) {
    return qq.connectSocket(options);
  }

  @Override
  protected Capabilities capabilities() {
    return Capabilities.builder().globalApi(true).connectionLimit(5).wssRequired(true)
        .results(Capabilities.Results.ERR_MSG).build();
  }
}
