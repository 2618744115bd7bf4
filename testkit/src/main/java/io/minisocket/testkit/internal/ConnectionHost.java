package io.minisocket.testkit.internal;

import io.minisocket.testkit.RecordedClose;
import io.minisocket.testkit.RecordedRequest;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * What a {@link ConnectionEngine} needs from the server that accepted its connection: settings, the server's state,
 * a timer, and the recordings. Implemented by {@link io.minisocket.testkit.MockWebSocketServer}; thread-safe.
 */
public interface ConnectionHost {
  /** @return the server's TLS context, or {@code null} for a plain server */
  SSLContext sslContext();

  /** @return the largest data message accepted, fragments joined */
  int maxMessageSize();

  /** @return whether the server was closed */
  boolean isClosed();

  /** @return whether the server paused reading on every connection */
  boolean isReadingPaused();

  /**
   * @param delay how long to wait
   * @return whether the server was closed within {@code delay}
   * @throws InterruptedException when interrupted
   */
  boolean awaitClosed(Duration delay) throws InterruptedException;

  /**
   * @param task        what to run on the server's timer; run at once when the server is closing
   * @param delayMillis after how long
   */
  void schedule(Runnable task, long delayMillis);

  /**
   * @param connectionId the connection it came on
   * @param head         the parsed request head
   * @return the head as a recorded request (not recorded yet)
   */
  RecordedRequest request(int connectionId, RequestHead head);

  /** @param request a handshake request read */
  void record(RecordedRequest request);

  /**
   * @param connectionId the connection it came on
   * @param text         a complete text message received
   */
  void recordText(int connectionId, String text);

  /**
   * @param connectionId the connection it came on
   * @param bytes        a complete binary message received
   */
  void recordBinary(int connectionId, byte[] bytes);

  /** @param close a close frame received */
  void record(RecordedClose close);
}
