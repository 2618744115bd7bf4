package io.minisocket.transport.jdk.e2e;

import io.minisocket.adapter.my.My;
import io.minisocket.adapter.my.MySettings;
import io.minisocket.core.ConnectOptions;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.SocketTask;
import io.minisocket.core.transport.Transport;
import io.minisocket.tck.AdapterContractKit;
import io.minisocket.tck.Capabilities;
import io.minisocket.transport.jdk.JdkTransport;
import io.minisocket.transport.jdk.JdkTransportOptions;
import java.nio.file.Path;

/**
 * Alipay's adapter keeps the adapter contract end to end over the JDK transport: its numeric error codes (timeout 6,
 * certificate 7, rejected upgrade 8, ...) come from how this transport classifies failures.
 */
class MyOverJdkContractTest extends AdapterContractKit<My> {

  @Override
  protected Transport createTransport(Path trustedCertificatePem) {
    return JdkTransport.create(JdkTransportOptions.builder().trustPem(trustedCertificatePem).build());
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
