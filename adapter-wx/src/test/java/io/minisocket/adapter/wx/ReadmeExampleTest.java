package io.minisocket.adapter.wx;

import static org.assertj.core.api.Assertions.assertThat;

import io.minisocket.core.CloseOptions;
import io.minisocket.core.ConnectOptions;
import io.minisocket.core.SendOptions;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.SocketResult;
import io.minisocket.core.SocketTask;
import io.minisocket.testkit.EchoServer;
import io.minisocket.testkit.SelfSignedCertificate;
import io.minisocket.transport.vertx.VertxTransport;
import io.minisocket.transport.vertx.VertxTransportOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example of the README's wx section, run as written there (printing to {@code out}, not System.out). */
class ReadmeExampleTest {

  @Test
  void theReadmeExampleRunsAndPrintsWhatTheReadmeShows(@TempDir Path tempDir) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    // ---- the README example, from here
    try (EchoServer server = EchoServer.tls(SelfSignedCertificate.localhost(), "protocol1");
         VertxTransport transport = VertxTransport.create(VertxTransportOptions.builder()
             .trustPem(server.certificate().writeCertificatePem(tempDir))   // trust the test certificate
             .build());
         Wx wx = Wx.create(transport, WxSettings.builder()
             .config(SocketConfig.builder().socketDomains(List.of("localhost")).build())
             .build())) {
      CountDownLatch closed = new CountDownLatch(1);
      SocketTask task = wx.connectSocket(ConnectOptions.builder()
          .url(server.url())                                   // wss://localhost:<port>/
          .header("content-type", "application/json")
          .protocols("protocol1")
          .success(res -> out.println("connectSocket " + res.toMap()))
          .build());
      task.onOpen(res -> {
        out.println("onOpen protocol=" + res.protocol());
        task.send(SendOptions.builder().data("hello")
            .success(r -> out.println("send " + r.toMap())).build());
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

      CompletableFuture<SocketResult> refused = new CompletableFuture<>();
      wx.connectSocket(ConnectOptions.builder().url("wss://example.qq.com").fail(refused::complete).build());
      out.println("connectSocket " + refused.get(10, TimeUnit.SECONDS).toMap());
    }
    // ---- to here

    assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
        "connectSocket {errMsg=connectSocket:ok}",
        "onOpen protocol=protocol1",
        "send {errMsg=sendSocketMessage:ok}",
        "onMessage hello",
        "onClose 1000 bye",
        "connectSocket {errMsg=connectSocket:fail url not in domain list}");
  }
}
