package io.minisocket.adapter.my;

import static org.assertj.core.api.Assertions.assertThat;

import io.minisocket.core.ConnectOptions;
import io.minisocket.core.OpenEvent;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.SocketResult;
import io.minisocket.core.SocketTask;
import io.minisocket.core.transport.Transport;
import io.minisocket.testkit.MockWebSocketServer;
import io.minisocket.testkit.SelfSignedCertificate;
import io.minisocket.transport.vertx.VertxTransport;
import io.minisocket.transport.vertx.VertxTransportOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the end-to-end tests share: a self-signed certificate for {@code wss://localhost}, transports that trust it,
 * servers and facades closed after each test, and {@link Events} to wait for callbacks.
 */
@Timeout(30)
abstract class MyTestBase {
  static final Duration WAIT = Duration.ofSeconds(10);

  static SelfSignedCertificate certificate;
  static Path trustPem;

  private final Deque<AutoCloseable> resources = new ArrayDeque<>();

  @BeforeAll
  static void certificate(@TempDir Path dir) throws IOException {
    certificate = SelfSignedCertificate.localhost();
    trustPem = certificate.writeCertificatePem(dir);
  }

  @AfterEach
  void closeResources() throws Exception {
    while (!resources.isEmpty()) {
      resources.pop().close();
    }
  }

  /** Closes {@code resource} after the test, in reverse order of tracking. */
  <T extends AutoCloseable> T track(T resource) {
    resources.push(resource);
    return resource;
  }

  /** @return a started echo server on {@code wss://localhost:port/} */
  MockWebSocketServer wssServer() {
    return track(MockWebSocketServer.builder().tls(certificate).start());
  }

  /** @return a transport that trusts the test certificate */
  Transport transport() {
    return transport(VertxTransportOptions.builder());
  }

  /** @return a transport from these options plus trust in the test certificate */
  Transport transport(VertxTransportOptions.Builder options) {
    return track(VertxTransport.create(options.trustPem(trustPem).build()));
  }

  /** @return a facade with default settings and configuration over a trusting transport */
  My my() {
    return my(MySettings.defaults());
  }

  /** @return a facade with these settings and the default configuration over a trusting transport */
  My my(MySettings settings) {
    return track(My.create(transport(), settings));
  }

  /** @return a facade with these settings and configuration over the given transport */
  My my(Transport transport, MySettings settings, SocketConfig config) {
    return track(My.create(transport, settings.toBuilder().config(config).build()));
  }

  /** Opens a task ({@code multiple: true}) and waits until it is open. */
  static SocketTask openTask(My my, String url) {
    SocketTask task = my.connectSocketTask(ConnectOptions.of(url));
    awaitOpen(task);
    return task;
  }

  /** Waits for the task's open event; call it before the handshake can have finished. */
  static void awaitOpen(SocketTask task) {
    Events<OpenEvent> opened = new Events<>();
    task.onOpen(opened);
    opened.next();
  }

  /** Opens the single-instance socket and waits until onSocketOpen reports it. */
  static void openGlobal(My my, String url) {
    Events<OpenEvent> opened = new Events<>();
    my.onSocketOpen(opened);
    my.connectSocket(ConnectOptions.of(url));
    opened.next();
    my.offSocketOpen(opened);
  }

  /** A JavaScript-style options object: alternating keys and values, in order. */
  static Map<String, Object> js(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  /** Asserts an Alipay failure: numeric {@code error}, an {@code errorMessage}, no {@code errMsg}. */
  static void assertAlipayError(SocketResult result, int code) {
    assertThat(result.ok()).as("%s", result).isFalse();
    assertThat(result.error()).as("%s", result).hasValue(code);
    assertThat(result.errorMessage()).as("%s", result).isNotBlank();
    assertThat(result.errMsg()).as("%s", result).isNull();
    assertThat(result.toMap()).containsOnlyKeys("error", "errorMessage");
  }

  /**
   * Events of one kind, as a listener or callback receives them, to wait for.
   *
   * @param <T> the event type
   */
  static final class Events<T> implements Consumer<T> {
    private final BlockingQueue<T> queue = new LinkedBlockingQueue<>();

    @Override
    public void accept(T event) {
      queue.add(event);
    }

    /** @return the next event, waiting at most {@link #WAIT} */
    T next() {
      try {
        T event = queue.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(event).as("no event within %s", WAIT).isNotNull();
        return event;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }

    /** @return how many events arrived and were not taken yet */
    int pending() {
      return queue.size();
    }
  }
}
