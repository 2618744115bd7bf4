package io.minisocket.transport.jdk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.minisocket.adapter.wx.Wx;
import io.minisocket.adapter.wx.WxSettings;
import io.minisocket.core.CloseOptions;
import io.minisocket.core.ConnectOptions;
import io.minisocket.core.SendOptions;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.SocketTask;
import io.minisocket.testkit.EchoServer;
import io.minisocket.testkit.SelfSignedCertificate;
import io.minisocket.transport.jdk.JdkTransport;
import io.minisocket.transport.jdk.JdkTransportOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example of the README's transport-jdk section, run as written there (printing to {@code out}). */
class ReadmeExampleTest {

  @Test
  void theReadmeExampleRunsAndPrintsWhatTheReadmeShows(@TempDir Path tempDir) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    // ---- the README example, from here
    try (EchoServer server = EchoServer.tls(SelfSignedCertificate.localhost(), "protocol1");
         JdkTransport transport = JdkTransport.create(JdkTransportOptions.builder()
             .trustPem(server.certificate().writeCertificatePem(tempDir))   // trust the test certificate
             .build());
         Wx wx = Wx.create(transport, WxSettings.builder()
             .config(SocketConfig.builder().socketDomains(List.of("localhost")).build())
             .build())) {
      CountDownLatch closed = new CountDownLatch(1);
      SocketTask task = wx.connectSocket(ConnectOptions.builder()
          .url(server.url())                                   // wss://localhost:<port>/
          .protocols("protocol1")
          .build());
      task.onOpen(res -> {
        out.println("onOpen protocol=" + res.protocol() + " upgrade=" + res.header().get("upgrade"));
        task.send(SendOptions.builder().data("hello over java.net.http").build());
      });
      task.onMessage(res -> {
        out.println("onMessage " + res.data());
        task.close(CloseOptions.builder().code(1000).reason("bye").build());
      });
      task.onClose(res -> {
        out.println("onClose " + res.code() + " " + res.reason());
        closed.countDown();
      });
      closed.await(10, TimeUnit.SECONDS);
    }
    // ---- to here

    assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
        "onOpen protocol=protocol1 upgrade=websocket",
        "onMessage hello over java.net.http",
        "onClose 1000 bye");
  }
}
