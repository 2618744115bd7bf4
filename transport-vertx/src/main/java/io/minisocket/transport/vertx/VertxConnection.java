package io.minisocket.transport.vertx;

import static io.minisocket.transport.vertx.TlsFailureRecordingSslEngineOptions.TLS_FAILURE;

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
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.util.concurrent.FastThreadLocal;
import io.vertx.core.AsyncResult;
import io.vertx.core.Completable;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.internal.http.WebSocketInternal;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One WebSocket on Vert.x. Everything that touches the connection's state or calls {@link ConnectionEvents} runs on
 * its own event-loop {@link Context}, which serialises the events (one exception: a write that Vert.x refuses at once,
 * by throwing, completes and may report {@code writable()} on the sending thread); {@link #close} and {@link #abort} only enqueue work
 * there, so they are thread-safe and never block.
 *
 * <p>{@link #send} writes through Vert.x at once, from whatever thread calls it: Vert.x's WebSocket queues writes in
 * call order and is thread-safe. A write made on the event loop while Vert.x handles a read (from a listener, say) is
 * flushed with the other writes of that read; writes made on other threads are handed to the event loop by Vert.x in
 * one task per batch and flushed once. Each write's outcome comes from its Vert.x future through a {@link
 * PendingWrite}; writes made on the event loop reuse the ones of completed writes, so they allocate nothing here.
 * Vert.x fails the futures of the writes it still holds when the socket closes, so every send ends exactly once.
 *
 * <p>The connections of a transport share its {@link WebSocketClient}. An opening handshake (TCP connect, proxy,
 * TLS or HTTP upgrade in progress) is cancelled by closing the connection's own channel, which the transport reports
 * as soon as Vert.x registers it ({@link ChannelCapturingEventLoop}): {@link #abort()} and the connect timeout do so.
 */
final class VertxConnection implements Connection {

  private static final Logger LOG = LogManager.getLogger(VertxConnection.class);
  private static final AtomicBoolean WARNED_METHOD = new AtomicBoolean();
  private static final VarHandle QUEUED_BYTES;
  private static final VarHandle FULL;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      QUEUED_BYTES = lookup.findVarHandle(VertxConnection.class, "queuedBytes", long.class);
      FULL = lookup.findVarHandle(VertxConnection.class, "full", boolean.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
  /** The listeners of completed writes, kept for reuse by each event-loop thread (see {@link WritePool}). */
  private static final FastThreadLocal<WritePool> WRITE_POOL = new FastThreadLocal<>() {
    @Override
    protected WritePool initialValue() {
      return new WritePool();
    }
  };

  private enum State { CONNECTING, OPEN, ENDED }

  private final VertxTransport transport;
  private final Vertx vertx;
  private final ContextInternal ctx;
  /** The event loop of ctx as this connection's view of it, which reports its channel; null without one. */
  private final ChannelCapturingEventLoop view;
  /** The real event loop of ctx (not the view), to tell cheaply whether a send is made on it. */
  private final EventLoop loop;
  /**
   * The request, until the opening handshake ends (confined to ctx): an open connection no longer needs it, and
   * dropping it frees its URI and the URI's parts (about 300 B per connection).
   */
  private ConnectRequest request;
  /** The request's URL as given (the string its URI holds), for log and failure messages. */
  private final String target;
  private final ConnectionEvents events;
  private final int highWater;
  /** Messages longer than this are sent as several frames (see {@link #write}). */
  private final int maxFrameSize;
  /** Whether a one-frame message is always within maxMessageSize, as Netty refuses frames over maxFrameSize. */
  private final boolean oneFrameFits;
  /** Whether the idle timeout is on, so that the time of each frame is needed. */
  private final boolean idleCheck;
  private final CompletableFuture<Void> released = new CompletableFuture<>();

  private volatile State state = State.CONNECTING;
  /** Set by {@link #abort(String)} at once, so a handshake that completes before the queued abort runs is not opened. */
  private volatile String abortRequested;
  /** This connection's TCP channel, known from when Vert.x registers it (set on ctx, read anywhere). */
  private volatile Channel channel;

  // Confined to ctx, except ws and socket, which are set before state turns OPEN and only read after that.
  private ClientWebSocket ws;
  /** The Vert.x WebSocket behind {@link #ws}, whose lock makes a message of several frames one write. */
  private WebSocket socket;
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
  /** Made when a message first needs a byte-by-byte UTF-8 check (rarely: see {@link #onWholeMessage}). */
  private Utf8Validator utf8;

  // Write accounting (any thread), through QUEUED_BYTES and FULL: fields rather than an AtomicLong and an
  // AtomicBoolean, which every open connection would keep (40 B).
  private volatile long queuedBytes;
  private volatile boolean full;

  VertxConnection(VertxTransport transport, ContextInternal ctx, ConnectRequest request, ConnectionEvents events) {
    this.transport = transport;
    this.vertx = transport.vertx();
    this.ctx = ctx;
    if (ctx.nettyEventLoop() instanceof ChannelCapturingEventLoop capturing) {
      view = capturing;
      view.owner(this);
      loop = capturing.loop();
    } else { // a Vertx that is not VertxInternal: no channel until the upgrade completes
      view = null;
      loop = ctx.nettyEventLoop();
    }
    this.request = request;
    this.target = request.uri().toString();
    this.events = events;
    this.highWater = transport.options().writeQueueMaxSize();
    this.maxFrameSize = transport.options().maxFrameSize();
    this.oneFrameFits = maxFrameSize <= transport.options().maxMessageSize();
    this.idleCheck = transport.options().idleTimeout().toMillis() > 0;
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
    long size = frame.byteLength();
    if ((long) QUEUED_BYTES.getAndAdd(this, size) + size >= highWater && !full) {
      full = true;
    }
    PendingWrite pending = loop.inEventLoop() ? WRITE_POOL.get().take() : new PendingWrite();
    pending.connection = this;
    pending.done = done;
    pending.size = size;
    try {
      write(frame, size).onComplete(pending);
    } catch (RuntimeException e) {
      pending.complete(null, e);
    }
  }

  /**
   * Hands the frame to Vert.x. Vert.x splits a message longer than its maximum frame size into frames that it writes
   * one by one; holding the WebSocket's lock (which Vert.x takes for each frame) keeps a send from another thread from
   * landing between them.
   */
  private Future<Void> write(Frame frame, long size) {
    if (size <= maxFrameSize) {
      return writeOneFrame(frame);
    }
    synchronized (socket) {
      return writeOneFrame(frame);
    }
  }

  private Future<Void> writeOneFrame(Frame frame) {
    if (frame instanceof Frame.Text text) {
      return ws.writeTextMessage(text.text());
    }
    ByteBuffer data = ((Frame.Binary) frame).data().slice();
    return ws.writeBinaryMessage(BufferInternal.buffer(Unpooled.wrappedBuffer(data)));
  }

  @Override
  public void close(int code, String reason) {
    onContext(() -> doClose(code, reason == null ? "" : reason), () -> end(closedVertx()));
  }

  @Override
  public void abort() {
    abort("aborted");
  }

  /** Aborts; the future completes when the socket is closed. */
  CompletableFuture<Void> abort(String why) {
    abortRequested = why;
    onContext(() -> end(TransportFailure.of(Kind.ABORTED, why, null)),
        () -> end(TransportFailure.of(Kind.ABORTED, why, null)));
    return released;
  }

  @Override
  public boolean writeQueueFull() {
    return state == State.OPEN && queuedBytes >= highWater;
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
      WebSocketClient client = transport.client(timeoutMillis);
      if (client == null) {
        end(TransportFailure.of(Kind.ABORTED, "transport closed", null));
        return;
      }
      timer = vertx.setTimer(timeoutMillis, id -> onTimeout(timeoutMillis));
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
          "opening handshake to " + target + " did not complete within " + timeoutMillis + " ms", null));
    }
  }

  private void onConnected(AsyncResult<WebSocket> ar) {
    if (state != State.CONNECTING) {
      if (ar.succeeded()) {
        LOG.debug("Handshake to {} completed after the connection ended; closing it", target);
        killSocket();
      }
      return;
    }
    cancelTimers();
    if (ar.failed()) {
      Throwable tls = tlsFailure(); // the root cause when Vert.x reports only "connection closed"
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
    socket = w;
    state = State.OPEN;
    request = null;
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
      case OPEN -> deliver(frame);
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
    if (idleCheck) {
      lastReceivedNanos = System.nanoTime();
    }
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
          ws.writePing(Buffer.buffer()).onFailure(e -> LOG.debug("Ping to {} failed: {}", target, e.toString()));
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
      if (utf8 != null) {
        utf8.reset();
      }
      if (frame.isFinal() && oneFrameFits) {
        onWholeMessage(frame); // the usual case: a message in one frame, which Netty kept within maxFrameSize
        return;
      }
    }
    Buffer data = frame.binaryData();
    messageBytes += data.length();
    int limit = transport.options().maxMessageSize();
    if (messageBytes > limit) {
      failConnection(1009, "message too big", "message too big: more than " + limit + " bytes (maxMessageSize)");
      return;
    }
    boolean utf8SoFar = !messageIsText || utf8().feed(((BufferInternal) data).getByteBuf());
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

  /**
   * A message in one frame. Its text is decoded and checked in one pass: the decoder turns every malformed sequence
   * into U+FFFD, so a text without one was well-formed UTF-8 (and a Latin-1 string, as ASCII text decodes to, cannot
   * hold one); only a text with U+FFFD is checked byte by byte, since the sender may have meant it.
   */
  private void onWholeMessage(WebSocketFrame frame) {
    if (!messageIsText) {
      onMessage(Frame.binary(ByteBuffer.wrap(frame.binaryData().getBytes())));
      return;
    }
    String text = frame.textData();
    if (text.indexOf('\uFFFD') >= 0 && !isUtf8(frame.binaryData())) {
      failConnection(1007, "invalid UTF-8", "invalid UTF-8 in a text message");
      return;
    }
    onMessage(Frame.text(text));
  }

  private boolean isUtf8(Buffer bytes) {
    utf8().reset();
    return utf8.feed(((BufferInternal) bytes).getByteBuf()) && utf8.complete();
  }

  private Utf8Validator utf8() {
    if (utf8 == null) {
      utf8 = new Utf8Validator();
    }
    return utf8;
  }

  private void onException(Throwable t) {
    LOG.debug("WebSocket to {}: {}", target, t.toString());
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
    ws.close((short) code, reason).onFailure(e -> LOG.debug("Close of {} failed: {}", target, e.toString()));
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

  private void doClose(int code, String reason) {
    switch (state) {
      case CONNECTING -> end(TransportFailure.of(Kind.ABORTED, "closed before the connection opened", null));
      case ENDED -> { }
      case OPEN -> {
        if (closing) {
          return;
        }
        closing = true;
        ws.close((short) code, reason).onFailure(e -> LOG.debug("Close of {} failed: {}", target, e.toString()));
      }
    }
  }

  private void endClosed(int code, String reason) {
    endWith(() -> events.closed(code, reason));
  }

  private void end(TransportFailure failure) {
    if (failure.kind() != Kind.ABORTED) {
      LOG.debug("Connection to {} failed: {} {}", target, failure.kind(), failure.message());
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
    Channel ch = channel;
    if (ch == null) {
      onReleased();
    } else {
      ch.closeFuture().addListener(closed -> onReleased());
    }
  }

  private void onReleased() {
    if (view != null) {
      view.connectionEnded();
    }
    released.complete(null);
  }

  /**
   * Called, on the event loop, when a channel is registered through this connection's view of it: the first TCP
   * channel is this connection's socket, and from then on ending the connection closes it, whatever stage the opening
   * handshake is at. Other channels (a name resolver's datagram channel, when a proxy's host is resolved) are not
   * the connection's and are left to their owner.
   */
  void onChannel(Channel registered) {
    if (!(registered instanceof SocketChannel)) {
      return;
    }
    if (channel == null) {
      channel = registered;
    }
    if (state == State.ENDED) { // aborted or timed out before: end() did not see the channel
      closeAbruptly(registered);
    }
  }

  /** @return this connection's TCP channel, once Vert.x has registered it */
  Channel channel() {
    return channel;
  }

  /** @return what the TLS handler raised on this connection's channel, if anything */
  private Throwable tlsFailure() {
    Channel ch = channel;
    return ch != null && ch.hasAttr(TLS_FAILURE) ? ch.attr(TLS_FAILURE).get() : null;
  }

  /** Drops the TCP connection without a closing handshake, if there is one. */
  private void killSocket() {
    Channel ch = channel;
    if (ch == null && ws instanceof WebSocketInternal internal) { // a Vertx that is not VertxInternal
      try {
        ch = internal.channelHandlerContext().channel();
      } catch (IllegalStateException notConnected) {
        LOG.debug("No channel to close for {}: the opening handshake goes on until it completes or times out",
            target);
      }
    }
    if (ch != null) {
      closeAbruptly(ch);
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

  private void deliver(Frame message) {
    try {
      events.message(message);
    } catch (RuntimeException e) {
      LOG.warn("A ConnectionEvents callback for {} threw", target, e);
    }
  }

  private void emit(Runnable event) {
    try {
      event.run();
    } catch (RuntimeException e) {
      LOG.warn("A ConnectionEvents callback for {} threw", target, e);
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

  /**
   * The outcome of one write: on the event loop, where Vert.x completes a write's future (the WebSocket's context),
   * or on the sending thread when Vert.x threw at once.
   */
  private void written(PendingWrite pending, Throwable failure) {
    Completion done = pending.done;
    long size = pending.size;
    pending.connection = null;
    pending.done = null;
    if (loop.inEventLoop()) { // not when Vert.x refused the write at once on another thread
      WRITE_POOL.get().give(pending);
    }
    long left = (long) QUEUED_BYTES.getAndAdd(this, -size) - size;
    complete(done, failure == null ? null : new IOException("the message was not written: "
        + (failure.getMessage() == null ? failure : failure.getMessage()), failure));
    if (left <= highWater / 2 && full && FULL.compareAndSet(this, true, false)) {
      if (queuedBytes >= highWater) {
        // a send on another thread filled the queue again and saw it still marked full: mark it, so that the
        // completion of that send fires writable() again (else a caller waiting for it would wait forever)
        full = true;
      }
      fireWritable();
    }
  }

  /**
   * The listener of one write's Vert.x future, completed exactly once per use, by Vert.x. A write made on an event
   * loop takes one from that thread's {@link WritePool}; one made elsewhere gets a new one.
   */
  private static final class PendingWrite implements Completable<Void> {
    VertxConnection connection;
    Completion done;
    long size;

    @Override
    public void complete(Void result, Throwable failure) {
      connection.written(this, failure);
    }
  }

  /**
   * The listeners of completed writes on one event-loop thread (confined to it), for the writes made there: one pool
   * per thread rather than per connection, so that 10,000 connections hold none and a busy one finds enough. At most
   * 1,024 (32 KiB) are kept; the pool fills up to the writes a thread has in flight between two flushes.
   */
  private static final class WritePool {
    private final PendingWrite[] free = new PendingWrite[1024];
    private int count;

    PendingWrite take() {
      if (count == 0) {
        return new PendingWrite();
      }
      PendingWrite w = free[--count];
      free[count] = null;
      return w;
    }

    void give(PendingWrite w) {
      if (count < free.length) {
        free[count++] = w;
      }
    }
  }
}
