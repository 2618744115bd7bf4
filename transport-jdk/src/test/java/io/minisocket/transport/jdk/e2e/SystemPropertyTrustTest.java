package io.minisocket.transport.jdk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.minisocket.adapter.wx.Wx;
import io.minisocket.adapter.wx.WxSettings;
import io.minisocket.core.ConnectOptions;
import io.minisocket.core.SendOptions;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.SocketTask;
import io.minisocket.core.transport.TrustSource;
import io.minisocket.testkit.EchoServer;
import io.minisocket.testkit.SelfSignedCertificate;
import io.minisocket.transport.jdk.JdkTransportOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JDK transport made without code ({@code Wx.create()} finds it with ServiceLoader) trusts what the
 * {@code minisocket.tls.*} system properties name, as the Vert.x transport does.
 */
@Timeout(30)
class SystemPropertyTrustTest {
  private static final SelfSignedCertificate LOCALHOST = SelfSignedCertificate.localhost();
  @TempDir
  Path dir;

  @AfterEach
  void clearProperties() {
    TrustSource.PROPERTIES.forEach(System::clearProperty);
  }

  @Test
  void wxCreateTrustsThePemFileTheSystemPropertyNames() throws Exception {
    System.setProperty(TrustSource.PEM_PROPERTY, LOCALHOST.writeCertificatePem(dir).toString());

    assertThat(echoOverWxCreate()).isEqualTo("trusted by a system property");
  }

  @Test
  void wxCreateTrustsTheTrustStoreTheSystemPropertiesName() throws Exception {
    Path store = LOCALHOST.writeTrustStore(dir, "JKS", "changeit");
    System.setProperty(TrustSource.STORE_PROPERTY, store.toString());
    System.setProperty(TrustSource.STORE_PASSWORD_PROPERTY, "changeit");
    System.setProperty(TrustSource.STORE_TYPE_PROPERTY, "JKS");

    assertThat(echoOverWxCreate()).isEqualTo("trusted by a system property");
  }

  @Test
  void withoutThePropertiesTheDefaultsApply() {
    assertThat(JdkTransportOptions.fromSystemProperties().toString())
        .isEqualTo(JdkTransportOptions.defaults().toString());
  }

  private static Object echoOverWxCreate() {
    try (EchoServer server = EchoServer.tls(LOCALHOST);
         Wx wx = Wx.create(WxSettings.builder().config(SocketConfig.builder().urlCheck(false).build()).build())) {
      CompletableFuture<Object> echoed = new CompletableFuture<>();
      SocketTask task = wx.connectSocket(ConnectOptions.builder().url(server.url()).build());
      task.onOpen(res -> task.send(SendOptions.builder().data("trusted by a system property").build()));
      task.onMessage(res -> echoed.complete(res.data()));
      task.onError(res -> echoed.completeExceptionally(new AssertionError("onError: " + res)));
      assertThat(echoed).succeedsWithin(Duration.ofSeconds(10));
      return echoed.join();
    }
  }
}
