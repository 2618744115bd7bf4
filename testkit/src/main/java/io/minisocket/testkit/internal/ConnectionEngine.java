package io.minisocket.testkit.internal;

import io.minisocket.testkit.RecordedRequest;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLSocket;

/**
 * The server side of one accepted TCP connection: TLS, the opening handshake by its {@link HandshakePolicy}, then a
 * {@link ReadLoop} running its {@link ScriptSteps}; and the writes a test asks for through the public
 * {@link io.minisocket.testkit.ServerConnection} handle.
 *
 * <p>Lifecycle: one per accepted socket; {@link #run()} serves it once, on the connection's own thread, and ends when
 * the TCP connection is gone. Threading: every other method is thread-safe; frames are written whole, one at a time.
 * Nothing is lost: a ping still waiting for its pong when the connection ends completes exceptionally.
 */
public final class ConnectionEngine {
  private static final long CLOSE_TIMEOUT_MILLIS = 5_000;

  private final ConnectionHost host;
  private final int id;
  private final Socket raw;
  private final HandshakePolicy handshake;
  private final ScriptSteps script;
  private final FrameWriter writer;
  private final PingTracker pings = new PingTracker();
  private final Object pauseMonitor = new Object();
  private final AtomicBoolean closeSent = new AtomicBoolean();
  private final CountDownLatch disconnected = new CountDownLatch(1);

  private volatile SSLSocket ssl;
  private volatile RecordedRequest request;
  private volatile String subProtocol;
  private volatile boolean open;
  private volatile boolean closeReceived;
  private volatile boolean paused;
  private volatile boolean reset;
  private volatile String failure;

  /**
   * @param host      the server that accepted the connection
   * @param id        the connection's id
   * @param raw       the accepted socket
   * @param handshake how to answer the opening handshake
   * @param script    what to do once upgraded
   */
  public ConnectionEngine(ConnectionHost host, int id, Socket raw, HandshakePolicy handshake, ScriptSteps script) {
    this.host = host;
    this.id = id;
    this.raw = raw;
    this.handshake = handshake;
    this.script = script;
    this.writer = new FrameWriter(id);
  }

  /** @return the handshake request, or {@code null} while (or when never) read */
  public RecordedRequest request() {
    return request;
  }

  /** @return the sub-protocol answered in the {@code 101}, or {@code null} */
  public String subProtocol() {
    return subProtocol;
  }

  /** @return whether upgraded, no close frame sent or received, TCP still connected */
  public boolean isOpen() {
    return open && !closeSent.get() && !closeReceived && isConnected();
  }

  /** @return whether the TCP connection is still there */
  public boolean isConnected() {
    return disconnected.getCount() > 0;
  }

  /** @return the payloads of every pong received, in order */
  public List<byte[]> pongs() {
    return pings.pongs();
  }

  /** @return why the connection ended abnormally, or {@code null} */
  public String failure() {
    return failure;
  }

