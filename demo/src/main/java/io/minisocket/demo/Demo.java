package io.minisocket.demo;

import io.minisocket.core.CloseOptions;
import io.minisocket.core.ConnectOptions;
import io.minisocket.core.SendOptions;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.SocketResult;
import io.minisocket.core.SocketRuntime;
import io.minisocket.core.SocketTask;
import io.minisocket.core.spi.PlatformProfile;
import io.minisocket.testkit.EchoServer;
import io.minisocket.testkit.SelfSignedCertificate;
import io.minisocket.transport.vertx.VertxTransport;
import io.minisocket.transport.vertx.VertxTransportOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The README's demo: starts a local {@code wss://} echo server with a self-signed certificate, then drives a
 * SocketTask through it — connect, send text and binary, receive, close — and shows what the platform rules
 * refuse. Exits non-zero if anything does not happen as shown.
 */
public final class Demo {
  private Demo() {}

  /**
   * Runs the demo.
   *
   * @param args ignored
   * @throws Exception when the demo cannot run
   */
  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("minisocket-demo");
    try (EchoServer server = EchoServer.tls(SelfSignedCertificate.localhost(), "chat");
         VertxTransport transport = VertxTransport.create(VertxTransportOptions.builder()
             .trustPem(server.certificate().writeCertificatePem(dir)).build());
         SocketRuntime wx = SocketRuntime.builder(PlatformProfile.builder("wx").build(), transport)
             .config(SocketConfig.builder().socketDomains(List.of("localhost")).build()).build()) {
      System.out.println("echo server: " + server.url());
      session(wx, server.url());
      refusals(wx, server.url());
    }
    System.out.println("demo finished: everything behaved as shown");
  }

  private static void session(SocketRuntime wx, String url) throws Exception {
    CompletableFuture<Void> closed = new CompletableFuture<>();
    List<String> received = new ArrayList<>();
    SocketTask task = wx.connectSocket(ConnectOptions.builder().url(url)
        .header("content-type", "application/json").protocols("chat")
        .success(res -> print("connectSocket success", res))
        .fail(res -> closed.completeExceptionally(new IllegalStateException(res.describe())))
        .build());
    task.onOpen(res -> {
      System.out.println("onOpen       readyState=" + task.readyState() + " protocol=" + res.protocol()
          + " header.upgrade=" + res.header().getOrDefault("upgrade", res.header().get("Upgrade")));
      task.send(SendOptions.builder().data("hello from MiniSocket")
          .success(r -> print("send text", r)).build());
      task.send(SendOptions.builder().data("binary!".getBytes(StandardCharsets.UTF_8))
          .success(r -> print("send binary", r)).build());
    });
    task.onMessage(res -> {
      String shown = res.isText() ? "text \"" + res.text() + "\"" : "binary " + res.bytes().length + " bytes";
      System.out.println("onMessage    " + shown);
      received.add(shown);
      if (received.size() == 2) {
        task.close(CloseOptions.builder().code(1000).reason("bye").success(r -> print("close", r)).build());
      }
    });
    task.onError(res -> print("onError", res));
    task.onClose(res -> {
      System.out.println("onClose      code=" + res.code() + " reason=" + res.reason()
          + " readyState=" + task.readyState());
      closed.complete(null);
    });
    closed.get(30, TimeUnit.SECONDS);
    if (received.size() != 2) {
      throw new IllegalStateException("expected 2 echoed messages, got " + received);
    }
  }

  private static void refusals(SocketRuntime wx, String url) throws Exception {
    System.out.println("-- what the platform rules refuse --");
    refused(wx, ConnectOptions.builder().url(url.replace("wss://", "ws://")));
    refused(wx, ConnectOptions.builder().url("wss://not-allowed.example/"));
    refused(wx, ConnectOptions.builder().url(url).header("Referer", "https://evil.example"));
    refused(wx, ConnectOptions.builder().url(url).method("PATCH"));
    List<SocketTask> five = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      five.add(wx.connectSocket(ConnectOptions.of(url)));
    }
    refused(wx, ConnectOptions.builder().url(url));
    five.forEach(SocketTask::close);
  }

  private static void refused(SocketRuntime wx, ConnectOptions.Builder options) throws Exception {
    CompletableFuture<SocketResult> failed = new CompletableFuture<>();
    wx.connectSocket(options.success(r -> failed.completeExceptionally(new IllegalStateException("accepted")))
        .fail(failed::complete).build());
    print("connectSocket fail", failed.get(10, TimeUnit.SECONDS));
  }

  private static void print(String what, SocketResult result) {
    System.out.printf("%-12s %s%n", what, result.toMap());
  }
}
