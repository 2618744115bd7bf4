package io.minisocket.testkit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLSocket;

/**
 * One TCP connection accepted by a {@link MockWebSocketServer}, with the controls a test uses at runtime: push
 * messages, ping, close, reset, pause reading. Get it from {@link MockWebSocketServer#takeConnection(Duration)} or
 * {@link MockWebSocketServer#connections()}. Thread-safe; each connection is served by its own thread.
 */
public final class ServerConnection {
  private static final int OP_CONTINUATION = 0x0;
  private static final int OP_TEXT = 0x1;
  private static final int OP_BINARY = 0x2;
  private static final int OP_CLOSE = 0x8;
  private static final int OP_PING = 0x9;
  private static final int OP_PONG = 0xA;
  private static final long CLOSE_TIMEOUT_MILLIS = 5_000;

  private final MockWebSocketServer server;
  private final int id;
  private final Socket raw;
  private final Handshake handshake;
  private final Script script;
  private final Object writeLock = new Object();
  private final Object pauseMonitor = new Object();
  private final AtomicBoolean closeSent = new AtomicBoolean();
  private final CountDownLatch disconnected = new CountDownLatch(1);
  private final Queue<CompletableFuture<byte[]>> pendingPings = new ConcurrentLinkedQueue<>();
  private final List<byte[]> pongs = new CopyOnWriteArrayList<>();

  private volatile SSLSocket ssl;
  private volatile DataInputStream in;
  private volatile OutputStream out;
  private volatile RecordedRequest request;
  private volatile String subProtocol;
  private volatile boolean open;
  private volatile boolean closeReceived;
  private volatile boolean paused;
  private volatile boolean reset;
  private volatile String failure;

  ServerConnection(MockWebSocketServer server, int id, Socket raw, Handshake handshake, Script script) {
    this.server = server;
    this.id = id;
    this.raw = raw;
    this.handshake = handshake;
    this.script = script;
  }

  /** @return this connection's id: 1 for the server's first accepted TCP connection, then 2, ... */
  public int id() {
    return id;
  }

  /** @return the handshake policy this connection was given */
  public Handshake handshake() {
    return handshake;
  }

  /** @return the script this connection was given (used only when the handshake was accepted) */
  public Script script() {
    return script;
  }

  /** @return the handshake request, or {@code null} while (or when never) read */
  public RecordedRequest request() {
    return request;
  }

  /** @return the sub-protocol answered in the {@code 101}, or {@code null} when none (or not upgraded) */
  public String subProtocol() {
    return subProtocol;
  }

  /** @return whether the WebSocket is open: upgraded, no close frame sent or received, TCP still connected */
  public boolean isOpen() {
    return open && !closeSent.get() && !closeReceived && disconnected.getCount() > 0;
  }

  /** @return whether the TCP connection is still there (from the server's side) */
  public boolean isConnected() {
    return disconnected.getCount() > 0;
  }

  /** @return every data message received on this connection so far, in order */
  public List<RecordedMessage> received() {
    List<RecordedMessage> mine = new ArrayList<>();
    for (RecordedMessage message : server.received()) {
      if (message.connectionId() == id) {
        mine.add(message);
      }
    }
    return mine;
  }

  /** @return the payloads of every pong received, in order */
  public List<byte[]> pongs() {
    return List.copyOf(pongs);
  }

  /**
   * @return why the server ended this connection abnormally (a protocol error by the client, such as an unmasked
   *     frame or invalid UTF-8, a failed TLS handshake, a throwing reply function), or {@code null}
   */
  public String failure() {
    return failure;
  }

