package io.minisocket.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javax.net.SocketFactory;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * OkHttp ({@code okhttp-jvm}): one {@link OkHttpClient} for all connections, no pings (the default), no read
 * timeout, TCP_NODELAY set by its socket factory, the dispatcher's caps on concurrent calls lifted (each WebSocket
 * holds a call). It offers permessage-deflate; the echo server declines it.
 */
final class OkHttpBenchClient implements BenchClient {
  private final OkHttpClient client;

  OkHttpBenchClient() {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(Integer.MAX_VALUE);
    dispatcher.setMaxRequestsPerHost(Integer.MAX_VALUE);
    client = new OkHttpClient.Builder()
        .dispatcher(dispatcher)
        .socketFactory(new NoDelaySocketFactory())
        .connectTimeout(Duration.ofSeconds(60))
        .readTimeout(Duration.ZERO)
        .pingInterval(Duration.ZERO)
        .build();
  }

  @Override
  public CompletableFuture<Conn> connect(URI uri, Consumer<String> onText) {
    CompletableFuture<Conn> opened = new CompletableFuture<>();
    client.newWebSocket(new Request.Builder().url(uri.toString()).build(), new WebSocketListener() {
      @Override
      public void onOpen(WebSocket webSocket, Response response) {
        opened.complete(Conn.of(webSocket::send, () -> webSocket.close(1000, null)));
      }

      @Override
      public void onMessage(WebSocket webSocket, String text) {
        onText.accept(text);
      }

      @Override
      public void onFailure(WebSocket webSocket, Throwable t, Response response) {
        opened.completeExceptionally(t);
      }
    });
    return opened;
  }

  @Override
  public void close() {
    client.dispatcher().executorService().shutdown();
  }

  /** Plain sockets with TCP_NODELAY on. */
  private static final class NoDelaySocketFactory extends SocketFactory {
    private final SocketFactory plain = SocketFactory.getDefault();

    @Override
    public Socket createSocket() throws IOException {
      return noDelay(plain.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return noDelay(plain.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
      return noDelay(plain.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return noDelay(plain.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
        throws IOException {
      return noDelay(plain.createSocket(address, port, localAddress, localPort));
    }

    private static Socket noDelay(Socket socket) throws IOException {
      socket.setTcpNoDelay(true);
      return socket;
    }
  }
}
