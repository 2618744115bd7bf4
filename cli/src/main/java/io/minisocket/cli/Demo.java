package io.minisocket.cli;

import io.minisocket.core.CloseOptions;
import io.minisocket.core.ConnectOptions;
import io.minisocket.core.OpenEvent;
import io.minisocket.core.SendOptions;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.SocketResult;
import io.minisocket.core.SocketTask;
import io.minisocket.transport.vertx.VertxTransport;
import io.minisocket.transport.vertx.VertxTransportOptions;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The demo: one scripted session per platform against an embedded echo server, then each platform's refusals,
 * printed step by step with one aligned line per platform. Every step is also checked; what did not behave is listed
 * at the end.
 */
final class Demo {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final byte[] BINARY = {0x00, 0x01, 0x02, (byte) 0xff};
  private static final String BINARY_BASE64 = BinaryFormat.BASE64.encode(BINARY);
  /** The width of what was done, before the result. */
  private static final int ACTION = 38;

  private final PrintWriter out;
  private final List<String> problems = new CopyOnWriteArrayList<>();

  Demo(PrintWriter out) {
    this.out = out;
  }

  /** @return whether every platform behaved as expected */
  boolean run() throws InterruptedException {
    try (EmbeddedEchoServer server = EmbeddedEchoServer.start();
         VertxTransport transport = VertxTransport.create(
             VertxTransportOptions.builder().trustPem(server.certificatePem()).build())) {
      SocketConfig config = SocketConfig.builder().socketDomains(List.of("localhost")).connectTimeout(WAIT).build();
      out.println("echo server  " + server.url() + "  (wss, a self-signed certificate made just now; the clients "
          + "trust it; allow-list: localhost)");
      Table session = new Table(List.of("connectSocket", "onOpen", "send text", "send binary", "onMessage",
          "onMessage (binary)", "close", "onError", "onClose"));
      Table refusals = new Table(List.of());
      for (Platform platform : Platform.values()) {
        try (Client client = platform.client(transport, config)) {
          session(client, server.url(), session);
          refusals(client, server.url(), refusals);
        }
      }
      out.println();
      out.println("== one session per platform: connect, send text and binary, receive the echoes, close ==");
      session.print(out);
      out.println();
      out.println("== what each platform refuses, in its own shape ==");
      refusals.print(out);
      out.println();
    }
    if (problems.isEmpty()) {
      out.println("demo finished: all " + Platform.values().length + " platforms behaved as shown");
    } else {
      out.println("demo FAILED:");
      problems.forEach(p -> out.println("  " + p));
    }
    out.flush();
    return problems.isEmpty();
  }

  private void session(Client client, String url, Table table) throws InterruptedException {
    Platform platform = client.platform();
    String text = "hello";
    CompletableFuture<Void> closed = new CompletableFuture<>();
    List<Object> received = new CopyOnWriteArrayList<>();
    ConnectOptions options = ConnectOptions.builder().url(url).protocols("chat")
        .header("content-type", "application/json")
        .success(r -> table.put("connectSocket", platform, pad("returns " + client.returns(), ACTION)
            + "success " + Json.result(r)))
        .fail(r -> {
          table.put("connectSocket", platform, "fail " + Json.result(r));
          closed.completeExceptionally(new IllegalStateException("connectSocket failed: " + r.describe()));
        }).build();
    client.connect(options, task -> {
      task.onOpen(open -> {
        table.put("onOpen", platform, describe(open));
        task.send(SendOptions.builder().data(text)
            .success(r -> table.put("send text", platform, pad(quote(text), ACTION) + "success " + Json.result(r)))
            .fail(r -> problem(platform, "send text", r)).build());
        String how = platform.describeBase64(BINARY_BASE64, BINARY.length);
        task.send(platform.base64(BINARY_BASE64)
            .success(r -> table.put("send binary", platform, pad(how, ACTION) + "success " + Json.result(r)))
            .fail(r -> problem(platform, "send binary", r)).build());
      });
      task.onMessage(message -> {
        if (message.isText()) {
          table.put("onMessage", platform, "text " + quote(message.text()));
          received.add(message.text());
        } else {
          table.put("onMessage (binary)", platform, "ArrayBuffer " + message.bytes().length + " bytes "
              + BinaryFormat.HEX.encode(message.bytes()));
          received.add(message.bytes());
        }
        if (received.size() == 2) {
          task.close(CloseOptions.builder().code(1000).reason("bye")
              .success(r -> table.put("close", platform, pad("code 1000, reason \"bye\"", ACTION) + "success "
                  + Json.result(r)))
              .fail(r -> problem(platform, "close", r)).build());
        }
      });
      task.onError(error -> table.put("onError", platform, Json.result(error)));
      task.onClose(close -> {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", close.code());
        fields.put("reason", close.reason());
        table.put("onClose", platform, Json.write(fields));
        closed.complete(null);
      });
    });
    if (await(closed, platform, "session")) {
      boolean echoed = received.size() == 2 && received.contains(text)
          && received.stream().anyMatch(m -> m instanceof byte[] b && Arrays.equals(b, BINARY));
      if (!echoed) {
        problems.add(platform.id() + ": expected the echoes of \"" + text + "\" and 4 bytes, got " + received);
      }
    }
  }

