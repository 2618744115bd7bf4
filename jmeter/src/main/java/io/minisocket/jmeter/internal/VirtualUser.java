package io.minisocket.jmeter.internal;

import io.minisocket.core.CloseEvent;
import io.minisocket.core.CloseOptions;
import io.minisocket.core.ConnectOptions;
import io.minisocket.core.MessageEvent;
import io.minisocket.core.OpenEvent;
import io.minisocket.core.SendOptions;
import io.minisocket.core.SocketResult;
import io.minisocket.jmeter.internal.Facades.PooledClient;
import io.minisocket.jmeter.internal.SharedPool.Lease;
import io.minisocket.js.JsException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.jmeter.samplers.SampleResult;

/**
 * One JMeter thread's socket and facade (and its JavaScript scenario, if it runs one), kept for the thread across its
 * samplers. Each method fills one
 * sample: the platform's result as response message (its JSON object) and success flag, {@code errMsg} or Alipay's
 * {@code error} code as response code. Failures of the plugin's own (a timeout, no socket yet, a bad property) use
 * the codes {@link #TIMEOUT}, {@link #NO_SOCKET} and {@link #BAD_PROPERTY}.
 *
 * <p>Lifecycle: made by the thread's first MiniSocket sampler; {@link #endCurrent()} at the thread's end closes its
 * socket (code 1000), lets go of its facade and closes its scenario. Threading: used by its JMeter thread only; the
 * socket's listeners hand events over through futures and a queue. Every wait is bounded by the sampler's timeout.
 */
public final class VirtualUser {
  /** Response code: nothing came within the sampler's timeout, or JMeter interrupted the thread to stop. */
  public static final String TIMEOUT = "timeout";
  /** Response code: a send, receive or close sampler ran before a connect sampler opened a socket. */
  public static final String NO_SOCKET = "no socket";
  /** Response code: a sampler property is invalid; the message says which and why. */
  public static final String BAD_PROPERTY = "bad property";
  /** Response code of a receive that got its message. */
  public static final String ON_MESSAGE = "onMessage";
  /** Response code of a receive that ended because the socket closed. */
  public static final String ON_CLOSE = "onClose";
  /** Response code of a scenario sample whose function returned (or whose Promise resolved). */
  public static final String RETURNED = "returned";
  /** Response code: the scenario's function threw, its Promise rejected, or the file failed to load. */
  public static final String JS_ERROR = "js error";
  /** Response code: a callback, listener or timer of the scenario threw an error no script code caught. */
  public static final String UNCAUGHT = "uncaught";

  /**
   * The thread's user. A thread-local rather than a JMeter variable: JMeter clears a thread's variables before it
   * tells the thread's listeners that the thread has finished, and the socket must still be found then.
   */
  private static final ThreadLocal<VirtualUser> CURRENT = new ThreadLocal<>();
  private static final long END_TIMEOUT_MILLIS = 5_000;

  private Lease<PooledClient> client;
  private Facades.Key clientKey;
  private Socket socket;
  private long roundTripStartMillis = -1;
  private JsScenario scenario;

  private VirtualUser() {
  }

  /** @return the calling JMeter thread's virtual user, made on first use */
  public static VirtualUser current() {
    VirtualUser user = CURRENT.get();
    if (user == null) {
      user = new VirtualUser();
      CURRENT.set(user);
    }
    return user;
  }

  /** Ends the calling JMeter thread's virtual user, if it has one: closes its socket and lets go of its facade. */
  public static void endCurrent() {
    VirtualUser user = CURRENT.get();
    if (user != null) {
      CURRENT.remove();
      user.endSocket("JMeter thread finished", END_TIMEOUT_MILLIS);
      user.releaseClient();
      user.endScenario();
    }
  }

  /**
   * Calls a function of this user's JavaScript scenario, starting the scenario first when the user has none, or one
   * with another spec (script, platform, settings, configuration, trust or globals): the sample's clock starts after
   * that. A call that runs past its time ends the scenario; the next sample starts it again.
   *
   * @param spec          the scenario
   * @param function      the exported function to call
   * @param arguments     its arguments
   * @param timeoutMillis how long loading the file, and then the call, may take
   * @param result        the sample to fill
   */
  public void callScenario(ScenarioSpec spec, String function, List<String> arguments, long timeoutMillis,
      SampleResult result) {
    if (scenario != null && !scenario.spec().equals(spec)) {
      endScenario();
    }
    if (scenario == null) {
      try {
        scenario = JsScenario.start(spec, timeoutMillis);
      } catch (JsException e) {
        result.setStampAndTime(System.currentTimeMillis(), 0);
        failure(result, JS_ERROR, "loading " + spec.script() + ": " + e.error().describe());
        return;
      } catch (RuntimeException e) { // IllegalArgumentException, ConfigException, UncheckedIOException
        result.setStampAndTime(System.currentTimeMillis(), 0);
        if (Thread.currentThread().isInterrupted()) { // JMeter stopping the test while the script started
          timedOut(result, "loading " + spec.script() + ": not done", timeoutMillis, "");
        } else {
          failure(result, BAD_PROPERTY, e.getMessage());
        }
        return;
      }
    }
    if (!scenario.call(function, arguments, timeoutMillis, result)) {
      endScenario();
    }
  }

