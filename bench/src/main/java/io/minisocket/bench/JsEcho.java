package io.minisocket.bench;

import io.minisocket.adapter.wx.Wx;
import io.minisocket.adapter.wx.WxSettings;
import io.minisocket.core.ConnectOptions;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.SocketTask;
import io.minisocket.core.loop.EventLoop;
import io.minisocket.js.JsScript;
import io.minisocket.transport.vertx.VertxTransport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code js-echo [--reps N] [--warmup SECONDS] [--seconds SECONDS]}: the same echo loop — one socket, one 64-byte
 * text message in flight, the next sent from the previous one's {@code onMessage} — written in JavaScript on the
 * wx facade ({@code minisocket-js}, GraalJS in interpreter mode on a stock JDK) and in Java on the wx facade on an
 * event loop, against the bench's echo server in a JVM of its own. Prints echoes per second of each (median of the
 * repetitions, min and max) and the ratio JavaScript / Java. Both run in this JVM, alternating, each after a
 * time-based warm-up on its own socket.
 */
final class JsEcho {
  private static final String PAYLOAD = "x".repeat(64);

  private JsEcho() {}

  static void run(Args args) throws Exception {
    int reps = args.integer("reps", 3);
    long warmupMs = TimeUnit.SECONDS.toMillis(args.integer("warmup", 5));
    long measureMs = TimeUnit.SECONDS.toMillis(args.integer("seconds", 10));
    Process server = startServer();
    Path script = Files.createTempFile("js-echo", ".js");
    try (InputStream in = JsEcho.class.getResourceAsStream("js-echo.js");
         VertxTransport transport = VertxTransport.create()) {
      Files.write(script, in.readAllBytes());
      String url = "ws://127.0.0.1:" + port(server) + "/";
      System.out.println("js-echo against " + url + ", load average " + Load.describeNow());
      List<Double> java = new ArrayList<>();
      List<Double> js = new ArrayList<>();
      for (int rep = 1; rep <= reps; rep++) {
        js.add(javaScript(transport, script, url, warmupMs, measureMs));
        java.add(java(transport, url, warmupMs, measureMs));
        System.out.printf("  rep %d: JavaScript %.0f/s, Java %.0f/s%n", rep, js.get(rep - 1), java.get(rep - 1));
      }
      double jsMedian = Report.median(js);
      double javaMedian = Report.median(java);
      System.out.printf("echo round trips/s (median, min-max): JavaScript %.0f (%.0f-%.0f), Java %.0f (%.0f-%.0f); "
              + "ratio JavaScript/Java %.3f%n", jsMedian, Report.min(js), Report.max(js), javaMedian, Report.min(java), Report.max(java),
          jsMedian / javaMedian);
    } finally {
      Files.deleteIfExists(script);
      server.getOutputStream().close(); // the server exits at the end of its stdin
      if (!server.waitFor(10, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  private static Process startServer() throws IOException {
    Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx2g", "-XX:+UseG1GC", "-cp", System.getProperty("java.class.path"), Bench.class.getName(), "server",
        "--instances", "2").redirectError(ProcessBuilder.Redirect.INHERIT).start();
    return server;
  }

  private static int port(Process server) throws IOException {
    String line = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))
        .readLine();
    if (line == null || !line.startsWith("LISTENING ")) {
      server.destroyForcibly();
      throw new IllegalStateException("the echo server did not start");
    }
    return Integer.parseInt(line.substring("LISTENING ".length()).trim());
  }

  private static Wx wx(VertxTransport transport, EventLoop loop) {
    return Wx.create(transport, WxSettings.builder().config(SocketConfig.builder().urlCheck(false).build())
        .eventLoop(loop).build());
  }

  private static double javaScript(VertxTransport transport, Path script, String url, long warmupMs,
      long measureMs) throws Exception {
    JsScript.Builder builder = JsScript.builder();
    try (JsScript js = builder.wx(wx(transport, builder.loop())).build()) {
      js.load(script);
      Object rate = js.call("run", url, warmupMs, measureMs).get(warmupMs + measureMs + 60_000,
          TimeUnit.MILLISECONDS);
      return ((Number) rate).doubleValue();
    }
  }

  /** The same loop in Java, on an event loop as the JavaScript one runs. */
  private static double java(VertxTransport transport, String url, long warmupMs, long measureMs)
      throws Exception {
    try (EventLoop loop = EventLoop.create()) {
      Wx wx = wx(transport, loop);
      CompletableFuture<Double> rate = new CompletableFuture<>();
      loop.execute(() -> {
        SocketTask task = wx.connectSocket(ConnectOptions.of(url));
        long[] state = new long[3]; // start, count, measuring
        task.onOpen(open -> {
          state[0] = System.currentTimeMillis();
          task.send(PAYLOAD);
        });
        task.onMessage(message -> {
          long now = System.currentTimeMillis();
          if (state[2] == 0 && now - state[0] >= warmupMs) {
            state[2] = 1;
            state[0] = now;
            state[1] = 0;
          } else if (state[2] == 1 && now - state[0] >= measureMs) {
            task.close();
            rate.complete(state[1] * 1000.0 / (now - state[0]));
            return;
          }
          state[1]++;
          task.send(PAYLOAD);
        });
        task.onError(error -> rate.completeExceptionally(new IllegalStateException(error.describe())));
      });
      try {
        return rate.get(warmupMs + measureMs + 60_000, TimeUnit.MILLISECONDS);
      } finally {
        wx.close();
        loop.awaitIdle(Duration.ofSeconds(5)); // the close event runs on the loop before it closes
      }
    }
  }
}