  /**
   * @param text a text message to send in one frame
   * @throws IOException when the write fails
   */
  public void sendText(String text) throws IOException {
    writer.writeFrame(Frame.TEXT, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @param bytes a binary message to send in one frame
   * @throws IOException when the write fails
   */
  public void sendBinary(byte[] bytes) throws IOException {
    writer.writeFrame(Frame.BINARY, bytes);
  }

  /**
   * @param payload at most 125 bytes
   * @return completes with the next pong's payload, or exceptionally when the write fails or the connection ends
   */
  public CompletableFuture<byte[]> ping(byte[] payload) {
    CompletableFuture<byte[]> pong = pings.expectPong();
    try {
      writer.writeFrame(Frame.PING, payload);
    } catch (IOException e) {
      pings.forget(pong, e);
    }
    return pong;
  }

  /**
   * Sends a close frame (once; later calls do nothing) and closes the TCP connection if the client has not closed it
   * within 5 s.
   *
   * @param code   close code, sent as given
   * @param reason reason, at most 123 UTF-8 bytes
   * @throws IOException when the write fails
   */
  public void close(int code, String reason) throws IOException {
    if (!closeSent.compareAndSet(false, true)) {
      return;
    }
    host.schedule(() -> {
      if (isConnected()) {
        closeRaw();
      }
    }, CLOSE_TIMEOUT_MILLIS);
    writer.writeFrame(Frame.CLOSE, CloseFrames.body(code, reason));
  }

  /** Resets the TCP connection now: SO_LINGER 0 and close, so the client gets an RST and no close frame. */
  public void reset() {
    reset = true;
    try {
      raw.setSoLinger(true, 0);
    } catch (IOException e) {
      // already closed
    }
    closeRaw();
  }

  /** Stops reading between frames until {@link #resumeReading()}. */
  public void pauseReading() {
    paused = true;
  }

  /** Reads again (unless the whole server is paused). */
  public void resumeReading() {
    paused = false;
    wakeUp();
  }

  /**
   * @param timeout how long to wait
   * @return whether the TCP connection was gone within {@code timeout}
   * @throws InterruptedException when interrupted
   */
  public boolean awaitDisconnect(Duration timeout) throws InterruptedException {
    return disconnected.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Closes the socket without ceremony; used on server shutdown too. */
  public void closeRaw() {
    try {
      raw.close();
    } catch (IOException e) {
      // nothing to do
    }
    wakeUp();
  }

  /** Lets a reading paused by this connection or by the server check again whether it may go on. */
  public void wakeUp() {
    synchronized (pauseMonitor) {
      pauseMonitor.notifyAll();
    }
  }

  /** Serves the connection until it ends; on the connection's own thread. */
  public void run() {
    try {
      serve();
    } catch (ProtocolException e) {
      fail(e.code(), e.getMessage());
    } catch (IOException e) {
      // the client went away (with or without a close frame) or the server closed or reset the socket: only a
      // failure before a request was read is worth reporting
      if (request == null && failure == null && !reset && !host.isClosed() && !(e instanceof EOFException)) {
        failure = "before the request: " + e;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      failure = "unexpected: " + e;
      fail(1011, "mock server error");
    } finally {
      end();
    }
  }

  // ---- for the read loop, on the connection's thread ----

  ConnectionHost host() {
    return host;
  }

  int id() {
    return id;
  }

  FrameWriter writer() {
    return writer;
  }

  PingTracker pings() {
    return pings;
  }

  boolean isCloseSent() {
    return closeSent.get();
  }

  /** @return whether the caller is the one to send the close frame (none was sent yet) */
  boolean claimCloseSent() {
    return closeSent.compareAndSet(false, true);
  }

  void closeReceived() {
    closeReceived = true;
  }

  void failure(String why) {
    failure = why;
  }

  void awaitReadable() throws InterruptedException {
    synchronized (pauseMonitor) {
      while ((paused || host.isReadingPaused()) && !raw.isClosed()) {
        pauseMonitor.wait();
      }
    }
  }

  // ---- serving ----

  private void serve() throws IOException, InterruptedException {
    if (handshake.kind() == HandshakePolicy.Kind.STALL_BEFORE_REQUEST) {
      drain(raw.getInputStream());
      return;
    }
    Socket socket = host.sslContext() == null ? raw : startTls();
    DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
    writer.attach(socket.getOutputStream());
    RecordedRequest parsed;
    try {
      List<String> head = Http.readHead(in);
      if (head == null) {
        return;
      }
      parsed = host.request(id, Http.parse(head));
    } catch (Http.BadRequestException e) {
      failure = e.getMessage();
      writer.write(Http.response(e.status, List.of(), e.getMessage()));
      return;
    }
    request = parsed;
    host.record(parsed);
    if (!handshake.delay().isZero() && host.awaitClosed(handshake.delay())) {
      return;
    }
    switch (handshake.kind()) {
      case RESET:
        reset();
        return;
      case STALL:
        drain(in);
        return;
      case REJECT:
      case NO_UPGRADE:
        writer.write(Http.response(handshake.status(), handshake.headers(), handshake.body()));
        return;
      default:
        upgrade(parsed, in);
    }
  }

  private Socket startTls() throws IOException {
    SSLSocket tls = (SSLSocket) host.sslContext().getSocketFactory()
        .createSocket(raw, raw.getInetAddress().getHostAddress(), raw.getPort(), true);
    tls.setUseClientMode(false);
    ssl = tls;
    try {
      tls.startHandshake();
    } catch (IOException e) {
      if (!host.isClosed() && !reset) {
        failure = "TLS handshake failed: " + e;
      }
      throw e;
    }
    return tls;
  }

  private void upgrade(RecordedRequest request, DataInputStream in) throws IOException, InterruptedException {
    UpgradeResponse answer = UpgradeResponse.to(request, handshake);
    subProtocol = answer.protocol(); // before the client can see the answer
    writer.write(Http.response(answer.status(), answer.headers(), answer.body()));
    if (!answer.upgrades()) {
      return;
    }
    open = true; // only now may other threads send frames
    new ReadLoop(this, script, new FrameReader(in, host.maxMessageSize())).run();
  }

  private void fail(int code, String message) {
    if (failure == null) {
      failure = "closed with " + code + ": " + message;
    }
    if (open && writer.isAttached() && !reset) {
      try {
        close(code, message);
      } catch (IOException | RuntimeException e) {
        // the connection is going away anyway
      }
    }
  }

  private void end() {
    open = false;
    if (!reset && ssl != null && !host.isClosed()) {
      try {
        host.schedule(this::closeRaw, 1_000); // do not let close_notify block
        ssl.close();
      } catch (IOException | RuntimeException e) {
        // fall through to the raw close
      }
    }
    closeRaw();
    disconnected.countDown();
    pings.failPending(new IOException("connection " + id + " ended before the pong"));
    wakeUp();
  }

  private static void drain(InputStream input) throws IOException {
    byte[] buffer = new byte[8192];
    while (input.read(buffer) >= 0) {
      // discard until the client goes away
    }
  }
}
