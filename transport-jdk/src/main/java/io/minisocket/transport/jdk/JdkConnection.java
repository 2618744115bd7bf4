package io.minisocket.transport.jdk;

import io.minisocket.core.transport.Completion;
import io.minisocket.core.transport.ConnectRequest;
import io.minisocket.core.transport.Connection;
import io.minisocket.core.transport.ConnectionEvents;
import io.minisocket.core.transport.Frame;
import io.minisocket.core.transport.TransportFailure;
import io.minisocket.core.transport.TransportFailure.Kind;
import java.io.IOException;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One WebSocket on {@code java.net.http}. Everything that changes the connection's state or calls
 * {@link ConnectionEvents} runs on the connection's own {@link ConnectionExecutor}, which serialises the events; the
 * public methods and the JDK's listener calls only enqueue work there (in call order), so they are thread-safe and
 * never block.
 *
 * <p>The JDK allows one outstanding send per WebSocket: sends wait in this connection's queue and are handed to the
 * JDK one at a time, the close frame last. Incoming messages arrive in parts; the next part is requested only after
 * the previous one was handled, so a slow consumer slows the peer down instead of buffering without bound.
 */
final class JdkConnection implements Connection {

  private static final Logger LOG = LogManager.getLogger(JdkConnection.class);
  private static final AtomicBoolean WARNED_METHOD = new AtomicBoolean();
  /** Never sent in a close frame (RFC 6455 section 7.4.1); the JDK reports it when the input ends without one. */
  private static final int CLOSED_ABNORMALLY = 1006;

  private enum State { CONNECTING, OPEN, ENDED }

  private final JdkTransport transport;
  private final ConnectionExecutor serial;
  private final ConnectRequest request;
  private final ConnectionEvents events;
  private final int highWater;
  private final int maxMessageSize;
  private final CompletableFuture<Void> released = new CompletableFuture<>();

  private volatile State state = State.CONNECTING;

  // Confined to serial.
  private CompletableFuture<WebSocket> handshake;
  private WebSocket ws;
  private Future<?> timer;
  private final ArrayDeque<Write> queue = new ArrayDeque<>();
  private boolean writing;
  private Integer closeCode;
  private String closeReason;
  private boolean closeSent;
  private Throwable errorBeforeOpen;
  private final Parts parts = new Parts();

  // Write accounting (any thread).
  private final AtomicLong queuedBytes = new AtomicLong();
  private final AtomicBoolean full = new AtomicBoolean();
  private final Set<Write> outstanding = ConcurrentHashMap.newKeySet();

  JdkConnection(JdkTransport transport, ConnectRequest request, ConnectionEvents events) {
    this.transport = transport;
    this.serial = new ConnectionExecutor(transport.pool());
    this.request = request;
    this.events = events;
    this.highWater = transport.options().writeQueueMaxSize();
    this.maxMessageSize = transport.options().maxMessageSize();
  }

  // ---------------------------------------------------------------------------------------------- public side

