package io.minisocket.adapter.my;

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
 * Alipay keeps the adapter contract: tasks from {@code connectSocketTask} ({@code multiple: true}), the global socket
 * from {@code connectSocket} (single-instance mode), numeric error codes.
 */
class MyContractTest extends AdapterContractKit<My> {

  @Override
  protected Transport createTransport(Path trustedCertificatePem) {
    return VertxTransport.create(VertxTransportOptions.builder().trustPem(trustedCertificatePem).build());
  }

  @Override
  protected My createFacade(Transport transport, SocketConfig config) {
    return My.create(transport, MySettings.builder().config(config).build());
  }

  @Override
  protected SocketTask connect(My my, ConnectOptions options) {
    return my.connectSocketTask(options);
  }

  @Override
  protected void connectGlobal(My my, ConnectOptions options) {
    my.connectSocket(options);
  }

  @Override
  protected Capabilities capabilities() {
    return Capabilities.builder().globalApi(true).connectionLimit(5).wssRequired(true)
        .results(Capabilities.Results.ERROR_CODES).build();
  }
}
