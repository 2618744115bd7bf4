package io.minisocket.testkit;

import io.minisocket.testkit.internal.CloseFrames;
import io.minisocket.testkit.internal.ConnectionEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One TCP connection accepted by a {@link MockWebSocketServer}, with the controls a test uses at runtime: push
 * messages, ping, close, reset, pause reading. Get it from {@link MockWebSocketServer#takeConnection(Duration)} or
 * {@link MockWebSocketServer#connections()}.
 *
 * <p>Lifecycle: accepted, then (by its {@link Handshake}) upgraded or answered, then disconnected; it is never reused.
 * Threading: thread-safe; each connection is served by its own thread, on which the {@link Script}'s reply functions
 * run. Nothing is lost: every data message and close frame received is recorded, and a {@link #ping()} still waiting
 * when the connection ends completes exceptionally.
 */
public final class ServerConnection {
  private final MockWebSocketServer server;
  private final int id;
  private final Handshake handshake;
  private final Script script;
  private final ConnectionEngine engine;

  ServerConnection(MockWebSocketServer server, int id, Handshake handshake, Script script, ConnectionEngine engine) {
    this.server = server;
    this.id = id;
    this.handshake = handshake;
    this.script = script;
    this.engine = engine;
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
    return engine.request();
  }

  /** @return the sub-protocol answered in the {@code 101}, or {@code null} when none (or not upgraded) */
  public String subProtocol() {
    return engine.subProtocol();
  }

  /** @return whether the WebSocket is open: upgraded, no close frame sent or received, TCP still connected */
  public boolean isOpen() {
    return engine.isOpen();
  }

  /** @return whether the TCP connection is still there (from the server's side) */
  public boolean isConnected() {
    return engine.isConnected();
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
    return engine.pongs();
  }

  /**
   * @return why the server ended this connection abnormally (a protocol error by the client, such as an unmasked
   *     frame or invalid UTF-8, a failed TLS handshake, a throwing reply function), or {@code null}
   */
  public String failure() {
    return engine.failure();
  }

  /**
   * Sends a text message.
   *
   * @param text the text
   * @throws IllegalStateException when the WebSocket is not open
   * @throws UncheckedIOException  when the write fails
   */
  public void send(String text) {
    checkOpen();
    try {
      engine.sendText(text);
    } catch (IOException e) {
      throw writeFailed(e);
    }
  }

  /**
   * Sends a binary message.
   *
   * @param bytes the payload
   * @throws IllegalStateException when the WebSocket is not open
   * @throws UncheckedIOException  when the write fails
   */
  public void send(byte[] bytes) {
    checkOpen();
    try {
      engine.sendBinary(bytes.clone());
    } catch (IOException e) {
      throw writeFailed(e);
    }
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
    if (!isOpen()) {
      return CompletableFuture.failedFuture(new IllegalStateException("connection " + id + " is not open"));
    }
    return engine.ping(payload);
  }

  /**
   * Starts the closing handshake: sends a close frame, waits for the client's (at most 5 s), then closes the TCP
   * connection. Does nothing when a close frame was already sent. The code is not validated.
   *
   * @param code   close code, 0..65535
   * @param reason reason, at most 123 UTF-8 bytes
   */
  public void close(int code, String reason) {
    CloseFrames.check(code, reason);
    try {
      engine.close(code, reason);
    } catch (IOException e) {
      throw new UncheckedIOException("connection " + id + ": cannot send the close frame", e);
    }
  }

  /** Resets the TCP connection now: SO_LINGER 0 and close, so the client gets an RST and no close frame. */
  public void reset() {
    engine.reset();
  }

  /**
   * Stops reading from the socket (between frames), so the client's writes back up once the TCP buffers are full.
   * Pings, pongs, close frames and disconnects are not noticed while paused.
   */
  public void pauseReading() {
    engine.pauseReading();
  }

  /** Reads again after {@link #pauseReading()} (unless the whole server is paused). */
  public void resumeReading() {
    engine.resumeReading();
  }

  /**
   * Waits until the TCP connection is gone (the client closed or reset it, or the server closed it).
   *
   * @param timeout how long to wait
   * @throws AssertionError when it is still connected after {@code timeout}
   */
  public void awaitDisconnect(Duration timeout) {
    try {
      if (!engine.awaitDisconnect(timeout)) {
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
    RecordedRequest request = engine.request();
    String failure = engine.failure();
    return "ServerConnection[" + id + ", " + handshake + ", " + (isOpen() ? "open" : isConnected() ? "connected"
        : "disconnected") + (request == null ? "" : ", " + request.method() + " " + request.path())
        + (failure == null ? "" : ", failure: " + failure) + "]";
  }

  ConnectionEngine engine() {
    return engine;
  }

  private void checkOpen() {
    if (!isOpen()) {
      throw new IllegalStateException("connection " + id + " is not open: " + this);
    }
  }

  private UncheckedIOException writeFailed(IOException e) {
    return new UncheckedIOException("connection " + id + ": write failed", e);
  }
}
