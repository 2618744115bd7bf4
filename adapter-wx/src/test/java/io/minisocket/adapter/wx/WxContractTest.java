package io.minisocket.adapter.wx;

import io.minisocket.core.ConnectOptions;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.SocketTask;
import io.minisocket.core.transport.Transport;
import io.minisocket.tck.AdapterContractKit;
import io.minisocket.tck.Capabilities;
import io.minisocket.transport.vertx.VertxTransport;
import io.minisocket.transport.vertx.VertxTransportOptions;
import java.nio.file.Path;

/** WeChat (base library 1.7.0 and later, the default) keeps the adapter contract. */
class WxContractTest extends AdapterContractKit<Wx> {

  @Override
  protected Transport createTransport(Path trustedCertificatePem) {
    return VertxTransport.create(VertxTransportOptions.builder().trustPem(trustedCertificatePem).build());
  }

  @Override
  protected Wx createFacade(Transport transport, SocketConfig config) {
    return Wx.create(transport, WxSettings.builder().config(config).build());
  }

  @Override
  protected SocketTask connect(Wx wx, ConnectOptions options) {
    return wx.connectSocket(options);
  }

  @Override
  protected Capabilities capabilities() {
    return Capabilities.builder().globalApi(true).connectionLimit(5).wssRequired(true)
        .results(Capabilities.Results.ERR_MSG).build();
  }
}
