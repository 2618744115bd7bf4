package io.minisocket.cli;

import io.minisocket.core.CloseEvent;
import io.minisocket.core.CloseOptions;
import io.minisocket.core.ConnectOptions;
import io.minisocket.core.ErrorKind;
import io.minisocket.core.MessageEvent;
import io.minisocket.core.OpenEvent;
import io.minisocket.core.SendOptions;
import io.minisocket.core.SocketResult;
import io.minisocket.core.SocketTask;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One {@code connect} run: the socket, the stdin pump and the JSON lines. The socket is closed with 1000 at the end
 * of stdin or on Ctrl-C, whichever comes first; either way the close event is printed before the run returns.
 */
final class ConnectSession {
  /** How long the end of stdin waits for the messages still being sent before closing. */
  private static final Duration SEND_DRAIN = Duration.ofSeconds(30);
  /** At most this many messages are being sent at once; stdin is read on when one is done. */
  private static final int MAX_SENDING = 1000;
  /** Slack on top of the connect timeout, for the platform's own timeout to be reported first. */
  private static final Duration OPEN_SLACK = Duration.ofSeconds(10);
  /** How long Ctrl-C waits for the close event after closing the socket. */
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

  private final Client client;
  private final PrintWriter out;
  private final PrintWriter err;
  private final BinaryFormat binary;
  private final CompletableFuture<SocketResult> connectFailed = new CompletableFuture<>();
  private final CompletableFuture<SocketTask> opened = new CompletableFuture<>();
  private final CompletableFuture<CloseEvent> closed = new CompletableFuture<>();
  private final CompletableFuture<Void> interrupted = new CompletableFuture<>();
  private final AtomicBoolean closing = new AtomicBoolean();
  private volatile SocketTask task;
  private final Object sendLock = new Object();
  private long sending; // guarded by sendLock
  private volatile SocketResult lastError;

  ConnectSession(Client client, PrintWriter out, PrintWriter err, BinaryFormat binary) {
    this.client = client;
    this.out = out;
    this.err = err;
    this.binary = binary;
  }