  /**
   * Sends a text message.
   *
   * @param text the text
   * @throws IllegalStateException when the WebSocket is not open
   * @throws UncheckedIOException  when the write fails
   */
  public void send(String text) {
    sendPublic(OP_TEXT, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Sends a binary message.
   *
   * @param bytes the payload
   * @throws IllegalStateException when the WebSocket is not open
   * @throws UncheckedIOException  when the write fails
   */
  public void send(byte[] bytes) {
    sendPublic(OP_BINARY, bytes.clone());
  }

  /** @return see {@link #ping(byte[])}; the payload is {@code "ping"} */
  public CompletableFuture<byte[]> ping() {
    return ping("ping".getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Sends a ping; the pong is recorded in {@link #pongs()}. While reading is paused the pong is not read.
   *
   * @param payload at most 125 bytes
   * @return completes with the next pong's payload, or exceptionally when the connection ends first
   */
  public CompletableFuture<byte[]> ping(byte[] payload) {
    if (payload.length > 125) {
      throw new IllegalArgumentException("a ping payload is at most 125 bytes");
    }
    CompletableFuture<byte[]> pong = new CompletableFuture<>();
    if (!isOpen()) {
      pong.completeExceptionally(new IllegalStateException("connection " + id + " is not open"));
      return pong;
    }
    pendingPings.add(pong);
    try {
      write(frame(OP_PING, payload));
    } catch (IOException e) {
      pendingPings.remove(pong);
      pong.completeExceptionally(e);
    }
    return pong;
  }

  /**
   * Starts the closing handshake: sends a close frame, waits for the client's (at most 5 s), then closes the TCP
   * connection. Does nothing when a close frame was already sent. The code is not validated.
   *
   * @param code   close code, 0..65535
   * @param reason reason, at most 123 UTF-8 bytes
   */
  public void close(int code, String reason) {
    Script.checkClose(code, reason);
    try {
      sendClose(code, reason);
    } catch (IOException e) {
      throw new UncheckedIOException("connection " + id + ": cannot send the close frame", e);
    }
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

  /**
   * Stops reading from the socket (between frames), so the client's writes back up once the TCP buffers are full.
   * Pings, pongs, close frames and disconnects are not noticed while paused.
   */
  public void pauseReading() {
    paused = true;
  }

  /** Reads again after {@link #pauseReading()} (unless the whole server is paused). */
  public void resumeReading() {
    paused = false;
    wakeUp();
  }

  /**
   * Waits until the TCP connection is gone (the client closed or reset it, or the server closed it).
   *
   * @param timeout how long to wait
   * @throws AssertionError when it is still connected after {@code timeout}
   */
  public void awaitDisconnect(Duration timeout) {
    try {
      if (!disconnected.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        throw new AssertionError("connection " + id + " still connected after " + timeout + ": " + this);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** @return a description for test failure messages */
  @Override
  public String toString() {
    return "ServerConnection[" + id + ", " + handshake + ", " + (isOpen() ? "open" : isConnected() ? "connected"
        : "disconnected") + (request == null ? "" : ", " + request.method() + " " + request.path())
        + (failure == null ? "" : ", failure: " + failure) + "]";
  }

  // ---- internals, on the connection's thread ----

  void run() {
    try {
      serve();
    } catch (ProtocolException e) {
      fail(e.code, e.getMessage());
    } catch (IOException e) {
      // the client went away (with or without a close frame) or the server closed or reset the socket: only a
      // failure before a request was read is worth reporting
      if (request == null && failure == null && !reset && !server.isClosed() && !(e instanceof EOFException)) {
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

  private void serve() throws IOException, InterruptedException {
    if (handshake.kind() == Handshake.Kind.STALL_BEFORE_REQUEST) {
      drain(raw.getInputStream());
      return;
    }
    Socket socket = raw;
    if (server.sslContext() != null) {
      SSLSocket tls = (SSLSocket) server.sslContext().getSocketFactory()
          .createSocket(raw, raw.getInetAddress().getHostAddress(), raw.getPort(), true);
      tls.setUseClientMode(false);
      ssl = tls;
      try {
        tls.startHandshake();
      } catch (IOException e) {
        if (!server.isClosed() && !reset) {
          failure = "TLS handshake failed: " + e;
        }
        throw e;
      }
      socket = tls;
    }
    in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
    out = socket.getOutputStream();
    RecordedRequest parsed;
    try {
      List<String> head = Http.readHead(in);
      if (head == null) {
        return;
      }
      parsed = Http.parse(id, head);
    } catch (Http.BadRequestException e) {
      failure = e.getMessage();
      answer(e.status, List.of(), e.getMessage());
      return;
    }
    request = parsed;
    server.record(parsed);
    if (!handshake.delay().isZero() && server.awaitClosed(handshake.delay())) {
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
        answer(handshake.status(), handshake.headers(), handshake.body());
        return;
      default:
        upgrade(parsed);
    }
  }

  private void upgrade(RecordedRequest request) throws IOException, InterruptedException {
    if (!"GET".equals(request.method())) {
      answer(405, List.<String[]>of(new String[] {"Allow", "GET"}), "a WebSocket handshake must be a GET");
      return;
    }
    if (!hasToken(request, "Upgrade", "websocket") || !hasToken(request, "Connection", "upgrade")) {
      answer(400, List.of(), "not a WebSocket upgrade: Upgrade: websocket and Connection: Upgrade are needed");
      return;
    }
    String key = request.header("Sec-WebSocket-Key");
    if (key == null || !isNonce(key)) {
      answer(400, List.of(), "missing or malformed Sec-WebSocket-Key");
      return;
    }
    if (!"13".equals(request.header("Sec-WebSocket-Version"))) {
      answer(426, List.<String[]>of(new String[] {"Sec-WebSocket-Version", "13"}),
          "only WebSocket version 13 is supported");
      return;
    }
    String protocol = null;
    switch (handshake.protocolRule()) {
      case FORCE:
        protocol = handshake.protocols().get(0);
        break;
      case SELECT:
      case REQUIRE:
        for (String offered : request.subProtocols()) {
          if (handshake.protocols().contains(offered)) {
            protocol = offered;
            break;
          }
        }
        if (protocol == null && handshake.protocolRule() == Handshake.ProtocolRule.REQUIRE) {
          answer(400, List.of(), "none of the offered sub-protocols " + request.subProtocols()
              + " is supported; expected one of " + handshake.protocols());
          return;
        }
        break;
      default:
        break;
    }
    List<String[]> headers = new ArrayList<>();
    headers.add(new String[] {"Upgrade", "websocket"});
    headers.add(new String[] {"Connection", "Upgrade"});
    headers.add(new String[] {"Sec-WebSocket-Accept", Http.acceptKey(key)});
    if (protocol != null) {
      headers.add(new String[] {"Sec-WebSocket-Protocol", protocol});
    }
    headers.addAll(handshake.headers());
    subProtocol = protocol;
    write(Http.response(101, headers, null));
    open = true; // only now may other threads send frames
    runScript();
  }

  private void runScript() throws IOException, InterruptedException {
    for (Object message : script.onOpen()) {
      write(message instanceof String ? frame(OP_TEXT, ((String) message).getBytes(StandardCharsets.UTF_8))
          : frame(OP_BINARY, (byte[]) message));
    }
    if (script.resetAfter() == 0) {
      reset();
      return;
    }
    if (script.closeAfter() == 0) {
      sendClose(script.closeCode(), script.closeReason());
    }
    readLoop();
  }

  private void readLoop() throws IOException, InterruptedException {
    int messages = 0;
    int messageOpcode = -1;
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    while (true) {
      awaitReadable();
      int b0 = in.read();
      if (b0 < 0) {
        return; // the client closed the TCP connection
      }
      int b1 = in.readUnsignedByte();
      boolean fin = (b0 & 0x80) != 0;
      int opcode = b0 & 0x0F;
      long length = b1 & 0x7F;
      if (length == 126) {
        length = in.readUnsignedShort();
      } else if (length == 127) {
        length = in.readLong();
        if (length < 0) {
          throw new ProtocolException(1002, "negative frame length");
        }
      }
      if ((b0 & 0x70) != 0) {
        throw new ProtocolException(1002, "reserved bits set (no extension was negotiated)");
      }
      if ((b1 & 0x80) == 0) {
        throw new ProtocolException(1002, "client frame not masked");
      }
      boolean control = opcode >= 0x8;
      if (control && (!fin || length > 125)) {
        throw new ProtocolException(1002, "fragmented or oversized control frame");
      }
      if (opcode != OP_CONTINUATION && opcode != OP_TEXT && opcode != OP_BINARY && !control
          || control && opcode > OP_PONG) {
        throw new ProtocolException(1002, "unknown opcode " + opcode);
      }
      if (!control && message.size() + length > server.maxMessageSize()) {
        throw new ProtocolException(1009, "message larger than " + server.maxMessageSize() + " bytes");
      }
      byte[] mask = new byte[4];
      in.readFully(mask);
      byte[] payload = new byte[(int) length];
      in.readFully(payload);
      for (int i = 0; i < payload.length; i++) {
        payload[i] ^= mask[i & 3];
      }
      if (opcode == OP_CLOSE) {
        onClose(payload);
        return;
      }
      if (opcode == OP_PING) {
        if (!closeSent.get()) {
          write(frame(OP_PONG, payload));
        }
        continue;
      }
      if (opcode == OP_PONG) {
        pongs.add(payload);
        CompletableFuture<byte[]> pending = pendingPings.poll();
        if (pending != null) {
          pending.complete(payload.clone());
        }
        continue;
      }
      if (opcode == OP_CONTINUATION ? messageOpcode < 0 : messageOpcode >= 0) {
        throw new ProtocolException(1002, opcode == OP_CONTINUATION ? "continuation without a message"
            : "new message inside a fragmented one");
      }
      if (opcode != OP_CONTINUATION) {
        messageOpcode = opcode;
      }
      message.write(payload, 0, payload.length);
      if (!fin) {
        continue;
      }
      byte[] bytes = message.toByteArray();
      message.reset();
      int kind = messageOpcode;
      messageOpcode = -1;
      messages++;
      if (kind == OP_TEXT) {
        String text = utf8(bytes, 1007, "text message is not valid UTF-8");
        server.record(RecordedMessage.text(id, text));
        if (script.resetAfter() == messages) {
          reset();
          return;
        }
        if (!closeSent.get()) {
          String answer;
          try {
            answer = script.textReply().apply(text);
          } catch (RuntimeException e) {
            failure = "the reply function threw " + e;
            throw new ProtocolException(1011, "reply function failed");
          }
          if (answer != null) {
            write(frame(OP_TEXT, answer.getBytes(StandardCharsets.UTF_8)));
          }
        }
      } else {
        server.record(RecordedMessage.binary(id, bytes));
        if (script.resetAfter() == messages) {
          reset();
          return;
        }
        if (!closeSent.get()) {
          byte[] answer;
          try {
            answer = script.binaryReply().apply(bytes.clone());
          } catch (RuntimeException e) {
            failure = "the binary reply function threw " + e;
            throw new ProtocolException(1011, "reply function failed");
          }
          if (answer != null) {
            write(frame(OP_BINARY, answer));
          }
        }
      }
      if (script.closeAfter() == messages) {
        sendClose(script.closeCode(), script.closeReason());
      }
    }
  }

  private void onClose(byte[] payload) throws IOException {
    closeReceived = true;
    int code;
    String reason;
    if (payload.length == 0) {
      code = RecordedClose.NO_STATUS;
      reason = "";
    } else if (payload.length == 1) {
      server.record(new RecordedClose(id, RecordedClose.NO_STATUS, ""));
      throw new ProtocolException(1002, "close frame with a one-byte body");
    } else {
      code = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
      reason = utf8(java.util.Arrays.copyOfRange(payload, 2, payload.length), -1, null);
      if (reason == null) {
        server.record(new RecordedClose(id, code, new String(payload, 2, payload.length - 2,
            StandardCharsets.UTF_8)));
        throw new ProtocolException(1007, "close reason is not valid UTF-8");
      }
    }
    server.record(new RecordedClose(id, code, reason));
    if (closeSent.compareAndSet(false, true)) {
      byte[] answer;
      if (payload.length == 0) {
        answer = new byte[0];
      } else if (isValidWireCode(code)) {
        answer = new byte[] {payload[0], payload[1]};
      } else {
        failure = "invalid close code " + code;
        answer = new byte[] {(byte) (1002 >> 8), (byte) (1002 & 0xFF)};
      }
      write(frame(OP_CLOSE, answer));
    }
  }

  private void sendClose(int code, String reason) throws IOException {
    if (!closeSent.compareAndSet(false, true)) {
      return;
    }
    byte[] reasonBytes = reason.getBytes(StandardCharsets.UTF_8);
    byte[] payload = new byte[2 + reasonBytes.length];
    payload[0] = (byte) (code >> 8);
    payload[1] = (byte) code;
    System.arraycopy(reasonBytes, 0, payload, 2, reasonBytes.length);
    server.schedule(() -> {
      if (isConnected()) {
        closeRaw();
      }
    }, CLOSE_TIMEOUT_MILLIS);
    write(frame(OP_CLOSE, payload));
  }

  private void fail(int code, String message) {
    if (failure == null) {
      failure = "closed with " + code + ": " + message;
    }
    if (open && out != null && !reset) {
      try {
        sendClose(code, message);
      } catch (IOException | RuntimeException e) {
        // the connection is going away anyway
      }
    }
  }

  private void end() {
    open = false;
    if (!reset && ssl != null && !server.isClosed()) {
      try {
        server.schedule(this::closeRaw, 1_000); // do not let close_notify block
        ssl.close();
      } catch (IOException | RuntimeException e) {
        // fall through to the raw close
      }
    }
    closeRaw();
    disconnected.countDown();
    IOException gone = new IOException("connection " + id + " ended before the pong");
    for (CompletableFuture<byte[]> pending; (pending = pendingPings.poll()) != null; ) {
      pending.completeExceptionally(gone);
    }
    wakeUp();
  }

  /** Closes the socket without ceremony; used on server shutdown too. */
  void closeRaw() {
    try {
      raw.close();
    } catch (IOException e) {
      // nothing to do
    }
    wakeUp();
  }

  void wakeUp() {
    synchronized (pauseMonitor) {
      pauseMonitor.notifyAll();
    }
  }

  private void awaitReadable() throws InterruptedException {
    synchronized (pauseMonitor) {
      while ((paused || server.isReadingPaused()) && !raw.isClosed()) {
        pauseMonitor.wait();
      }
    }
  }

  private void sendPublic(int opcode, byte[] payload) {
    if (!isOpen()) {
      throw new IllegalStateException("connection " + id + " is not open: " + this);
    }
    try {
      write(frame(opcode, payload));
    } catch (IOException e) {
      throw new UncheckedIOException("connection " + id + ": write failed", e);
    }
  }

  private void answer(int status, List<String[]> headers, String body) throws IOException {
    write(Http.response(status, headers, body));
  }

  private void write(byte[] bytes) throws IOException {
    synchronized (writeLock) {
      OutputStream target = out;
      if (target == null) {
        throw new IOException("connection " + id + " has no output yet");
      }
      target.write(bytes);
      target.flush();
    }
  }

  private static void drain(InputStream input) throws IOException {
    byte[] buffer = new byte[8192];
    while (input.read(buffer) >= 0) {
      // discard until the client goes away
    }
  }

  static byte[] frame(int opcode, byte[] payload) {
    int length = payload.length;
    int header = length <= 125 ? 2 : length <= 0xFFFF ? 4 : 10;
    ByteBuffer frame = ByteBuffer.allocate(header + length);
    frame.put((byte) (0x80 | opcode));
    if (length <= 125) {
      frame.put((byte) length);
    } else if (length <= 0xFFFF) {
      frame.put((byte) 126).putShort((short) length);
    } else {
      frame.put((byte) 127).putLong(length);
    }
    return frame.put(payload).array();
  }

  private static String utf8(byte[] bytes, int code, String problem) throws ProtocolException {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      if (code < 0) {
        return null;
      }
      throw new ProtocolException(code, problem);
    }
  }

  private static boolean isValidWireCode(int code) {
    return code >= 1000 && code <= 1003 || code >= 1007 && code <= 1014 || code >= 3000 && code <= 4999;
  }

  private static boolean hasToken(RecordedRequest request, String header, String token) {
    for (String value : request.headerValues(header)) {
      for (String part : value.split(",")) {
        if (part.trim().toLowerCase(Locale.ROOT).equals(token)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isNonce(String key) {
    try {
      return Base64.getDecoder().decode(key.trim()).length == 16;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** A violation by the client that ends the connection with a close code. */
  private static final class ProtocolException extends IOException {
    private static final long serialVersionUID = 1L;
    final int code;

    ProtocolException(int code, String message) {
      super(message);
      this.code = code;
    }
  }
}
