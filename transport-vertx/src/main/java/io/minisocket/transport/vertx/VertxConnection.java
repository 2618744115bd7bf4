package io.minisocket.transport.vertx;

import io.minisocket.core.transport.Completion;
import io.minisocket.core.transport.ConnectRequest;
import io.minisocket.core.transport.Connection;
import io.minisocket.core.transport.ConnectionEvents;
import io.minisocket.core.transport.Frame;
import io.minisocket.core.transport.TransportFailure;
import io.minisocket.core.transport.TransportFailure.Kind;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.internal.http.WebSocketInternal;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One WebSocket on Vert.x. Everything that touches the socket or calls {@link ConnectionEvents} runs on the
 * connection's own event-loop {@link Context}, which serialises the events; the public methods only enqueue work
 * there (in call order), so they are thread-safe and never block. The one exception: a send made on that event loop
 * (from a listener, say) while no earlier send waits in its queue writes at once, so that Vert.x flushes the writes
 * of one read with one system call instead of one per message.
 *
 * <p>Each connection has its own {@link WebSocketClient}: closing that client is the only public Vert.x way to
 * cancel an opening handshake (TCP, TLS or HTTP upgrade in progress), which {@link #abort()} and the connect timeout
 * need.
 */
final class VertxConnection implements Connection {

  private static final Logger LOG = LogManager.getLogger(VertxConnection.class);
  private static final AtomicBoolean WARNED_METHOD = new AtomicBoolean();

  private enum State { CONNECTING, OPEN, ENDED }

  private final VertxTransport transport;
  private final Vertx vertx;
  private final Context ctx;
  private final ConnectRequest request;
  private final ConnectionEvents events;
  private final int highWater;
  private final CompletableFuture<Void> released = new CompletableFuture<>();

  private volatile State state = State.CONNECTING;
  /** Set by {@link #abort(String)} at once, so a handshake that completes before the queued abort runs is not opened. */
  private volatile String abortRequested;
  /** The channel of a wss connection, known from the start of the TLS handshake (any thread). */
  private volatile Channel tlsChannel;
  /** The first failure the TLS handler raised while connecting (see ChannelCapturingSslEngineOptions). */
  private final AtomicReference<Throwable> tlsFailure = new AtomicReference<>();

  // Confined to ctx.
  private WebSocketClient client;
  private ClientWebSocket ws;
  private long timer = -1;
  private long pingTimer = -1;
  private long idleTimer = -1;
  /** When the last frame arrived (System.nanoTime), for the idle timeout. */
  private long lastReceivedNanos;
  private boolean closing;
  private boolean closedBeforeOpen;
  private List<Frame> earlyMessages;
  private Throwable lastError;
  private Throwable protocolError;
  private boolean closeFrameSeen;
  private int closeCode;
  private String closeReason;
  /** The message being received: its kind, its earlier fragments (null for a one-frame message) and its size. */
  private boolean messageIsText;
  private Buffer fragments;
  private long messageBytes;
  private final Utf8Validator utf8 = new Utf8Validator();

  // Write accounting (any thread).
  private final AtomicLong queuedBytes = new AtomicLong();
  private final AtomicBoolean full = new AtomicBoolean();
  private final Set<Write> outstanding = ConcurrentHashMap.newKeySet();
  /** Sends handed to the event loop and not yet run there: while any is, later sends queue behind them. */
  private final AtomicInteger hops = new AtomicInteger();

  VertxConnection(VertxTransport transport, Context ctx, ConnectRequest request, ConnectionEvents events) {
    this.transport = transport;
    this.vertx = transport.vertx();
    this.ctx = ctx;
    this.request = request;
    this.events = events;
    this.highWater = transport.options().writeQueueMaxSize();
  }

  /** A connection that already failed; {@code failed} is delivered on another thread. */
  static Connection failedAtOnce(ConnectionEvents events, TransportFailure failure) {
    CompletableFuture.runAsync(() -> {
      try {
        events.failed(failure);
      } catch (RuntimeException e) {
        LOG.warn("ConnectionEvents.failed threw", e);
      }
    });
    return new Connection() {
      @Override
      public void send(Frame frame, Completion done) {
        complete(done, new IllegalStateException("connection failed: " + failure.message()));
      }

      @Override
      public void close(int code, String reason) {}

      @Override
      public void abort() {}

      @Override
      public boolean writeQueueFull() {
        return false;
      }
    };
  }

  // ---------------------------------------------------------------------------------------------- public side

  void start() {
    onContext(this::doConnect, () -> end(TransportFailure.of(Kind.ABORTED, "Vert.x is closed", null)));
  }

  @Override
  public void send(Frame frame, Completion done) {
    if (frame == null || done == null) {
      if (done != null) {
        complete(done, new NullPointerException("frame"));
      }
      return;
    }
    State s = state;
    if (s != State.OPEN) {
      complete(done, new IllegalStateException(s == State.CONNECTING ? "connection is not open yet" : "connection has ended"));
      return;
    }
    Write write = new Write(done, frame.byteLength());
    outstanding.add(write);
    if (queuedBytes.addAndGet(write.size) >= highWater) {
      full.set(true);
    }
    if (Vertx.currentContext() == ctx && hops.get() == 0) {
      doSend(frame, write); // on the event loop with no earlier hop queued: write now, so Vert.x batches the flush
      return;
    }
    hops.incrementAndGet();
    onContext(() -> {
      hops.decrementAndGet();
      doSend(frame, write);
    }, () -> {
      hops.decrementAndGet();
      write.complete(new IllegalStateException("Vert.x is closed"));
    });
  }

  @Override
  public void close(int code, String reason) {
    onContext(() -> doClose(code, reason == null ? "" : reason), () -> end(closedVertx()));
  }

  @Override
  public void abort() {
    abort("aborted");
  }

  /** Aborts; the future completes when the socket and the client are released. */
  CompletableFuture<Void> abort(String why) {
    abortRequested = why;
    onContext(() -> end(TransportFailure.of(Kind.ABORTED, why, null)),
        () -> end(TransportFailure.of(Kind.ABORTED, why, null)));
    return released;
  }

  @Override
  public boolean writeQueueFull() {
    return state == State.OPEN && queuedBytes.get() >= highWater;
  }

  // ---------------------------------------------------------------------------------------------- on the context

  private void doConnect() {
    if (state != State.CONNECTING) {
      return;
    }
    try {
      long timeoutMillis = Math.max(1, request.connectTimeout().toMillis());
      var connectOptions = ConnectOptionsMapper.map(request, timeoutMillis);
      if (!"GET".equalsIgnoreCase(request.method()) && WARNED_METHOD.compareAndSet(false, true)) {
        LOG.warn("Opening handshakes are always sent with GET: the Vert.x WebSocket client ignores the method ({})",
            request.method());
      }
      timer = vertx.setTimer(timeoutMillis, id -> onTimeout(timeoutMillis));
      WebSocketClientOptions clientOptions = new WebSocketClientOptions(transport.clientTemplate())
          .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMillis))
          .setSslHandshakeTimeout(timeoutMillis)
          .setSslHandshakeTimeoutUnit(TimeUnit.MILLISECONDS);
      if (request.secure()) {
        clientOptions.setSslEngineOptions(new ChannelCapturingSslEngineOptions(this::onTlsChannel,
            failure -> tlsFailure.compareAndSet(null, failure)));
      }
      client = vertx.createWebSocketClient(clientOptions);
      ws = client.webSocket();
      ws.frameHandler(this::onFrame); // messages are put together there, to check UTF-8 and the size limit
      ws.exceptionHandler(this::onException);
      ws.closeHandler(v -> onClose());
      ws.connect(connectOptions).onComplete(this::onConnected);
    } catch (IllegalArgumentException e) {
      end(TransportFailure.of(Kind.IO, "invalid request: " + e.getMessage(), e));
    } catch (RuntimeException e) {
      end(TransportFailure.of(Kind.IO, "could not start connecting: " + e, e));
    }
  }

  private void onTimeout(long timeoutMillis) {
    timer = -1;
    if (state == State.CONNECTING) {
      end(TransportFailure.of(Kind.TIMEOUT,
          "opening handshake to " + request.uri() + " did not complete within " + timeoutMillis + " ms", null));
    }
  }

  private void onConnected(AsyncResult<WebSocket> ar) {
    if (state != State.CONNECTING) {
      if (ar.succeeded()) {
        LOG.debug("Handshake to {} completed after the connection ended; closing it", request.uri());
        killSocket();
      }
      return;
    }
    cancelTimers();
    if (ar.failed()) {
      Throwable tls = tlsFailure.get(); // the root cause when Vert.x reports only "connection closed"
      end(FailureClassifier.classify(tls != null ? tls : ar.cause()));
      return;
    }
    WebSocket w = ar.result();
    String protocol = w.subProtocol();
    if (protocol != null && !request.protocols().contains(protocol)) { // Netty checks this too
      end(new TransportFailure(Kind.SUBPROTOCOL,
          "server selected sub-protocol " + protocol + ", offered " + request.protocols(), 0, null));
      return;
    }
    if (protocol == null && !request.protocols().isEmpty()) {
      end(new TransportFailure(Kind.SUBPROTOCOL,
          "server selected none of the offered sub-protocols " + request.protocols(), 0, null));
      return;
    }
    if (abortRequested != null) {
      end(TransportFailure.of(Kind.ABORTED, abortRequested, null));
      return;
    }
    Map<String, List<String>> headers = HeaderMaps.toMap(w.headers());
    state = State.OPEN;
    startKeepAlive();
    emit(() -> events.opened(headers, protocol));
    List<Frame> early = earlyMessages;
    earlyMessages = null;
    if (early != null) {
      for (Frame f : early) {
        onMessage(f);
      }
    }
    if (closedBeforeOpen || (w.isClosed() && !closeFrameSeen)) {
      // The peer closed during the handshake; Vert.x may not have accepted our handlers.
      if (!closeFrameSeen && w.closeStatusCode() != null && w.closeStatusCode() != 1006) {
        closeFrameSeen = true;
        closeCode = w.closeStatusCode();
        closeReason = w.closeReason() == null ? "" : w.closeReason();
      }
      onClose();
    }
  }

  private void onMessage(Frame frame) {
    switch (state) {
      case OPEN -> emit(() -> events.message(frame));
      case CONNECTING -> {
        if (earlyMessages == null) {
          earlyMessages = new ArrayList<>();
        }
        earlyMessages.add(frame);
      }
      case ENDED -> LOG.debug("Dropping a message that arrived after the connection ended");
    }
  }

  private void onFrame(WebSocketFrame frame) {
    lastReceivedNanos = System.nanoTime();
    WebSocketFrameType type = frame.type();
    if (type == WebSocketFrameType.TEXT || type == WebSocketFrameType.BINARY
        || type == WebSocketFrameType.CONTINUATION) {
      onDataFrame(frame);
    } else if (type == WebSocketFrameType.CLOSE && !closeFrameSeen) {
      closeFrameSeen = true;
      if (frame.binaryData().length() < 2) {
        closeCode = 1005; // Vert.x reports an empty close frame as 1000
        closeReason = "";
      } else {
        closeCode = frame.closeStatusCode();
        closeReason = frame.closeReason() == null ? "" : frame.closeReason();
      }
    }
  }

  /** Starts the pings and the idle check that {@link VertxTransportOptions} asks for; on ctx, at open. */
  private void startKeepAlive() {
    VertxTransportOptions options = transport.options();
    lastReceivedNanos = System.nanoTime();
    long pingMillis = options.pingInterval().toMillis();
    if (pingMillis > 0) {
      pingTimer = vertx.setPeriodic(pingMillis, id -> {
        if (state == State.OPEN && !closing) {
          ws.writePing(Buffer.buffer()).onFailure(e -> LOG.debug("Ping to {} failed: {}", request.uri(), e.toString()));
        }
      });
    }
    long idleMillis = options.idleTimeout().toMillis();
    if (idleMillis > 0) {
      idleTimer = vertx.setTimer(idleMillis, id -> checkIdle(idleMillis));
    }
  }

  private void checkIdle(long idleMillis) {
    idleTimer = -1;
    if (state != State.OPEN) {
      return;
    }
    long quietMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastReceivedNanos);
    if (quietMillis >= idleMillis) {
      end(TransportFailure.of(Kind.IO, "idle timeout: nothing received from the server for " + quietMillis
          + " ms (idleTimeout " + idleMillis + " ms)", null));
    } else {
      idleTimer = vertx.setTimer(idleMillis - quietMillis, id -> checkIdle(idleMillis));
    }
  }

  /**
   * Puts a message together from its frames, checking as they arrive that it stays within {@code maxMessageSize}
   * (else close code 1009) and that a text message is UTF-8 (else 1007, RFC 6455 §8.1) — also when a character is
   * split across frames.
   */
  private void onDataFrame(WebSocketFrame frame) {
    if (protocolError != null || state == State.ENDED) {
      return;
    }
    if (frame.type() != WebSocketFrameType.CONTINUATION) {
      messageIsText = frame.type() == WebSocketFrameType.TEXT;
      fragments = null;
      messageBytes = 0;
      utf8.reset();
    }
    Buffer data = frame.binaryData();
    messageBytes += data.length();
    int limit = transport.options().maxMessageSize();
    if (messageBytes > limit) {
      failConnection(1009, "message too big", "message too big: more than " + limit + " bytes (maxMessageSize)");
      return;
    }
    boolean utf8SoFar = !messageIsText || utf8.feed(((BufferInternal) data).getByteBuf());
    if (!utf8SoFar || messageIsText && frame.isFinal() && !utf8.complete()) {
      failConnection(1007, "invalid UTF-8", "invalid UTF-8 in a text message");
      return;
    }
    if (!frame.isFinal()) {
      if (fragments == null) {
        fragments = Buffer.buffer();
      }
      fragments.appendBuffer(data);
      return;
    }
    Buffer whole = fragments == null ? data : fragments.appendBuffer(data);
    fragments = null;
    onMessage(messageIsText ? Frame.text(whole.toString(StandardCharsets.UTF_8))
        : Frame.binary(ByteBuffer.wrap(whole.getBytes())));
  }

  private void onException(Throwable t) {
    LOG.debug("WebSocket to {}: {}", request.uri(), t.toString());
    if (lastError == null) {
      lastError = t;
    }
    if (state == State.OPEN && !(t instanceof IOException) && ws != null && !ws.isClosed() && protocolError == null) {
      // a protocol violation Netty found (a frame over maxFrameSize, a bad close frame ...): Vert.x only reports it
      int code = t instanceof CorruptedWebSocketFrameException corrupt ? corrupt.closeStatus().code() : 1002;
      String why = code == 1009 ? "message too big" : code == 1007 ? "invalid UTF-8" : "protocol error";
      failConnection(code, why, why + ": " + t.getMessage());
    }
  }

  /**
   * RFC 6455's "fail the WebSocket connection": sends a close frame with the code, then drops the connection
   * without waiting for the peer's close; reported as a failure.
   */
  private void failConnection(int code, String reason, String why) {
    protocolError = new IOException(why + " (close code " + code + ")");
    fragments = null;
    TransportFailure failure = TransportFailure.of(Kind.IO, "connection failed: " + protocolError.getMessage(),
        protocolError);
    ws.close((short) code, reason).onFailure(e -> LOG.debug("Close of {} failed: {}", request.uri(), e.toString()));
    // not at once: Vert.x flushes writes made while it reads when the read ends, and ending drops the connection
    onContext(() -> end(failure), () -> end(failure));
  }

  private void onClose() {
    switch (state) {
      case CONNECTING -> closedBeforeOpen = true;
      case ENDED -> { }
      case OPEN -> {
        if (protocolError != null) {
          end(TransportFailure.of(Kind.IO, "connection failed: " + protocolError.getMessage(), protocolError));
        } else if (closeFrameSeen) {
          endClosed(closeCode, closeReason);
        } else {
          String why = lastError == null || lastError.getMessage() == null
              ? "connection closed without a closing handshake"
              : "connection lost: " + lastError.getMessage();
          end(TransportFailure.of(Kind.IO, why, lastError));
        }
      }
    }
  }

  private void doSend(Frame frame, Write write) {
    if (state != State.OPEN) {
      write.complete(new IllegalStateException("connection has ended"));
      return;
    }
    try {
      Future<Void> f;
      if (frame instanceof Frame.Text text) {
        f = ws.writeTextMessage(text.text());
      } else {
        ByteBuffer data = ((Frame.Binary) frame).data().slice();
        f = ws.writeBinaryMessage(BufferInternal.buffer(Unpooled.wrappedBuffer(data)));
      }
      f.onComplete(ar -> write.complete(ar.failed() ? ar.cause() : null));
    } catch (RuntimeException e) {
      write.complete(e);
    }
  }

  private void doClose(int code, String reason) {
    switch (state) {
      case CONNECTING -> end(TransportFailure.of(Kind.ABORTED, "closed before the connection opened", null));
      case ENDED -> { }
      case OPEN -> {
        if (closing) {
          return;
        }
        closing = true;
        ws.close((short) code, reason).onFailure(e -> LOG.debug("Close of {} failed: {}", request.uri(), e.toString()));
      }
    }
  }

  private void endClosed(int code, String reason) {
    endWith(() -> events.closed(code, reason));
  }

  private void end(TransportFailure failure) {
    if (failure.kind() != Kind.ABORTED) {
      LOG.debug("Connection to {} failed: {} {}", request.uri(), failure.kind(), failure.message());
    }
    endWith(() -> events.failed(failure));
  }

  private void endWith(Runnable terminal) {
    if (state == State.ENDED) {
      return;
    }
    state = State.ENDED;
    cancelTimers();
    transport.ended(this);
    earlyMessages = null;
    emit(terminal);
    killSocket();
    Future<Void> clientClosed = client == null ? Future.succeededFuture() : client.close();
    clientClosed.onComplete(ar -> onContext(this::release, this::release));
  }

  /** Fails what Vert.x has not completed after the socket is gone. */
  private void release() {
    for (Write w : List.copyOf(outstanding)) {
      w.complete(new IOException("connection ended before the message was written"));
    }
    released.complete(null);
  }

  /** Called (on the channel's event loop) when a wss channel gets its TLS handler, before the TLS handshake. */
  private void onTlsChannel(Channel channel) {
    tlsChannel = channel;
    if (state == State.ENDED) { // aborted or timed out before: end() may not have seen the channel
      closeAbruptly(channel);
    }
  }

  /** Drops the TCP connection without a closing handshake, if there is one. */
  private void killSocket() {
    Channel channel = null;
    if (ws instanceof WebSocketInternal internal) {
      try {
        channel = internal.channelHandlerContext().channel();
      } catch (IllegalStateException notConnected) {
        // the upgrade has not completed: closing the client cancels a plain connection
      }
    }
    if (channel == null) {
      channel = tlsChannel;
    }
    if (channel != null) {
      closeAbruptly(channel);
    }
  }

  /**
   * {@code channel.close()} would run through Vert.x's connection handler, which turns it into a graceful WebSocket
   * close (a 1000 close frame, then waiting up to the closing timeout); closing from the first handler's context goes
   * straight to the socket.
   */
  private static void closeAbruptly(Channel channel) {
    ChannelHandlerContext first = channel.pipeline().firstContext();
    if (first != null) {
      first.close();
    } else {
      channel.close();
    }
  }

  private void cancelTimers() {
    if (pingTimer != -1) {
      vertx.cancelTimer(pingTimer);
      pingTimer = -1;
    }
    if (idleTimer != -1) {
      vertx.cancelTimer(idleTimer);
      idleTimer = -1;
    }
    if (timer != -1) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }

  private TransportFailure closedVertx() {
    return TransportFailure.of(Kind.ABORTED, "Vert.x is closed", null);
  }

  private void emit(Runnable event) {
    try {
      event.run();
    } catch (RuntimeException e) {
      LOG.warn("A ConnectionEvents callback for {} threw", request.uri(), e);
    }
  }

  private void fireWritable() {
    if (state == State.OPEN) {
      emit(events::writable);
    }
  }

  /** Runs on the connection's context, after anything enqueued before; {@code orElse} if Vert.x is gone. */
  private void onContext(Runnable task, Runnable orElse) {
    try {
      ctx.runOnContext(v -> task.run());
    } catch (RejectedExecutionException e) {
      orElse.run();
    }
  }

  private static void complete(Completion done, Throwable failure) {
    try {
      done.complete(failure);
    } catch (RuntimeException e) {
      LOG.warn("A send Completion threw", e);
    }
  }

  /** One pending send: completed exactly once. */
  private final class Write {
    final Completion done;
    final long size;
    final AtomicBoolean completed = new AtomicBoolean();

    Write(Completion done, long size) {
      this.done = done;
      this.size = size;
    }

    void complete(Throwable failure) {
      if (!completed.compareAndSet(false, true)) {
        return;
      }
      outstanding.remove(this);
      long left = queuedBytes.addAndGet(-size);
      VertxConnection.complete(done, failure);
      if (left <= highWater / 2 && full.compareAndSet(true, false)) {
        if (Vertx.currentContext() == ctx) {
          fireWritable();
        } else {
          onContext(VertxConnection.this::fireWritable, () -> { });
        }
      }
    }
  }
}
