package io.minisocket.adapter.uni;

import io.minisocket.core.ConnectOptions;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.SocketTask;
import io.minisocket.core.transport.Transport;
import io.minisocket.tck.AdapterContractKit;
import io.minisocket.tck.Capabilities;
import io.minisocket.transport.vertx.VertxTransport;
import io.minisocket.transport.vertx.VertxTransportOptions;
import java.nio.file.Path;

/**
 * uni-app keeps the adapter contract, on the App target: the one without a connection limit or a wss rule, whose
 * send queue overflow closes the connection — branches of the kit no other adapter's defaults reach. Tasks come
 * from task mode (the kit always passes a callback); the global socket from Promise mode (no callbacks).
 */
class UniContractTest extends AdapterContractKit<Uni> {

  @Override
  protected Transport createTransport(Path trustedCertificatePem) {
    return VertxTransport.create(VertxTransportOptions.builder().trustPem(trustedCertificatePem).build());
  }

  @Override
  protected Uni createFacade(Transport transport, SocketConfig config) {
    return Uni.create(transport, UniSettings.builder().target(UniPlatform.APP).config(config).build());
  }

  @Override
  protected SocketTask connect(Uni uni, ConnectOptions options) {
    return uni.connectSocket(options).task();
  }

  @Override
  protected void connectGlobal(Uni uni, ConnectOptions options) {
    uni.connectSocket(options);
  }

  @Override
  protected Capabilities capabilities() {
    return Capabilities.builder().globalApi(true).connectionLimit(0).wssRequired(false)
        .results(Capabilities.Results.ERR_MSG).build();
  }
}