  /**
   * Connects, pumps stdin once open, and waits for the end.
   *
   * @param options     url, headers and protocols
   * @param in          the lines to send
   * @param openTimeout the configured connect timeout
   * @param interrupt   Ctrl-C, which closes the socket with 1000
   * @return the exit status
   */
  int run(ConnectOptions.Builder options, InputStream in, Duration openTimeout, Interrupt interrupt)
      throws InterruptedException {
    interrupt.whenRequested(() -> {
      interrupted.complete(null);
      closeOnce(task);
    });
    client.connect(options.success(r -> result(r, "success"))
        .fail(r -> {
          result(r, "fail");
          connectFailed.complete(r);
        }).build(), this::listen);
    try {
      CompletableFuture.anyOf(connectFailed, opened, closed, interrupted)
          .get(openTimeout.plus(OPEN_SLACK).toMillis(), TimeUnit.MILLISECONDS);
      if (!opened.isDone() && interrupted.isDone()) {
        return awaitClose();
      }
    } catch (TimeoutException e) {
      return fail("the socket neither opened nor failed within " + openTimeout.plus(OPEN_SLACK).toSeconds() + " s");
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
    if (connectFailed.isDone()) {
      SocketResult failure = connectFailed.join();
      return fail("connect failed: " + failure.describe() + hint(failure));
    }
    if (!opened.isDone()) {
      SocketResult error = lastError;
      return fail("the connection did not open" + (error != null ? ": " + error.describe() + hint(error) : ""));
    }
    SocketTask openTask = opened.join();
    Thread pump = new Thread(() -> pump(openTask, in), "minisocket-stdin");
    pump.setDaemon(true); // a pending read of an interactive stdin must not keep the JVM alive
    pump.start();
    try {
      CompletableFuture.anyOf(closed, interrupted).get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
    if (!closed.isDone()) {
      return awaitClose();
    }
    CloseEvent close = closed.join();
    if (close.code() == 1000 || close.code() == 1001) {
      return 0;
    }
    SocketResult error = lastError;
    return fail(close.code() == 1006
        ? "the connection ended abnormally (1006 " + close.reason() + ")"
            + (error != null ? ": " + error.describe() : "")
        : "the connection was closed with " + close.code() + " " + close.reason());
  }

  /** After Ctrl-C: waits for the close event that closing the socket brings. */
  private int awaitClose() throws InterruptedException {
    try {
      CloseEvent close = closed.get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      return close.code() == 1000 ? 0 : 1;
    } catch (TimeoutException e) {
      return fail(task == null ? "interrupted before the platform handed out the socket"
          : "no close event within " + CLOSE_WAIT.toSeconds() + " s of closing the socket");
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * Closes the socket with 1000, once, when the end of stdin or Ctrl-C asks for it.
   *
   * @param socket the socket; {@code null} before the platform handed it out, then nothing happens
   */
  private void closeOnce(SocketTask socket) {
    if (socket != null && closing.compareAndSet(false, true)) {
      socket.close(CloseOptions.builder().code(CloseOptions.NORMAL_CLOSURE)
          .success(r -> result(r, "success")).fail(r -> result(r, "fail")).build());
    }
  }

  private void listen(SocketTask task) {
    task.onOpen(open -> {
      print("open", openFields(open));
      opened.complete(task);
    });
    task.onMessage(message -> print("message", messageFields(message)));
    task.onError(error -> {
      lastError = error;
      print("error", error.toMap());
    });
    task.onClose(close -> {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("code", close.code());
      fields.put("reason", close.reason());
      print("close", fields);
      closed.complete(close);
    });
    // Handed out only now that its close will be seen. Ctrl-C either finds it here or is found below (both volatile).
    this.task = task;
    if (interrupted.isDone()) {
      closeOnce(task);
    }
  }

  private void pump(SocketTask task, InputStream in) {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    try {
      String line;
      int number = 0;
      while (!closed.isDone() && !closing.get() && (line = reader.readLine()) != null) {
        number++;
        awaitSending(MAX_SENDING - 1, Duration.ofDays(1));
        send(task, line, number);
      }
    } catch (IOException e) {
      if (!closed.isDone()) {
        warn("cannot read stdin: " + e.getMessage());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (closed.isDone() || closing.get()) {
      return;
    }
    try {
      if (!awaitSending(0, SEND_DRAIN)) {
        warn("closing with messages still being sent after " + SEND_DRAIN.toSeconds() + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeOnce(task);
  }

  private void send(SocketTask task, String line, int number) {
    SendOptions.Builder options;
    try {
      if (binary == null) {
        options = SendOptions.builder().data(line);
      } else if (binary == BinaryFormat.BASE64) {
        options = client.platform().base64(line);
      } else {
        options = SendOptions.builder().data(binary.decode(line));
      }
    } catch (IllegalArgumentException e) {
      warn("line " + number + " is not " + binary.id() + ", not sent: " + e.getMessage());
      return;
    }
    synchronized (sendLock) {
      sending++;
    }
    task.send(options.success(r -> result(r, "success")).fail(r -> result(r, "fail"))
        .complete(r -> sent()).build());
  }

  private void sent() {
    synchronized (sendLock) {
      sending--;
      sendLock.notifyAll();
    }
  }

  /** @return whether at most {@code most} messages were still being sent before the timeout */
  private boolean awaitSending(long most, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (sendLock) {
      while (sending > most) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(sendLock, left);
      }
      return true;
    }
  }

  private Map<String, Object> openFields(OpenEvent open) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("header", new TreeMap<>(open.header()));
    fields.put("protocol", open.protocol());
    return fields;
  }

  private Map<String, Object> messageFields(MessageEvent message) {
    Map<String, Object> fields = new LinkedHashMap<>();
    if (message.isText()) {
      fields.put("data", message.text());
    } else {
      BinaryFormat shown = binary != null ? binary : BinaryFormat.BASE64;
      fields.put("data", shown.encode(message.bytes()));
      fields.put("binary", shown.id());
    }
    return fields;
  }

  private void result(SocketResult result, String callback) {
    print(result.api() + "." + callback, result.toMap());
  }

  private void print(String event, Map<String, ?> fields) {
    synchronized (out) {
      out.println(Json.write(Json.event(event, fields)));
      out.flush();
    }
  }

  private void warn(String message) {
    synchronized (err) {
      err.println("minisocket: " + message);
      err.flush();
    }
  }

  private int fail(String message) {
    warn(message);
    return 1;
  }

  private static String hint(SocketResult failure) {
    ErrorKind kind = failure.errorKind();
    if (kind == ErrorKind.WSS_REQUIRED) {
      return " (the platform requires wss://; --insecure-dev turns the url check off for a development server)";
    }
    if (kind == ErrorKind.DOMAIN_NOT_ALLOWED) {
      return " (add the host to socketDomains in the --config file)";
    }
    if (kind == ErrorKind.TLS) {
      return " (trust the server's certificate with --trust-pem FILE)";
    }
    return "";
  }
}
