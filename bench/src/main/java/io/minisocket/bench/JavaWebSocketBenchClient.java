package io.minisocket.bench;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/**
 * Java-WebSocket: one {@link WebSocketClient} per connection, as the library is built (it starts a read and a write
 * thread for each); TCP_NODELAY on and its 60 s connection-lost pings off.
 */
final class JavaWebSocketBenchClient implements BenchClient {
  @Override
  public CompletableFuture<Conn> connect(URI uri, Consumer<String> onText) {
    CompletableFuture<Conn> opened = new CompletableFuture<>();
    WebSocketClient client = new WebSocketClient(uri) {
      @Override
      public void onOpen(ServerHandshake handshake) {
        opened.complete(Conn.of(this::send, this::close));
      }

      @Override
      public void onMessage(String message) {
        onText.accept(message);
      }

      @Override
      public void onMessage(ByteBuffer bytes) {
        // the benchmark sends text only
      }

      @Override
      public void onClose(int code, String reason, boolean remote) {
        opened.completeExceptionally(new IllegalStateException("closed: " + code + " " + reason));
      }

      @Override
      public void onError(Exception ex) {
        opened.completeExceptionally(ex);
      }
    };
    client.setTcpNoDelay(true);
    client.setConnectionLostTimeout(0);
    client.connect();
    return opened;
  }

  @Override
  public void close() {
    // each connection's threads end with its socket; the measuring JVM exits after one run
  }
}
