package io.minisocket.transport.jdk.e2e;

import io.minisocket.adapter.wx.Wx;
import io.minisocket.adapter.wx.WxSettings;
import io.minisocket.core.ConnectOptions;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.SocketTask;
import io.minisocket.core.transport.Transport;
import io.minisocket.tck.AdapterContractKit;
import io.minisocket.tck.Capabilities;
import io.minisocket.transport.jdk.JdkTransport;
import io.minisocket.transport.jdk.JdkTransportOptions;
import java.nio.file.Path;

/** WeChat's adapter keeps the adapter contract end to end over the JDK transport. */
class WxOverJdkContractTest extends AdapterContractKit<Wx> {

  @Override
  protected Transport createTransport(Path trustedCertificatePem) {
    return JdkTransport.create(JdkTransportOptions.builder().trustPem(trustedCertificatePem).build());
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
