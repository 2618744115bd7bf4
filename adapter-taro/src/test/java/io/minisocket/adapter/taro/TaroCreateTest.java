package io.minisocket.adapter.taro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minisocket.core.ConnectOptions;
import io.minisocket.core.SocketTask;
import io.minisocket.testkit.EchoServer;
import io.minisocket.testkit.SelfSignedCertificate;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Taro.create() finds the transport on the class path and owns it. */
class TaroCreateTest {
  private final EchoServer untrusted = EchoServer.tls(SelfSignedCertificate.localhost());
  private final Taro taro = Taro.create();

  @AfterEach
  void tearDown() {
    taro.close();
    untrusted.close();
  }

  @Test
  void connectsThroughTheDiscoveredTransportAndClosesItOnClose() throws Exception {
    assertThat(taro.settings()).isEqualTo(TaroSettings.defaults());
    Log log = new Log(); // the global handlers (weapp) see every error, however fast it comes
    taro.onSocketError(log.result("onSocketError"));
    taro.onSocketClose(log.close("onSocketClose"));

    SocketTask task = taro.connectSocket(ConnectOptions.of(untrusted.url())).get(10, TimeUnit.SECONDS);
    log.awaitLineStartingWith("onSocketClose");
    assertThat(log.lines()).hasSize(2);
    assertThat(log.lines().get(0)).startsWith("onSocketError the server's certificate is invalid");
    assertThat(log.lines().get(1)).isEqualTo("onSocketClose 1006 abnormal closure");
    assertThat(task.readyState()).isEqualTo(SocketTask.CLOSED);

    taro.close();
    taro.connectSocket(ConnectOptions.of(untrusted.url())).get(10, TimeUnit.SECONDS);
    await().atMost(Log.TIMEOUT).until(() -> log.lines().size() == 4);
    assertThat(log.lines().get(2)).startsWith("onSocketError").contains("transport is closed");
    assertThat(log.lines().get(3)).isEqualTo("onSocketClose 1006 abnormal closure");
  }
}