  void start() {
    serial.execute(this::doConnect);
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
      complete(done, new IllegalStateException(s == State.CONNECTING ? "connection is not open yet"
          : "connection has ended"));
      return;
    }
    Write write = new Write(frame, done);
    outstanding.add(write);
    if (queuedBytes.addAndGet(write.size) >= highWater) {
      full.set(true);
    }
    serial.execute(() -> enqueue(write));
  }

  @Override
  public void close(int code, String reason) {
    serial.execute(() -> doClose(code, reason == null ? "" : reason));
  }

  @Override
  public void abort() {
    abort("aborted");
  }

  /** Aborts; the future completes when the connection has ended. */
  CompletableFuture<Void> abort(String why) {
    serial.execute(() -> end(TransportFailure.of(Kind.ABORTED, why, null)));
    return released;
  }

  @Override
  public boolean writeQueueFull() {
    return state == State.OPEN && queuedBytes.get() >= highWater;
  }

  // ---------------------------------------------------------------------------------------------- on serial

  private void doConnect() {
    if (state != State.CONNECTING) {
      return;
    }
    long timeoutMillis = Math.max(1, request.connectTimeout().toMillis());
    if (!"GET".equalsIgnoreCase(request.method()) && WARNED_METHOD.compareAndSet(false, true)) {
      LOG.warn("Opening handshakes are always sent with GET: java.net.http.WebSocket has no method ({})",
          request.method());
    }
    WebSocket.Builder builder = transport.client().newWebSocketBuilder()
        .connectTimeout(request.connectTimeout());
    try {
      request.headers().forEach(builder::header);
      if (!request.protocols().isEmpty()) {
        builder.subprotocols(request.protocols().get(0),
            request.protocols().subList(1, request.protocols().size()).toArray(String[]::new));
      }
    } catch (IllegalArgumentException e) {
      end(TransportFailure.of(Kind.IO, "invalid request: " + e.getMessage(), e));
      return;
    }
    timer = transport.schedule(() -> serial.execute(() -> onTimeout(timeoutMillis)), timeoutMillis);
    ResponseHeaders.Slot slot = transport.responseHeaders().started(request.uri());
    try {
      handshake = builder.buildAsync(request.uri(), new Listener());
    } catch (IllegalArgumentException e) {
      transport.responseHeaders().finished(slot);
      end(TransportFailure.of(Kind.IO, "invalid request: " + e.getMessage(), e));
      return;
    }
    handshake.whenComplete((w, e) -> {
      transport.responseHeaders().finished(slot);
      serial.execute(() -> onHandshake(w, e, slot.headers()));
    });
  }

  private void onTimeout(long timeoutMillis) {
    if (state == State.CONNECTING) {
      end(TransportFailure.of(Kind.TIMEOUT,
          "opening handshake to " + request.uri() + " did not complete within " + timeoutMillis + " ms", null));
    } else if (state == State.OPEN && closeCode != null) {
      end(TransportFailure.of(Kind.IO, "the server did not answer the close frame within " + timeoutMillis
          + " ms", null));
    }
  }

  private void onHandshake(WebSocket w, Throwable failure, Map<String, List<String>> headers) {
    if (state != State.CONNECTING) {
      if (w != null) {
        LOG.debug("Handshake to {} completed after the connection ended; dropping it", request.uri());
        w.abort();
      }
      return;
    }
    cancelTimer();
    if (failure != null) {
      end(HandshakeFailures.classify(failure, request.uri()));
      return;
    }
    ws = w;
    String protocol = w.getSubprotocol() == null || w.getSubprotocol().isEmpty() ? null : w.getSubprotocol();
    if (protocol != null && !request.protocols().contains(protocol)) {
      end(TransportFailure.of(Kind.SUBPROTOCOL,
          "server selected sub-protocol " + protocol + ", offered " + request.protocols(), null));
      return;
    }
    if (protocol == null && !request.protocols().isEmpty()) {
      end(TransportFailure.of(Kind.SUBPROTOCOL,
          "server selected none of the offered sub-protocols " + request.protocols(), null));
      return;
    }
    state = State.OPEN;
    emit(() -> events.opened(headers, protocol));
    if (errorBeforeOpen != null) {
      onError(errorBeforeOpen);
      return;
    }
    w.request(1);
  }

  private void onPart(Object part, boolean last) {
    if (state != State.OPEN) {
      return;
    }
    Frame frame;
    try {
      frame = parts.add(part, last, maxMessageSize);
    } catch (MessageTooBig e) {
      end(TransportFailure.of(Kind.IO, "connection failed: " + e.getMessage(), e));
      return;
    }
    if (frame != null) {
      emit(() -> events.message(frame));
    }
    if (state == State.OPEN) {
      ws.request(1);
    }
  }

  private void onPeerClose(int code, String reason) {
    if (state != State.OPEN) {
      return;
    }
    if (code == CLOSED_ABNORMALLY) { // the JDK's word for "the stream ended without a close frame"
      end(TransportFailure.of(Kind.IO, "connection closed without a closing handshake", null));
    } else {
      endClosed(code, reason == null ? "" : reason);
    }
  }

  private void onError(Throwable error) {
    switch (state) {
      case CONNECTING -> errorBeforeOpen = error;
      case ENDED -> { }
      case OPEN -> {
        String why = error.getMessage() == null ? "connection lost: " + error.getClass().getSimpleName()
            : "connection lost: " + error.getMessage();
        end(TransportFailure.of(Kind.IO, why, error));
      }
    }
  }

  private void enqueue(Write write) {
    if (state != State.OPEN || closeCode != null) {
      write.complete(new IllegalStateException(state == State.OPEN ? "connection is closing" : "connection has ended"));
      return;
    }
    queue.add(write);
    pump();
  }

  /** Hands the next queued write (or, when none is left, a requested close frame) to the JDK. */
  private void pump() {
    if (writing || state != State.OPEN) {
      return;
    }
    Write next = queue.poll();
    if (next == null) {
      if (closeCode != null && !closeSent) {
        closeSent = true;
        int code = closeCode;
        ws.sendClose(code, closeReason).whenComplete((w, e) -> {
          if (e instanceof IllegalArgumentException) {
            serial.execute(() -> end(TransportFailure.of(Kind.IO,
                "java.net.http.WebSocket cannot send close code " + code + ": " + e.getMessage(), e)));
          } else if (e != null) {
            LOG.debug("Close of {} failed: {}", request.uri(), e.toString());
          }
        });
      }
      return;
    }
    writing = true;
    CompletableFuture<WebSocket> sent;
    try {
      sent = next.frame instanceof Frame.Text text ? ws.sendText(text.text(), true)
          : ws.sendBinary(((Frame.Binary) next.frame).data().duplicate(), true);
    } catch (RuntimeException e) {
      sent = CompletableFuture.failedFuture(e);
    }
    sent.whenComplete((w, e) -> serial.execute(() -> {
      writing = false;
      next.complete(e);
      Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
      if (cause instanceof IOException) {
        // The JDK may not report a peer's reset or end of stream (seen on JDK 17 when data came just before it)
        // until something is written: a failed write is how the connection learns that it is gone.
        onError(cause);
      }
      pump();
    }));
  }

  private void doClose(int code, String reason) {
    switch (state) {
      case CONNECTING -> end(TransportFailure.of(Kind.ABORTED, "closed before the connection opened", null));
      case ENDED -> { }
      case OPEN -> {
        if (closeCode != null) {
          return;
        }
        closeCode = code;
        closeReason = reason;
        long millis = transport.options().closingTimeoutMillis();
        timer = transport.schedule(() -> serial.execute(() -> onTimeout(millis)), millis);
        pump();
      }
    }
  }

  private void endClosed(int code, String reason) {
    endWith(() -> events.closed(code, reason), false);
  }

  private void end(TransportFailure failure) {
    if (failure.kind() != Kind.ABORTED) {
      LOG.debug("Connection to {} failed: {} {}", request.uri(), failure.kind(), failure.message());
    }
    endWith(() -> events.failed(failure), true);
  }

  private void endWith(Runnable terminal, boolean dropSocket) {
    if (state == State.ENDED) {
      return;
    }
    state = State.ENDED;
    cancelTimer();
    transport.ended(this);
    parts.clear();
    emit(terminal);
    if (dropSocket && ws != null) {
      ws.abort();
    }
    if (handshake != null && ws == null) {
      handshake.cancel(true); // drops the JDK's connection; should it complete anyway, onHandshake drops it
    }
    queue.clear();
    for (Write w : List.copyOf(outstanding)) {
      w.complete(new IOException("connection ended before the message was written"));
    }
    released.complete(null);
  }

  private void cancelTimer() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
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

  private static void complete(Completion done, Throwable failure) {
    try {
      done.complete(failure);
    } catch (RuntimeException e) {
      LOG.warn("A send Completion threw", e);
    }
  }

  /** The JDK's callbacks: each copies what it must and hands the rest to {@link #serial}. */
  private final class Listener implements WebSocket.Listener {
    @Override
    public void onOpen(WebSocket webSocket) {
      // Demand is requested once core has been told the connection is open (onHandshake).
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      String part = data.toString();
      serial.execute(() -> onPart(part, last));
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
      byte[] part = new byte[data.remaining()];
      data.get(part);
      serial.execute(() -> onPart(part, last));
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      serial.execute(() -> onPeerClose(statusCode, reason));
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      serial.execute(() -> JdkConnection.this.onError(error));
    }
  }

  /** One pending send: completed exactly once. */
  private final class Write {
    final Frame frame;
    final Completion done;
    final long size;
    final AtomicBoolean completed = new AtomicBoolean();

    Write(Frame frame, Completion done) {
      this.frame = frame;
      this.done = done;
      this.size = frame.byteLength();
    }

    void complete(Throwable failure) {
      if (!completed.compareAndSet(false, true)) {
        return;
      }
      outstanding.remove(this);
      long left = queuedBytes.addAndGet(-size);
      JdkConnection.complete(done, failure);
      if (left <= highWater / 2 && full.compareAndSet(true, false)) {
        try {
          serial.execute(JdkConnection.this::fireWritable);
        } catch (RejectedExecutionException e) {
          LOG.debug("writable() not delivered: the transport is closed");
        }
      }
    }
  }

  /** Thrown by {@link Parts#add} when a message grows past the limit. */
  private static final class MessageTooBig extends Exception {
    private static final long serialVersionUID = 1L;

    MessageTooBig(String message) {
      super(message);
    }
  }

  /** Reassembles the parts of one message (the JDK delivers a message in as many parts as it likes). */
  private static final class Parts {
    private StringBuilder text;
    private byte[] bytes;
    private int length;

    /** @return the whole message when {@code last}, else {@code null} */
    Frame add(Object part, boolean last, int max) throws MessageTooBig {
      if (part instanceof String s) {
        if (last && text == null) {
          check(s.length(), max);
          return checkedText(s, max);
        }
        if (text == null) {
          text = new StringBuilder();
        }
        text.append(s);
        check(text.length(), max);
        if (!last) {
          return null;
        }
        String whole = text.toString();
        text = null;
        return checkedText(whole, max);
      }
      byte[] p = (byte[]) part;
      if (last && bytes == null) {
        check(p.length, max);
        return Frame.binary(ByteBuffer.wrap(p));
      }
      check((long) length + p.length, max);
      if (bytes == null) {
        bytes = new byte[Math.max(p.length * 2, 1024)];
      } else if (length + p.length > bytes.length) {
        bytes = Arrays.copyOf(bytes, (int) Math.min(max, Math.max((long) bytes.length * 2,
            (long) length + p.length)));
      }
      System.arraycopy(p, 0, bytes, length, p.length);
      length += p.length;
      if (!last) {
        return null;
      }
      Frame whole = Frame.binary(ByteBuffer.wrap(bytes, 0, length).slice());
      bytes = null;
      length = 0;
      return whole;
    }

    void clear() {
      text = null;
      bytes = null;
      length = 0;
    }

    /** A UTF-16 length within the limit is no proof: up to three UTF-8 bytes per char, so count when it matters. */
    private static Frame checkedText(String s, int max) throws MessageTooBig {
      Frame frame = Frame.text(s);
      if ((long) s.length() * 3 > max) {
        check(frame.byteLength(), max);
      }
      return frame;
    }

    private static void check(long size, int max) throws MessageTooBig {
      if (size > max) {
        throw new MessageTooBig("message larger than maxMessageSize (" + max + " bytes)");
      }
    }
  }
}