  private void refusals(Client client, String url, Table table) throws InterruptedException {
    Platform platform = client.platform();
    refused(client, table, "ws:// url", ConnectOptions.builder().url(url.replace("wss://", "ws://")));
    refused(client, table, "host off the allow-list", ConnectOptions.builder().url("wss://not-allowed.example/"));
    refused(client, table, "Referer header",
        ConnectOptions.builder().url(url).header("Referer", "https://servicewechat.com/"));

    CompletableFuture<SocketResult> noSocket = new CompletableFuture<>();
    client.facade().sendSocketMessage(SendOptions.builder().data("anyone there?")
        .success(r -> noSocket.completeExceptionally(new IllegalStateException("sent with no socket open")))
        .fail(noSocket::complete).build());
    record(table, "sendSocketMessage, no socket", platform, "", noSocket);

    int limit = platform.limit();
    List<SocketTask> open = new CopyOnWriteArrayList<>();
    for (int i = 0; i < limit; i++) {
      client.connect(ConnectOptions.builder().url(url).fail(r -> problem(platform, "connect under the limit", r))
          .build(), open::add);
    }
    refused(client, table, "one socket over the limit", "limit " + limit + ": ", ConnectOptions.builder().url(url));
    List<CompletableFuture<Void>> closes = new ArrayList<>();
    for (SocketTask task : open) {
      CompletableFuture<Void> closed = new CompletableFuture<>();
      closes.add(closed);
      task.onClose(close -> closed.complete(null));
      task.close();
    }
    await(CompletableFuture.allOf(closes.toArray(CompletableFuture[]::new)), platform, "closing the sockets");
  }

  private void refused(Client client, Table table, String step, ConnectOptions.Builder options)
      throws InterruptedException {
    refused(client, table, step, "", options);
  }

  private void refused(Client client, Table table, String step, String prefix, ConnectOptions.Builder options)
      throws InterruptedException {
    CompletableFuture<SocketResult> failed = new CompletableFuture<>();
    client.connect(options.success(r -> failed.completeExceptionally(new IllegalStateException("accepted")))
        .fail(failed::complete).build(), task -> { });
    record(table, step, client.platform(), prefix, failed);
  }

  private void record(Table table, String step, Platform platform, String prefix,
      CompletableFuture<SocketResult> failed) throws InterruptedException {
    if (await(failed, platform, step)) {
      table.put(step, platform, prefix + Json.result(failed.join()));
    }
  }

  /** @return whether the future completed normally in time; records a problem otherwise */
  private boolean await(CompletableFuture<?> future, Platform platform, String what) throws InterruptedException {
    try {
      future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (ExecutionException e) {
      problems.add(platform.id() + ": " + what + ": " + e.getCause().getMessage());
    } catch (TimeoutException e) {
      problems.add(platform.id() + ": " + what + ": nothing happened within " + WAIT.toSeconds() + " s");
    }
    return false;
  }

  private void problem(Platform platform, String what, SocketResult result) {
    problems.add(platform.id() + ": " + what + " failed: " + result.describe());
  }

  private static String describe(OpenEvent open) {
    String upgrade = open.header().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("upgrade"))
        .map(Map.Entry::getValue).findFirst().orElse("?");
    return "protocol \"" + open.protocol() + "\", " + open.header().size() + " response headers (upgrade: " + upgrade
        + ")";
  }

  private static String quote(String text) {
    return "\"" + text + "\"";
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
  }

  /** Results by step (in the order first seen) and platform (in {@link Platform} order). */
  private static final class Table {
    private final Map<String, Map<Platform, String>> rows = new LinkedHashMap<>();

    /** @param steps the steps to show in this order, whenever their results arrive; other steps follow */
    Table(List<String> steps) {
      steps.forEach(step -> rows.put(step, new EnumMap<>(Platform.class)));
    }

    synchronized void put(String step, Platform platform, String value) {
      rows.computeIfAbsent(step, s -> new EnumMap<>(Platform.class)).merge(platform, value, (a, b) -> a + "; " + b);
    }

    /** Prints each step with one line per distinct result, naming the platforms that had it. */
    synchronized void print(PrintWriter out) {
      int width = rows.keySet().stream().mapToInt(String::length).max().orElse(0) + 2;
      int platforms = Arrays.stream(Platform.values()).mapToInt(p -> p.id().length() + 1).sum() + 1;
      rows.forEach((step, values) -> {
        // a step without results (onError when nothing failed) is not shown
        Map<String, List<String>> byResult = new LinkedHashMap<>();
        values.forEach((platform, value) -> byResult.computeIfAbsent(value, v -> new ArrayList<>()).add(platform.id()));
        String label = step;
        for (Map.Entry<String, List<String>> result : byResult.entrySet()) {
          out.println(pad(label, width) + pad(String.join(" ", result.getValue()), platforms) + result.getKey());
          label = "";
        }
      });
    }
  }

}
