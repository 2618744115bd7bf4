package io.minisocket.transport.jdk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.minisocket.adapter.wx.Wx;
import io.minisocket.adapter.wx.WxSettings;
import io.minisocket.core.ConnectOptions;
import io.minisocket.core.SendOptions;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.SocketTask;
import io.minisocket.core.spi.TransportProvider;
import io.minisocket.testkit.EchoServer;
import io.minisocket.transport.jdk.JdkTransport;
import io.minisocket.transport.jdk.JdkTransportProvider;
import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * With transport-jdk as the only transport on the class path (as in this module's tests), {@link ServiceLoader}
 * finds it and {@code Wx.create()} runs over it.
 */
@Timeout(30)
class JdkTransportProviderTest {

  @Test
  void serviceLoaderFindsOnlyTheJdkProviderAndItCreatesANewTransportEachTime() {
    List<TransportProvider> found = ServiceLoader.load(TransportProvider.class).stream()
        .map(ServiceLoader.Provider::get).toList();
    assertThat(found).singleElement().isInstanceOf(JdkTransportProvider.class)
        .extracting(TransportProvider::name).isEqualTo("jdk");
    try (var first = found.get(0).create(); var second = found.get(0).create()) {
      assertThat(first).isInstanceOf(JdkTransport.class).isNotSameAs(second);
    }
  }

  @Test
  void wxCreateWithoutATransportConnectsOverTheJdkTransport() {
    try (EchoServer server = EchoServer.plain();
         Wx wx = Wx.create(WxSettings.builder()
             .config(SocketConfig.builder().urlCheck(false).build()).build())) {
      CompletableFuture<Object> echoed = new CompletableFuture<>();
      SocketTask task = wx.connectSocket(ConnectOptions.builder().url(server.url()).build());
      task.onOpen(res -> task.send(SendOptions.builder().data("found by ServiceLoader").build()));
      task.onMessage(res -> echoed.complete(res.data()));
      assertThat(echoed).succeedsWithin(Duration.ofSeconds(10)).isEqualTo("found by ServiceLoader");
    }
  }
}
