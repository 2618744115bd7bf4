package io.minisocket.transport.vertx.e2e;

import io.minisocket.core.CloseOptions;
import io.minisocket.core.ConnectOptions;
import io.minisocket.core.SendOptions;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.SocketRuntime;
import io.minisocket.core.SocketTask;
import io.minisocket.core.spi.PlatformProfile;
import io.minisocket.core.transport.Transport;
import io.minisocket.transport.vertx.VertxTransport;
import io.minisocket.transport.vertx.VertxTransportOptions;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The base of the end-to-end tests: a {@link SocketRuntime} (core) over a {@link VertxTransport} against real servers
 * on 127.0.0.1, driven and observed through the public API only. Servers run on one shared Vert.x; every runtime
 * gets its own transport. Listeners are registered right after connectSocket returns, as user code does (core hands
 * an open, error or close that came first to every listener registered later). Whatever a test creates through
 * {@link #track} is closed after it, newest first, and every recorded task and call is checked for rule violations
 * (events after onClose, concurrent listener calls, callbacks delivered twice).
 */
abstract class E2e {
  /**
   * How long any single expected event may take. A passing test never waits this long; it is the margin for a
   * starved machine: with 2 cores at a load average of 23 (six engineers building at once), Vert.x's
   * BlockedThreadChecker reported event loops blocked 2-3 s and the first TLS handshake of the JVM took longer than
   * 5 s; a send-queue drain timed out at 5 s once in 7 such suite runs, while in 51 runs with a 60-120 s diagnostic
   * wait every send completed, none lost, 40 of them in one JVM within 66 ms (issue 17, point 13). 5 s left no
   * margin for two such stalls.
   */
  static final Duration WAIT = Duration.ofSeconds(15);

  static Vertx serverVertx;

  @TempDir
  Path tmp;

  private final Deque<AutoCloseable> resources = new ArrayDeque<>();
  private final List<TaskEvents> recorded = Collections.synchronizedList(new ArrayList<>());
  private final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());

  /** A connected (or connecting) task with its recorded events and connect callbacks. */
  record Connected(SocketTask task, TaskEvents events, Outcome connect) {}

  @BeforeAll
  static void startServerVertx() {
    serverVertx = Vertx.vertx();
  }

  @AfterAll
  static void stopServerVertx() throws Exception {
    serverVertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void closeResources() throws Exception {
    Exception first = null;
    while (!resources.isEmpty()) {
      try {
        resources.pop().close();
      } catch (Exception e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
    recorded.forEach(TaskEvents::assertNoViolations);
    outcomes.forEach(Outcome::assertNoViolations);
  }

  /** Closes {@code resource} after the test (newest first). */
  <T extends AutoCloseable> T track(T resource) {
    resources.push(resource);
    return resource;
  }

  /** A test platform: WeChat-like defaults, but ws:// allowed. */
  static PlatformProfile.Builder profile() {
    return PlatformProfile.builder("test").wssRequired(false);
  }

  SocketRuntime runtime() {
    return runtime(profile().build(), SocketConfig.builder().build(), VertxTransportOptions.defaults());
  }

  SocketRuntime runtime(PlatformProfile profile) {
    return runtime(profile, SocketConfig.builder().build(), VertxTransportOptions.defaults());
  }

  SocketRuntime runtime(PlatformProfile profile, SocketConfig config) {
    return runtime(profile, config, VertxTransportOptions.defaults());
  }

  /** A runtime over a new {@link VertxTransport}; both are closed after the test (the runtime first). */
  SocketRuntime runtime(PlatformProfile profile, SocketConfig config, VertxTransportOptions options) {
    return runtime(profile, config, VertxTransport.create(options));
  }

  /** A runtime over {@code transport}; both are closed after the test. */
  SocketRuntime runtime(PlatformProfile profile, SocketConfig config, Transport transport) {
    track(transport);
    return track(SocketRuntime.builder(profile, transport).config(config).build());
  }

  Connected connect(SocketRuntime runtime, String url) {
    return connect(runtime, url, b -> b);
  }

  /**
   * Connects with the connect callbacks recorded, then registers recording listeners (as user code does: right after
   * connectSocket returns).
   */
  Connected connect(SocketRuntime runtime, String url, UnaryOperator<ConnectOptions.Builder> options) {
    List<String> log = TaskEvents.newLog();
    Outcome connect = outcome("connect", log);
    SocketTask task = runtime.connectSocket(options.apply(ConnectOptions.builder().url(url))
        .callbacks(connect.callbacks()).build());
    TaskEvents events = TaskEvents.on(task, url, log);
    recorded.add(events);
    return new Connected(task, events, connect);
  }

  /** Sends with recorded callbacks, logged into the task's log as {@code name}. */
  Outcome send(Connected c, Object data, String name) {
    Outcome o = outcome(name, c.events().log);
    c.task().send(SendOptions.builder().data(data).callbacks(o.callbacks()).build());
    return o;
  }

  /** Sends with recorded callbacks that are not logged (for many sends). */
  Outcome sendQuietly(SocketTask task, Object data, String name) {
    Outcome o = outcome(name, null);
    task.send(SendOptions.builder().data(data).callbacks(o.callbacks()).build());
    return o;
  }

  Outcome close(Connected c, int code, String reason) {
    Outcome o = outcome("close", c.events().log);
    c.task().close(CloseOptions.builder().code(code).reason(reason).callbacks(o.callbacks()).build());
    return o;
  }

  private Outcome outcome(String name, List<String> log) {
    Outcome o = new Outcome(name, log);
    outcomes.add(o);
    return o;
  }

  /** A port on 127.0.0.1 that nothing listens on (just released). */
  static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  static String ws(int port, String path) {
    return "ws://127.0.0.1:" + port + path;
  }
}
