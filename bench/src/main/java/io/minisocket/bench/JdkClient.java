package io.minisocket.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The JDK's {@code java.net.http.WebSocket}: one {@link HttpClient} for all connections (the JDK sets TCP_NODELAY
 * itself; it sends no pings and offers no compression). The JDK allows one outstanding send per socket, so sends
 * are queued and chained, as every user of it has to; received messages are requested one at a time.
 */
final class JdkClient implements BenchClient {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(60)).build();

  @Override
  public CompletableFuture<Conn> connect(URI uri, Consumer<String> onText) {
    return http.newWebSocketBuilder().buildAsync(uri, new Receiver(onText)).thenApply(Sender::new);
  }

  @Override
  public void close() {
    // HttpClient (Java 17) has no close(); its selector thread is a daemon.
  }

  private static final class Receiver implements WebSocket.Listener {
    private final Consumer<String> onText;
    private StringBuilder partial;

    Receiver(Consumer<String> onText) {
      this.onText = onText;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
      webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      if (!last) {
        (partial == null ? partial = new StringBuilder() : partial).append(data);
      } else if (partial != null) {
        String whole = partial.append(data).toString();
        partial = null;
        onText.accept(whole);
      } else {
        onText.accept(data.toString());
      }
      webSocket.request(1);
      return null;
    }
  }

  /** Queues messages and sends the next one when the previous send completed. */
  private static final class Sender implements Conn {
    private final WebSocket ws;
    private final Queue<String> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean sending = new AtomicBoolean();

    Sender(WebSocket ws) {
      this.ws = ws;
    }

    @Override
    public void send(String text) {
      queue.add(text);
      drain();
    }

    @Override
    public void close() {
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "");
    }

    private void drain() {
      while (!queue.isEmpty() && sending.compareAndSet(false, true)) {
        String next = queue.poll();
        if (next == null) {
          sending.set(false);
          continue;
        }
        CompletableFuture<WebSocket> sent = ws.sendText(next, true);
        if (sent.isDone()) {
          sending.set(false);
        } else {
          sent.whenComplete((w, e) -> {
            sending.set(false);
            drain();
          });
          return;
        }
      }
    }
  }
}
