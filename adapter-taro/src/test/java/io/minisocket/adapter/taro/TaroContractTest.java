package io.minisocket.adapter.taro;

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
 * Taro keeps the adapter contract, on the h5 target: the one without the global API and without the wss rule, so
 * the kit checks that the global API fails clearly there. The task is the one the Promise resolves to; a rejected
 * Promise hands out none.
 */
class TaroContractTest extends AdapterContractKit<Taro> {

  @Override
  protected Transport createTransport(Path trustedCertificatePem) {
    return VertxTransport.create(VertxTransportOptions.builder().trustPem(trustedCertificatePem).build());
  }

  @Override
  protected Taro createFacade(Transport transport, SocketConfig config) {
    return Taro.create(transport, TaroSettings.builder().target(TaroTarget.H5).config(config).build());
  }

  @Override
  protected SocketTask connect(Taro taro, ConnectOptions options) {
    return taro.connectSocket(options).exceptionally(rejected -> null).join();
  }

  @Override
  protected Capabilities capabilities() {
    return Capabilities.builder().globalApi(false).connectionLimit(2).wssRequired(false)
        .results(Capabilities.Results.ERR_MSG).build();
  }
}