  private void endScenario() {
    if (scenario != null) {
      scenario.close();
      scenario = null;
    }
  }

  /**
   * Opens this user's socket (closing one it still has). The sample ends at open, error or close; its connect time
   * and latency are the time to open.
   *
   * @param spec   what to connect to, and how
   * @param result the sample to fill
   */
  public void connect(ConnectSpec spec, SampleResult result) {
    endSocket("replaced by a new connect", spec.timeoutMillis());
    ConnectOptions.Builder options;
    PooledClient facade;
    try { // before the sample starts: making the first facade of an engine starts its transport (Vert.x)
      options = ConnectOptions.builder().url(spec.url()).header(spec.headerMap());
      if (!spec.protocolList().isEmpty()) {
        options.protocols(spec.protocolList());
      }
      facade = client(spec.facadeKey(this));
    } catch (RuntimeException e) { // IllegalArgumentException, ConfigException: what the plan got wrong
      result.setStampAndTime(System.currentTimeMillis(), 0);
      failure(result, BAD_PROPERTY, e.getMessage());
      return;
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(spec.timeoutMillis());
    result.sampleStart();
    CompletableFuture<SocketResult> call = new CompletableFuture<>();
    Socket next = new Socket();
    facade.client().connect(options.success(call::complete).fail(call::complete).build(), next::attach);
    SocketResult called = await(call, deadline);
    if (called == null) {
      result.sampleEnd();
      next.closeIfOpen(CloseOptions.NORMAL_CLOSURE, "connect timed out");
      timedOut(result, "connectSocket: no success or fail", spec.timeoutMillis(), "");
      return;
    }
    if (!called.ok()) {
      result.sampleEnd();
      platformResult(result, called);
      next.closeIfOpen(CloseOptions.NORMAL_CLOSURE, "connect failed");
      return;
    }
    Object outcome = await(CompletableFuture.anyOf(next.opened, next.errored, next.closed), deadline);
    if (outcome instanceof OpenEvent open) {
      result.connectEnd();
      result.latencyEnd();
      result.sampleEnd();
      platformResult(result, called);
      result.setResponseHeaders(Json.object(open.header()));
      result.setResponseData(Json.object(Map.of("protocol", open.protocol() == null ? "" : open.protocol())),
          StandardCharsets.UTF_8.name());
      socket = next;
      return;
    }
    result.sampleEnd();
    String state = next.task.isDone() ? " (readyState " + next.task.join().readyState() + ")" : "";
    next.closeIfOpen(CloseOptions.NORMAL_CLOSURE, "connect did not open");
    if (outcome instanceof SocketResult error) {
      platformResult(result, error);
    } else if (outcome instanceof CloseEvent close) {
      failure(result, ON_CLOSE, "closed before it opened: " + Json.object(closeMap(close)));
    } else {
      timedOut(result, "connectSocket: no open, error or close", spec.timeoutMillis(), state);
    }
  }

  /**
   * Sends a message. The sample ends at the platform's success or fail; a receive sampler after it measures the
   * round trip from this send's start.
   *
   * @param data          a String or byte[]
   * @param timeoutMillis how long to wait for success or fail
   * @param result        the sample to fill
   */
  public void send(Object data, long timeoutMillis, SampleResult result) {
    result.sampleStart();
    if (socket == null) {
      result.sampleEnd();
      failure(result, NO_SOCKET, "sendSocketMessage: " + noSocket());
      return;
    }
    roundTripStartMillis = result.getStartTime();
    CompletableFuture<SocketResult> done = new CompletableFuture<>();
    socket.task.join().send(SendOptions.builder().data(data).success(done::complete).fail(done::complete).build());
    SocketResult sent = await(done, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis));
    result.sampleEnd();
    result.setSentBytes(data instanceof byte[] bytes ? bytes.length
        : ((String) data).getBytes(StandardCharsets.UTF_8).length);
    if (sent == null) {
      timedOut(result, "sendSocketMessage: no success or fail", timeoutMillis, "");
    } else {
      platformResult(result, sent);
    }
  }

