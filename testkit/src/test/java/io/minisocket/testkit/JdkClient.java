package io.minisocket.testkit;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;

/** A JDK {@code java.net.http} WebSocket client that records what it gets, for the tests. */
final class JdkClient implements WebSocket.Listener {
  static final Duration WAIT = Duration.ofSeconds(5);

  final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
  final CompletableFuture<String> closed = new CompletableFuture<>();
  final CompletableFuture<Throwable> error = new CompletableFuture<>();
  private final StringBuilder text = new StringBuilder();
  private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

  static CompletableFuture<WebSocket> connect(String url, JdkClient listener, String... protocols) {
    return connect(HttpClient.newHttpClient(), url, null, listener, protocols);
  }

  static CompletableFuture<WebSocket> connect(HttpClient client, String url, Duration timeout, JdkClient listener,
      String... protocols) {
    WebSocket.Builder builder = client.newWebSocketBuilder().header("X-Token", "abc");
    if (protocols.length > 0) {
      builder.subprotocols(protocols[0], java.util.Arrays.copyOfRange(protocols, 1, protocols.length));
    }
    if (timeout != null) {
      builder.connectTimeout(timeout);
    }
    return builder.buildAsync(URI.create(url), listener);
  }

  static HttpClient tlsClient(SSLContext context) {
    return HttpClient.newBuilder().sslContext(context).build();
  }

  /** @return the cause of the failed future */
  static Throwable failure(CompletableFuture<?> future) throws InterruptedException, TimeoutException {
    try {
      future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("expected a failure, got " + future.join());
  }

  static <T> T get(CompletableFuture<T> future) throws Exception {
    return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
  }

  Object nextMessage() throws InterruptedException {
    Object message = messages.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    if (message == null) {
      throw new AssertionError("the client got no message within " + WAIT);
    }
    return message;
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(Long.MAX_VALUE);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    text.append(data);
    if (last) {
      messages.add(text.toString());
      text.setLength(0);
    }
    return null;
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    byte[] bytes = new byte[data.remaining()];
    data.get(bytes);
    binary.write(bytes, 0, bytes.length);
    if (last) {
      messages.add(binary.toByteArray());
      binary.reset();
    }
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(statusCode + " " + reason);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable failure) {
    error.complete(failure);
  }
}