  /**
   * Waits for a message (containing {@code match}, when given; others are passed over). The sample runs from the
   * start of the send before it (the round trip) — or from now when there was none since the last receive — to the
   * message's arrival.
   *
   * @param match         text the message must contain, or empty for any message
   * @param timeoutMillis how long to wait
   * @param result        the sample to fill
   */
  public void receive(String match, long timeoutMillis, SampleResult result) {
    long now = System.currentTimeMillis();
    long start = roundTripStartMillis >= 0 ? roundTripStartMillis : now;
    roundTripStartMillis = -1;
    if (socket == null) {
      result.setStampAndTime(now, 0);
      failure(result, NO_SOCKET, "onMessage: " + noSocket());
      return;
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    String wanted = match.isEmpty() ? "a message" : "a message containing '" + match + "'";
    try {
      while (true) {
        Object next = socket.next(deadline - System.nanoTime());
        if (next instanceof Socket.Received received && matches(received.message(), match)) {
          long elapsed = Math.max(0, received.arrivedMillis() - start);
          result.setStampAndTime(start, elapsed);
          result.setLatency(elapsed);
          received(result, received.message(), socket.takeDropped());
          return;
        }
        if (next instanceof CloseEvent close) {
          result.setStampAndTime(start, System.currentTimeMillis() - start);
          failure(result, ON_CLOSE, "closed while waiting for " + wanted + ": " + Json.object(closeMap(close)));
          return;
        }
        if (next == null) {
          result.setStampAndTime(start, System.currentTimeMillis() - start);
          timedOut(result, "onMessage: no " + wanted.substring(2), timeoutMillis, "");
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      result.setStampAndTime(start, System.currentTimeMillis() - start);
      timedOut(result, "onMessage: no " + wanted.substring(2), timeoutMillis, "");
    }
  }

  /**
   * Closes the socket. The sample ends at {@code onClose}; its response data is the close event.
   *
   * @param code          the close code
   * @param reason        the close reason
   * @param timeoutMillis how long to wait for the close result and {@code onClose}
   * @param result        the sample to fill
   */
  public void close(int code, String reason, long timeoutMillis, SampleResult result) {
    result.sampleStart();
    if (socket == null) {
      result.sampleEnd();
      failure(result, NO_SOCKET, "closeSocket: " + noSocket());
      return;
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    CompletableFuture<SocketResult> done = new CompletableFuture<>();
    socket.task.join().close(CloseOptions.builder().code(code).reason(reason)
        .success(done::complete).fail(done::complete).build());
    SocketResult closing = await(done, deadline);
    if (closing == null || !closing.ok()) {
      result.sampleEnd();
      if (closing == null) {
        timedOut(result, "closeSocket: no success or fail", timeoutMillis, "");
      } else {
        platformResult(result, closing);
      }
      return;
    }
    CloseEvent closed = await(socket.closed, deadline);
    result.sampleEnd();
    if (closed == null) {
      timedOut(result, "closeSocket: no onClose", timeoutMillis, "");
      return;
    }
    platformResult(result, closing);
    result.setResponseData(Json.object(closeMap(closed)), StandardCharsets.UTF_8.name());
    socket = null;
  }

  private PooledClient client(Facades.Key key) {
    if (!key.equals(clientKey)) {
      releaseClient();
      client = Facades.acquire(key);
      clientKey = key;
    }
    return client.value();
  }

  private void releaseClient() {
    if (client != null) {
      client.close();
      client = null;
      clientKey = null;
    }
  }

  private void endSocket(String reason, long timeoutMillis) {
    Socket ending = socket;
    socket = null;
    roundTripStartMillis = -1;
    if (ending != null) {
      ending.closeIfOpen(CloseOptions.NORMAL_CLOSURE, reason);
      await(ending.closed, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis));
    }
  }

  private static <T> T await(CompletableFuture<T> future, long deadlineNanos) {
    try {
      return future.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (TimeoutException e) {
      return null;
    } catch (ExecutionException e) {
      throw new IllegalStateException("never completed exceptionally", e);
    }
  }

  private static boolean matches(MessageEvent message, String match) {
    return match.isEmpty() || message.isText() && message.text().contains(match);
  }

  private static void received(SampleResult result, MessageEvent message, long dropped) {
    result.setSuccessful(true);
    result.setResponseCode(ON_MESSAGE);
    String kind = message.isText() ? "text, " + message.text().length() + " characters"
        : "binary, " + message.bytes().length + " bytes";
    result.setResponseMessage(dropped == 0 ? kind
        : kind + " (" + dropped + " earlier messages dropped unread: the inbox holds " + Socket.INBOX_CAPACITY + ")");
    if (message.isText()) {
      result.setResponseData(message.text(), StandardCharsets.UTF_8.name());
      result.setDataType(SampleResult.TEXT);
    } else {
      result.setResponseData(message.bytes());
      result.setDataType(SampleResult.BINARY);
    }
  }

  private static void platformResult(SampleResult result, SocketResult platform) {
    result.setSuccessful(platform.ok());
    result.setResponseCode(platform.errMsg() != null ? platform.errMsg()
        : platform.error().isPresent() ? String.valueOf(platform.error().getAsInt()) : platform.describe());
    result.setResponseMessage(Json.object(platform.toMap()));
  }

  static void failure(SampleResult result, String code, String message) {
    result.setSuccessful(false);
    result.setResponseCode(code);
    result.setResponseMessage(message);
  }

  /** A wait that ended without its event: in time, or because JMeter interrupted the thread to stop the test. */
  static void timedOut(SampleResult result, String nothing, long timeoutMillis, String detail) {
    failure(result, TIMEOUT, nothing + (Thread.currentThread().isInterrupted() ? " before the thread was interrupted"
        : " within " + timeoutMillis + " ms") + detail);
  }

  private static Map<String, Object> closeMap(CloseEvent close) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("code", close.code());
    map.put("reason", close.reason());
    return map;
  }

  private static String noSocket() {
    return "this thread has no socket: a MiniSocket connect sampler must open one first";
  }
}
