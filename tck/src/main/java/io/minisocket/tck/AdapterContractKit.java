package io.minisocket.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static io.minisocket.tck.Waiting.await;

import io.minisocket.core.CloseEvent;
import io.minisocket.core.CloseOptions;
import io.minisocket.core.ConnectOption;
import io.minisocket.core.ConnectOptions;
import io.minisocket.core.ErrorKind;
import io.minisocket.core.MessageEvent;
import io.minisocket.core.OpenEvent;
import io.minisocket.core.ReadyState;
import io.minisocket.core.SendOptions;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.SocketResult;
import io.minisocket.core.SocketTask;
import io.minisocket.core.spi.PlatformFacade;
import io.minisocket.core.spi.PlatformProfile;
import io.minisocket.core.spi.PlatformProfile.Api;
import io.minisocket.core.spi.Policies.CloseWhileConnecting;
import io.minisocket.core.spi.Policies.ConnectResultTiming;
import io.minisocket.core.spi.Policies.GlobalSocketChoice;
import io.minisocket.core.spi.Policies.QueueOverflow;
import io.minisocket.core.spi.Policies.UnsupportedOption;
import io.minisocket.core.transport.Transport;
import io.minisocket.tck.EventLog.Kind;
import io.minisocket.testkit.Handshake;
import io.minisocket.testkit.MockWebSocketServer;
import io.minisocket.testkit.RecordedClose;
import io.minisocket.testkit.RecordedMessage;
import io.minisocket.testkit.RecordedRequest;
import io.minisocket.testkit.Script;
import io.minisocket.testkit.SelfSignedCertificate;
import io.minisocket.testkit.ServerConnection;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every platform adapter keeps, as a JUnit 5 suite: an adapter proves itself with a small subclass
 * that names its facade, how it connects, and what the platform promises.
 *
 * <pre>{@code
 * class WxContractTest extends AdapterContractKit<Wx> {
 *   protected Transport createTransport(Path trustedCertificatePem) {
 *     return VertxTransport.create(VertxTransportOptions.builder().trustPem(trustedCertificatePem).build());
 *   }
 *   protected Wx createFacade(Transport transport, SocketConfig config) {
 *     return Wx.create(transport, WxSettings.builder().config(config).build());
 *   }
 *   protected SocketTask connect(Wx wx, ConnectOptions options) {
 *     return wx.connectSocket(options);
 *   }
 *   protected Capabilities capabilities() {
 *     return Capabilities.builder().globalApi(true).connectionLimit(5).wssRequired(true)
 *         .results(Capabilities.Results.ERR_MSG).build();
 *   }
 * }
 * }</pre>
 *
 * <p>Every test talks to a {@link MockWebSocketServer} on 127.0.0.1 over {@code wss://localhost} with a
 * self-signed certificate whose PEM file {@link #createTransport} receives; the facade gets a configuration with the
 * url check on and {@code localhost} on the domain allow-list. Test names state the rule they check
 * ({@code required_<area>_<rule>}); each test's Javadoc says where to look when it fails. What the platform promises
 * comes from {@link #capabilities()}; the rest (accepted options, policies, API names, result style) is read from
 * {@code facade.runtime().profile()}. A capability declared absent is tested too: using it must fail clearly.
 *
 * <p>The rules are grouped by area in {@code @Nested} classes ({@link Connecting}, {@link Sending},
 * {@link Receiving}, {@link Listeners}, {@link Closing}, {@link Faults}, {@link Tls}, {@link GlobalSocket},
 * {@link TheProfile}); JUnit runs each of them for every concrete subclass. A failure that is the adapter's fault
 * and cannot be fixed at once is recorded in {@link #knownViolations()} with its reason (the test is then skipped)
 * — not by weakening the kit.
 *
 * @param <F> the platform facade
 */
public abstract class AdapterContractKit<F extends PlatformFacade> extends ContractKitLifecycle<EventLog> {
  private static final int RACERS = 16;
  private static final int LATE_CONNECTS = 15;

  private F facade;

  /**
   * Creates a facade as users create it, with the platform's default settings but the given configuration. The
   * kit closes it after the test.
   *
   * @param transport the transport to connect through (the kit's; the facade must not close it)
   * @param config    the app configuration to apply: connect timeout, url check, domain allow-list, queue bound
   * @return the facade
   */
  protected abstract F createFacade(Transport transport, SocketConfig config);

  /**
   * Opens a socket the way the platform hands out a {@link SocketTask} (WeChat's return value, uni-app's task mode,
   * the task Taro's Promise resolves to, Alipay's {@code multiple: true}). The kit always passes at least one
   * callback and never expects events before this method returned.
   *
   * @param facade  the facade
   * @param options the options, with callbacks
   * @return the task, or {@code null} when the platform hands out none for a connect that failed (a rejected
   *     Promise); then the fail callback must still have run
   */
  protected abstract SocketTask connect(F facade, ConnectOptions options);

  /**
   * Opens the socket the global API ({@code onSocketOpen}, {@code sendSocketMessage}, ...) acts on, the way the
   * platform does. The kit passes no callbacks and calls this only when the platform has a global API. The default
   * uses {@link #connect} when the profile makes the oldest live task the global socket, and
   * {@code runtime().connectGlobalSocket} otherwise; override it when the platform has its own call (Alipay's
   * {@code connectSocket} without {@code multiple}, uni-app's Promise mode).
   *
   * @param facade  the facade
   * @param options the options, without callbacks
   */
  protected void connectGlobal(F facade, ConnectOptions options) {
    if (facade.runtime().profile().globalSocketChoice() == GlobalSocketChoice.FIRST_LIVE_TASK) {
      connect(facade, options);
    } else {
      facade.runtime().connectGlobalSocket(options);
    }
  }

  /** @return what the platform promises, declared from its documentation (not read from the profile) */
  protected abstract Capabilities capabilities();

  // ------------------------------------------------------------------------------------------------ lifecycle

  /** Checks a task's (or the global API's) events: in order, once-only events once, nothing after close. */
  @Override
  final void assertRulesKept(EventLog log) {
    log.assertNoRuleBroken();
  }

  /** Runs after the shared lifecycle started the test's server: the facade under test, closed after the test. */
  @BeforeEach
  final void tckStartFacade() {
    facade = facade(config().build());
  }

  // ------------------------------------------------------------------------------------------------ the rules, by area

  /** The profile says what the platform promises: limit, wss rule, result style, global API. */
  @Nested
  public class TheProfile {
    /**
     * The profile must say what the platform promises. When this fails, the adapter builds its
     * {@link PlatformProfile} with a wrong limit, wss rule, result style or global API flag (or the declaration in
     * the kit's subclass is wrong).
     */
    @Test
    public void required_profile_matchesTheDeclaredCapabilities() {
      PlatformProfile profile = profile();
      Capabilities declared = capabilities();
      assertThat(profile.connectionLimit()).as("connectionLimit of %s", profile).isEqualTo(declared.connectionLimit());
      assertThat(profile.wssRequired()).as("wssRequired of %s", profile).isEqualTo(declared.wssRequired());
      assertThat(profile.globalApi()).as("globalApi of %s", profile).isEqualTo(declared.globalApi());
      assertThat(Capabilities.of(profile.resultStyle())).as("result style of %s", profile)
          .isEqualTo(declared.results());
    }
  }

  /**
   * Connecting: readyState, the connect callbacks, the options on the wire, bad input, the wss rule and the connection
   * limit.
   */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  public class Connecting {
    /**
     * readyState only moves CONNECTING → OPEN → CLOSING → CLOSED (or straight to CLOSED), never back, and
     * {@code readyState()} is the numeric code of {@code state()}. Each event sees the state it reports: OPEN in
     * onOpen and onMessage, CLOSED in onClose. When this fails, look at the state changes of the task: a transition
     * made outside the task's lock, or an event dispatched before (or after) its state change.
     *
     * @throws InterruptedException when interrupted while waiting for the state watcher
     */
    @Test
    public void required_readyState_movesOnlyAlongLegalTransitions() throws InterruptedException {
      Call call = new Call("connectSocket");
      SocketTask task = connect(facade, options(server.url(), call).build());
      assertThat(task).as("the task of an accepted connect").isNotNull();
      StateSampler sampler = new StateSampler(task);
      sampler.start();
      EventLog log = events(task);
      log.awaitOpen(WAIT);
      task.send("state?");
      log.awaitMessages(1, WAIT);
      task.close();
      assertThat(task.state()).as("right after close()").isIn(ReadyState.CLOSING, ReadyState.CLOSED);
      log.awaitClose(WAIT);
      sampler.join(WAIT.toMillis());

      assertThat(sampler.problems).as("readyState() must be state().code()").isEmpty();
      List<ReadyState> seen = sampler.seen;
      assertThat(seen.get(0)).as("first state seen: %s", seen).isIn(ReadyState.CONNECTING, ReadyState.OPEN);
      assertThat(seen.get(seen.size() - 1)).as("last state seen: %s", seen).isEqualTo(ReadyState.CLOSED);
      for (int i = 1; i < seen.size(); i++) {
        assertThat(seen.get(i - 1).canMoveTo(seen.get(i))).as("legal transition in %s", seen).isTrue();
      }
      for (EventLog.Entry entry : log.entries()) {
        ReadyState expected = entry.kind() == Kind.CLOSE ? ReadyState.CLOSED : ReadyState.OPEN;
        assertThat(entry.readyState()).as("readyState during %s", entry.kind()).isEqualTo(expected);
      }
      call.succeeded(WAIT);
      log.assertWellFormed();
    }

    /**
     * connectSocket runs exactly one of success or fail, then complete, with the same result in the platform's shape
     * ({@code connectSocket:ok}); a task that opened and closed never runs them again. When this fails, look at how
     * the facade wraps the callbacks (a Promise settled twice, callbacks passed on twice).
     */
    @Test
    public void required_connect_runsSuccessOrFailExactlyOnceThenComplete() {
      Opened opened = open(facade);
      opened.task().close();
      opened.log().awaitClose(WAIT);
      SocketResult result = opened.call().succeeded(WAIT);
      assertSuccessShape(result, Api.CONNECT);
      opened.log().assertWellFormed();
    }

    Stream<BadConnect> badConnectInputs() {
      return Stream.of(
          new BadConnect("url missing", null, ErrorKind.URL_EMPTY, b -> b.url(null)),
          new BadConnect("url empty", null, ErrorKind.URL_EMPTY, b -> b.url("")),
          new BadConnect("url unparsable", null, ErrorKind.URL_INVALID, b -> b.url("wss://local host:1/")),
          new BadConnect("url without host", null, ErrorKind.URL_INVALID, b -> b.url("wss:///socket")),
          new BadConnect("url scheme https", null, ErrorKind.URL_SCHEME, b -> b.url("https://localhost/")),
          new BadConnect("host not on the domain allow-list", null, ErrorKind.DOMAIN_NOT_ALLOWED,
              b -> b.url("wss://not-allowed.invalid/")),
          new BadConnect("url port 0", null, ErrorKind.URL_INVALID, b -> b.url("wss://localhost:0/")),
          new BadConnect("url port above 65535", null, ErrorKind.URL_INVALID, b -> b.url("wss://localhost:65536/")),
          new BadConnect("Host header", ConnectOption.HEADER, ErrorKind.INVALID_OPTION,
              b -> b.header("Host", "evil.example")),
          new BadConnect("Sec-WebSocket-Key header in lower case", ConnectOption.HEADER, ErrorKind.INVALID_OPTION,
              b -> b.header("sec-websocket-key", "dGhlIHNhbXBsZSBub25jZQ==")),
          new BadConnect("Referer header", ConnectOption.HEADER, ErrorKind.INVALID_OPTION,
              b -> b.header("Referer", "https://example.com/")),
          new BadConnect("Referer header in lower case", ConnectOption.HEADER, ErrorKind.INVALID_OPTION,
              b -> b.header("referer", "https://example.com/")),
          new BadConnect("header value of the wrong type", ConnectOption.HEADER, ErrorKind.INVALID_OPTION,
              b -> b.header("X-Flag", Boolean.TRUE)),
          new BadConnect("header value with a line break", ConnectOption.HEADER, ErrorKind.INVALID_OPTION,
              b -> b.header("X-Evil", "a\r\nX-Injected: 1")),
          new BadConnect("method not allowed", ConnectOption.METHOD, ErrorKind.INVALID_OPTION,
              b -> b.method("FETCH")),
          new BadConnect("protocol not a token", ConnectOption.PROTOCOLS, ErrorKind.INVALID_OPTION,
              b -> b.protocols("not a token")),
          new BadConnect("protocol repeated", ConnectOption.PROTOCOLS, ErrorKind.INVALID_OPTION,
              b -> b.protocols("chat", "chat")),
          new BadConnect("protocol null", ConnectOption.PROTOCOLS, ErrorKind.INVALID_OPTION,
              b -> b.protocols(Arrays.asList("chat", null))));
    }

    /**
     * Every bad connect input gets the platform-shaped failure — {@code errMsg} starting {@code connectSocket:fail}, or
     * a numeric {@code error} with {@code errorMessage} — through fail then complete, the task (if any) is already
     * CLOSED, and nothing reaches the server. An option the platform does not accept is checked only if the profile
     * rejects unsupported options; when it ignores them, the connect proceeds. When this fails, look at the
     * facade's connect path: an exception thrown instead of fail, a Promise not rejected, a connection opened anyway.
     *
     * @param input the bad input
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("badConnectInputs")
    public void required_connect_failsInThePlatformShapeForEveryBadInput(BadConnect input) {
      PlatformProfile profile = profile();
      Call call = new Call("connectSocket with " + input.name());
      ConnectOptions options = input.bad().apply(options(server.url(), call)).build();
      if (input.option() != null && !profile.accepts(input.option())
          && profile.unsupportedOption() == UnsupportedOption.IGNORE) {
        SocketTask task = connect(facade, options);
        call.succeeded(WAIT);
        events(task).awaitOpen(WAIT);
        return; // ignored, as the platform does
      }
      ErrorKind expected = input.option() != null && !profile.accepts(input.option())
          ? ErrorKind.UNSUPPORTED : input.kind();
      SocketTask task = connect(facade, options);
      assertFailureShape(call.failed(WAIT), Api.CONNECT, expected);
      if (task != null) {
        assertThat(task.state()).as("task of a refused connect").isEqualTo(ReadyState.CLOSED);
      }
      assertThat(server.connectionCount()).as("connections made for a refused connect").isZero();
    }

    /**
     * The wss rule follows the profile: with the url check on, a {@code ws://} url fails with the platform's
     * "wss required" failure where wss is required and connects elsewhere; with the url check off it connects
     * everywhere. When this fails, look at the profile's {@code wssRequired} and at the configuration handed to the
     * runtime.
     */
    @Test
    public void required_wssRule_followsTheProfile() {
      MockWebSocketServer plain = resources.track(MockWebSocketServer.builder().start());
      String url = plain.url();
      F checking = facade(config().socketDomains(List.of("localhost", "127.0.0.1")).build());
      Call call = new Call("connectSocket ws:// with the url check on");
      SocketTask task = connect(checking, options(url, call).build());
      if (capabilities().wssRequired()) {
        assertFailureShape(checking.runtime().profile(), call.failed(WAIT), Api.CONNECT, ErrorKind.WSS_REQUIRED);
        assertThat(plain.connectionCount()).isZero();
      } else {
        call.succeeded(WAIT);
        events(task).awaitOpen(WAIT);
      }
      F unchecked = facade(config().urlCheck(false).build());
      Call free = new Call("connectSocket ws:// with the url check off");
      SocketTask opened = connect(unchecked, options(url, free).build());
      free.succeeded(WAIT);
      events(opened).awaitOpen(WAIT);
    }

    /**
     * Options the platform accepts reach the server — header values, offered sub-protocols — and the open event
     * reports the response headers and the chosen sub-protocol; options it ignores do not reach it. When this fails,
     * look at how the facade builds ConnectOptions and at the transport's handshake request.
     */
    @Test
    public void required_connect_sendsTheAcceptedOptionsOnTheWire() {
      PlatformProfile profile = profile();
      server.enqueue(Handshake.acceptSubProtocols("kit-v2").withHeader("X-Kit-Reply", "yes"), Script.echo());
      Call call = new Call("connectSocket with header and protocols");
      ConnectOptions.Builder builder = options(server.url(), call);
      boolean header = usable(profile, ConnectOption.HEADER);
      boolean protocols = usable(profile, ConnectOption.PROTOCOLS);
      if (header) {
        builder.header("X-Kit-Token", "abc").header("X-Kit-Number", 7);
      }
      if (protocols) {
        builder.protocols("kit-v1", "kit-v2");
      }
      SocketTask task = connect(facade, builder.build());
      OpenEvent open = events(task).awaitOpen(WAIT);
      RecordedRequest request = server.takeRequest(WAIT);
      boolean sendsHeader = header && profile.accepts(ConnectOption.HEADER);
      boolean sendsProtocols = protocols && profile.accepts(ConnectOption.PROTOCOLS);
      assertThat(request.header("X-Kit-Token")).as("header sent").isEqualTo(sendsHeader ? "abc" : null);
      assertThat(request.header("X-Kit-Number")).as("number header sent").isEqualTo(sendsHeader ? "7" : null);
      assertThat(request.subProtocols()).as("sub-protocols offered")
          .isEqualTo(sendsProtocols ? List.of("kit-v1", "kit-v2") : List.of());
      assertThat(open.protocol()).as("sub-protocol in the open event").isEqualTo(sendsProtocols ? "kit-v2" : "");
      assertThat(headerValue(open.header(), "X-Kit-Reply")).as("response header in the open event: %s", open.header())
          .isEqualTo("yes");
      call.succeeded(WAIT);
    }

    /**
     * With {@value #RACERS} threads connecting at once, exactly the profile's limit of sockets is accepted and the
     * rest fail with the platform's "limit exceeded" failure; closing one frees its slot. Without a limit, all
     * connect. When this fails, look at the connection registry (a check-then-act race) and at when a slot is
     * released.
     *
     * @throws Exception when a connecting thread failed or did not finish in time
     */
    @Test
    public void required_connectionLimit_holdsUnderConcurrentConnects() throws Exception {
      int limit = capabilities().connectionLimit();
      int racers = Math.max(RACERS, limit + 4);
      List<Call> calls = new ArrayList<>();
      for (int i = 0; i < racers; i++) {
        calls.add(new Call("concurrent connect #" + i));
      }
      List<SocketTask> tasks = race(calls);
      List<Integer> accepted = new ArrayList<>();
      for (int i = 0; i < racers; i++) {
        SocketResult result = calls.get(i).outcome(WAIT);
        if (result.ok()) {
          accepted.add(i);
        } else {
          assertFailureShape(result, Api.CONNECT, ErrorKind.LIMIT_EXCEEDED);
        }
      }
      assertThat(accepted).as("connects accepted out of %s racing, limit %s", racers, limit)
          .hasSize(limit == 0 ? racers : limit);
      for (int i : accepted) {
        assertThat(tasks.get(i)).as("task of accepted connect #%s", i).isNotNull();
        events(tasks.get(i)).awaitOpen(WAIT);
      }
      assertThat(server.connectionCount()).as("connections the server saw").isEqualTo(accepted.size());
      if (limit > 0) {
        Call over = new Call("connect over the limit");
        connect(facade, options(server.url(), over).build());
        assertFailureShape(over.failed(WAIT), Api.CONNECT, ErrorKind.LIMIT_EXCEEDED);
        tasks.get(accepted.get(0)).close();
        Opened again = open(facade);
        again.task().close();
      }
    }

    private List<SocketTask> race(List<Call> calls) throws Exception {
      ExecutorService pool = Executors.newFixedThreadPool(calls.size());
      try {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<SocketTask>> futures = new ArrayList<>();
        for (Call call : calls) {
          futures.add(pool.submit(() -> {
            go.await();
            return connect(facade, options(server.url(), call).build());
          }));
        }
        go.countDown();
        List<SocketTask> tasks = new ArrayList<>();
        for (Future<SocketTask> future : futures) {
          tasks.add(future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
        }
        return tasks;
      } finally {
        pool.shutdownNow();
      }
    }
  }

  /** Sending: every send ends exactly once, in order per thread, and bad data fails in the platform shape. */
  @Nested
  public class Sending {
    /**
     * Every send runs exactly one of success or fail, then complete: success ({@code sendSocketMessage:ok}) while
     * open, fail with "not connected" once closed. When this fails, look at the send path of the task and at the
     * transport's write completion (completed twice, or never).
     */
    @Test
    public void required_send_runsSuccessOrFailExactlyOnceThenComplete() {
      Opened opened = open(facade);
      List<Call> sends = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        Call call = new Call("send #" + i);
        sends.add(call);
        Object data = i % 2 == 0 ? "message " + i : ("binary " + i).getBytes(StandardCharsets.UTF_8);
        opened.task().send(SendOptions.builder().data(data).callbacks(call.callbacks()).build());
      }
      for (Call call : sends) {
        assertSuccessShape(call.succeeded(WAIT), Api.SEND);
      }
      opened.task().close();
      opened.log().awaitClose(WAIT);
      Call late = new Call("send after close");
      opened.task().send(SendOptions.builder().data("too late").callbacks(late.callbacks()).build());
      assertFailureShape(late.failed(WAIT), Api.SEND, ErrorKind.NOT_OPEN);
      for (Call call : sends) {
        call.succeeded(WAIT);
      }
      opened.log().assertWellFormed();
    }

    /**
     * Sends from several threads at once all arrive, each thread's messages in the order it sent them, and each send
     * runs success exactly once. When this fails, look at the task's queue and flush under concurrent callers.
     *
     * @throws Exception when a sending thread failed or did not finish in time
     */
    @Test
    public void required_send_fromManyThreadsKeepsEachThreadsOrder() throws Exception {
      Opened opened = open(facade);
      int threads = 8;
      int perThread = 100;
      List<Call> sends = new java.util.concurrent.CopyOnWriteArrayList<>();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> senders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int thread = t;
          senders.add(pool.submit(() -> {
            go.await();
            for (int i = 0; i < perThread; i++) {
              Call call = new Call("send " + thread + "/" + i);
              sends.add(call);
              opened.task().send(SendOptions.builder().data(thread + "/" + i).callbacks(call.callbacks()).build());
            }
            return null;
          }));
        }
        go.countDown();
        for (Future<?> sender : senders) {
          sender.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
      await("the server receives every message").atMost(WAIT)
          .until(() -> server.received().size() >= threads * perThread);
      int[] next = new int[threads];
      for (RecordedMessage message : server.received()) {
        String[] parts = message.text().split("/");
        int thread = Integer.parseInt(parts[0]);
        assertThat(Integer.parseInt(parts[1])).as("order of thread %s's messages", thread).isEqualTo(next[thread]++);
      }
      for (Call call : sends) {
        call.succeeded(WAIT);
      }
    }

    /**
     * send checks its data (a String, byte[] or ByteBuffer): {@code null} or another type fails in the platform's
     * shape and the socket stays open and working. When this fails, look at send validation.
     */
    @Test
    public void required_send_failsInThePlatformShapeForBadData() {
      Opened opened = open(facade);
      for (Object data : Arrays.asList(null, 42, Map.of("data", "x"))) {
        Call call = new Call("send " + data);
        opened.task().send(SendOptions.builder().data(data).callbacks(call.callbacks()).build());
        assertFailureShape(call.failed(WAIT), Api.SEND, ErrorKind.INVALID_OPTION);
      }
      opened.task().send("still open");
      assertThat(opened.log().awaitMessages(1, WAIT)).extracting(MessageEvent::data).containsExactly("still open");
      assertThat(server.takeMessage(WAIT)).isEqualTo(RecordedMessage.text("still open"));
    }
  }

  /** Receiving: events in order and none after close; messages keep their type. */
  @Nested
  public class Receiving {
    /**
     * Events arrive in order — open, the messages in the order the server sent them, close last — one at a time, and
     * nothing arrives after close: a send after it only runs its fail callback, a close its success. When this fails,
     * look at how
     * events are queued per task (a second thread delivering, a late event not dropped after close).
     */
    @Test
    public void required_events_arriveInOrderAndNoneAfterClose() {
      Opened opened = open(facade);
      List<String> sent = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        sent.add("m" + i);
        opened.task().send("m" + i);
      }
      List<MessageEvent> echoed = opened.log().awaitMessages(sent.size(), WAIT);
      assertThat(echoed).extracting(MessageEvent::data).as("messages in order").containsExactlyElementsOf(sent);
      opened.task().close();
      CloseEvent close = opened.log().awaitClose(WAIT);
      assertThat(close.code()).as("close code of a normal close").isEqualTo(1000);
      Call send = new Call("send after close");
      Call again = new Call("close after close");
      opened.task().send(SendOptions.builder().data("late").callbacks(send.callbacks()).build());
      opened.task().close(CloseOptions.builder().callbacks(again.callbacks()).build());
      send.failed(WAIT);
      again.succeeded(WAIT);
      opened.log().assertWellFormed();
      assertThat(opened.log().kinds()).as("open, 30 messages, close")
          .hasSize(32).startsWith(Kind.OPEN).endsWith(Kind.CLOSE);
    }

    /**
     * Text arrives as a {@code String}, binary as a {@code ByteBuffer} with the same bytes: the type is never
     * changed on the way. When this fails, look at frame conversion in the transport or in the task's onMessage.
     */
    @Test
    public void required_messages_keepTheirType() {
      Opened opened = open(facade);
      byte[] bytes = {0, 1, 2, (byte) 0xff, 42};
      opened.task().send("text");
      opened.task().send(bytes);
      opened.task().send(ByteBuffer.wrap("buffer".getBytes(StandardCharsets.UTF_8)));
      List<MessageEvent> echoed = opened.log().awaitMessages(3, WAIT);
      assertThat(echoed.get(0).data()).isEqualTo("text");
      assertThat(echoed.get(1).data()).isInstanceOf(ByteBuffer.class);
      assertThat(echoed.get(1).bytes()).isEqualTo(bytes);
      assertThat(echoed.get(2).data()).isInstanceOf(ByteBuffer.class);
      assertThat(echoed.get(2).text()).isEqualTo("buffer");
      assertThat(server.takeMessage(WAIT)).isEqualTo(RecordedMessage.text("text"));
      assertThat(server.takeMessage(WAIT)).isEqualTo(RecordedMessage.binary(bytes));
    }
  }

  /**
   * Listeners: a throwing one breaks nothing, {@code off} removes only its own, a late one still gets each once-only
   * event.
   */
  @Nested
  public class Listeners {
    /**
     * A listener or callback that throws is isolated: the other listeners still get every event, complete still runs
     * after a throwing success, and the task keeps working. When this fails, look at where listeners and callbacks
     * are invoked: each must be wrapped on its own.
     */
    @Test
    public void required_listeners_aThrowingListenerDoesNotBreakTheTaskOrTheOthers() {
      AtomicInteger thrown = new AtomicInteger();
      Call call = new Call("connectSocket");
      SocketTask task = connect(facade, options(server.url(), call).build());
      assertThat(task).isNotNull();
      task.onOpen(e -> thrown(thrown));
      task.onMessage(e -> thrown(thrown));
      task.onClose(e -> thrown(thrown));
      EventLog log = events(task);
      log.awaitOpen(WAIT);
      Call send = new Call("send with a throwing success");
      Consumer<SocketResult> record = send.callbacks().success();
      task.send(SendOptions.builder().data("still there?").success(r -> {
        record.accept(r);
        thrown(thrown);
      }).fail(send.callbacks().fail()).complete(send.callbacks().complete()).build());
      send.succeeded(WAIT);
      log.awaitMessages(1, WAIT);
      task.send("and now?");
      log.awaitMessages(2, WAIT);
      task.close();
      log.awaitClose(WAIT);
      log.assertWellFormed();
      call.succeeded(WAIT);
      assertThat(thrown.get()).as("the throwing listeners were called: open, 2 messages, success, close").isEqualTo(5);
    }

    /**
     * {@code offMessage} (and its siblings) removes exactly the listener given; the others stay. When this fails, look
     * at listener removal (identity, not equality; one registration).
     */
    @Test
    public void required_listeners_offRemovesOnlyThatListener() {
      Opened opened = open(facade);
      List<Object> removed = new java.util.concurrent.CopyOnWriteArrayList<>();
      List<Object> kept = new java.util.concurrent.CopyOnWriteArrayList<>();
      Consumer<MessageEvent> toRemove = e -> removed.add(e.data());
      opened.task().onMessage(toRemove);
      opened.task().onMessage(e -> kept.add(e.data()));
      opened.task().send("one");
      await("both listeners get the first message").atMost(WAIT).until(() -> kept.size() == 1);
      opened.task().offMessage(toRemove);
      opened.task().send("two");
      await("the remaining listener gets the second message").atMost(WAIT).until(() -> kept.size() == 2);
      assertThat(removed).as("the removed listener got only the first message").containsExactly("one");
    }

    /**
     * A listener registered after an open, error or close still receives it, exactly once, in the task's order — not
     * only the first listener of its kind. Over {@value #LATE_CONNECTS} connects to a refused port, three logs are
     * registered after connect returned (one of them after the first saw the close); each sees error then close,
     * nothing else. When this fails, look at how the task hands a once-only event to listeners registered after it.
     */
    @Test
    public void required_listeners_lateListenersGetEachOnceOnlyEventExactlyOnce() {
      String refused = "wss://localhost:" + MockWebSocketServer.unusedPort() + "/";
      for (int i = 0; i < LATE_CONNECTS; i++) {
        Call call = new Call("connectSocket #" + i + " to a refused port");
        SocketTask task = connect(facade, options(refused, call).build());
        if (task == null) {
          assertThat(profile().connectResultTiming()).as("a task is handed out for an accepted connect")
              .isEqualTo(ConnectResultTiming.ON_OPEN);
          call.failed(WAIT);
          continue;
        }
        List<EventLog> late = new ArrayList<>(List.of(events(task), events(task)));
        late.get(0).awaitClose(WAIT);
        late.add(events(task));
        for (EventLog log : late) {
          log.awaitClose(WAIT);
          assertThat(log.kinds()).as("connect #%s: events of a listener registered late", i)
              .containsExactly(Kind.ERROR, Kind.CLOSE);
          log.assertWellFormed();
        }
      }
    }
  }

  /** Closing: local, remote and racing closes, close while connecting, and bad codes or reasons. */
  @Nested
  public class Closing {
    /**
     * close runs exactly one of success or fail, then complete: the first close succeeds ({@code closeSocket:ok}), and
     * so does a second one, harmlessly (as in browsers and the platforms' own JavaScript), also after onClose. When
     * this fails, look at the close path of the task.
     */
    @Test
    public void required_close_runsSuccessOrFailExactlyOnceThenComplete() {
      Opened opened = open(facade);
      Call first = new Call("close");
      Call second = new Call("second close");
      opened.task().close(CloseOptions.builder().callbacks(first.callbacks()).build());
      opened.task().close(CloseOptions.builder().callbacks(second.callbacks()).build());
      opened.log().awaitClose(WAIT);
      assertSuccessShape(first.succeeded(WAIT), Api.CLOSE);
      assertSuccessShape(second.succeeded(WAIT), Api.CLOSE);
      Call third = new Call("close after onClose");
      opened.task().close(CloseOptions.builder().callbacks(third.callbacks()).build());
      assertSuccessShape(third.succeeded(WAIT), Api.CLOSE);
      assertThat(opened.log().kinds()).as("one close event").containsOnlyOnce(Kind.CLOSE);
      opened.log().assertWellFormed();
    }

    /**
     * close checks its code (1000 or 3000–4999) and reason (at most 123 bytes of UTF-8): a bad one fails in the
     * platform's shape and leaves the socket open and working; a good one reaches the server and the close event. When
     * this fails, look at close validation and at what the transport puts in the close frame.
     */
    @Test
    public void required_close_failsInThePlatformShapeForBadCodeOrReason() {
      Opened opened = open(facade);
      SocketTask task = opened.task();
      String tooLong = "é".repeat(62); // 124 bytes
      List<CloseOptions.Builder> bad = List.of(CloseOptions.builder().code(1001), CloseOptions.builder().code(2999),
          CloseOptions.builder().code(5000), CloseOptions.builder().code(4000).reason(tooLong));
      for (CloseOptions.Builder options : bad) {
        Call call = new Call("close " + options.build());
        task.close(options.callbacks(call.callbacks()).build());
        assertFailureShape(call.failed(WAIT), Api.CLOSE, ErrorKind.INVALID_OPTION);
      }
      assertThat(task.state()).as("after refused closes").isEqualTo(ReadyState.OPEN);
      task.send("still open");
      opened.log().awaitMessages(1, WAIT);
      String longest = "é".repeat(61) + "a"; // 123 bytes
      Call good = new Call("close 4000 with a 123-byte reason");
      task.close(CloseOptions.builder().code(4000).reason(longest).callbacks(good.callbacks()).build());
      good.succeeded(WAIT);
      RecordedClose received = server.awaitClose(WAIT);
      assertThat(received.code()).as("close code at the server").isEqualTo(4000);
      assertThat(received.reason()).as("close reason at the server").isEqualTo(longest);
      assertThat(opened.log().awaitClose(WAIT).code()).as("close code in onClose").isEqualTo(4000);
      opened.log().assertWellFormed();
    }

    /**
     * When the server closes while the client is sending and closing, every send and the close still end in exactly
     * one of success or fail, then complete, and the task closes once. When this fails, look at the task's terminal
     * transition racing user calls.
     */
    @Test
    public void required_remoteCloseRacingLocalCalls_eachCallEndsExactlyOnce() {
      server.enqueue(Script.echo().closeAfter(1, 4002, "server closes mid-burst"));
      Opened opened = open(facade);
      List<Call> calls = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        Call call = new Call("send #" + i + " racing the server's close");
        calls.add(call);
        opened.task().send(SendOptions.builder().data("burst " + i).callbacks(call.callbacks()).build());
      }
      Call close = new Call("close racing the server's close");
      calls.add(close);
      opened.task().close(CloseOptions.builder().code(4000).callbacks(close.callbacks()).build());
      opened.log().awaitClose(WAIT);
      for (Call call : calls) {
        call.outcome(WAIT);
      }
      opened.log().assertWellFormed();
    }

    /**
     * Closing while the handshake is in progress never leaks the connection: close succeeds, and the server sees the
     * connection go. Under {@code ABORT} the task follows WHATWG's "fail the WebSocket connection": CLOSING at once,
     * then onError and onClose 1006; under {@code CLOSE_AFTER_OPEN} it opens, then closes with the requested code.
     * When this fails, look at the task's close while CONNECTING and the transport's abort of a pending handshake.
     */
    @Test
    public void required_close_whileConnecting_leavesNoConnectionOpen() {
      server.enqueue(Handshake.accept().delayed(Duration.ofMillis(300)), Script.echo());
      Call call = new Call("connectSocket");
      SocketTask task = connect(facade, options(server.url(), call).build());
      EventLog log = events(task);
      server.takeRequest(WAIT);
      Call close = new Call("close while connecting");
      task.close(CloseOptions.builder().code(4000).callbacks(close.callbacks()).build());
      boolean abort = profile().closeWhileConnecting() == CloseWhileConnecting.ABORT;
      if (abort) {
        assertThat(task.state()).as("right after close() while connecting").isIn(ReadyState.CLOSING, ReadyState.CLOSED);
      }
      assertSuccessShape(close.succeeded(WAIT), Api.CLOSE);
      CloseEvent closed = log.awaitClose(WAIT);
      server.awaitDisconnect(WAIT);
      log.assertWellFormed();
      if (abort) {
        assertThat(log.kinds()).as("events of a socket closed while connecting").containsExactly(Kind.ERROR,
            Kind.CLOSE);
        assertThat(closed.code()).as("close code").isEqualTo(1006);
        assertFailureShape(log.errors().get(0), null, ErrorKind.ABORTED);
      } else {
        assertThat(log.kinds()).as("events of a socket closed while connecting").containsExactly(Kind.OPEN,
            Kind.CLOSE);
      }
      call.outcome(WAIT);
    }

    /**
     * A close frame from the server ends the task with the server's code and reason and no error. When this fails,
     * look at the transport's closed event and at how the task reports it.
     */
    @Test
    public void required_serverClose_reportsCodeAndReasonWithoutError() {
      server.enqueue(Script.echo().closeOnOpen(4001, "server says bye"));
      Call call = new Call("connectSocket");
      SocketTask task = connect(facade, options(server.url(), call).build());
      EventLog log = events(task);
      CloseEvent close = log.awaitClose(WAIT);
      assertThat(close).isEqualTo(new CloseEvent(4001, "server says bye"));
      assertThat(log.kinds()).containsExactly(Kind.OPEN, Kind.CLOSE);
      assertThat(task.state()).isEqualTo(ReadyState.CLOSED);
      call.succeeded(WAIT);
    }
  }

  /**
   * Network faults: refused, stalled, rejected, reset mid-stream, a slow reader; each ends in the platform's error,
   * then close.
   */
  @Nested
  public class Faults {
    /**
     * A refused connection ends in onError (the platform's shape, "connection refused") then onClose 1006, and the
     * connect's callbacks run once — success on accept or fail on open, as the profile's timing says. When this
     * fails, look at the transport's failure classification and at the task's terminal transition.
     */
    @Test
    public void required_fault_connectionRefused_endsWithErrorThenClose() {
      Faulted faulted = connectAndFault(facade, "wss://localhost:" + MockWebSocketServer.unusedPort() + "/");
      faulted.assertFault(ErrorKind.REFUSED);
    }

    /**
     * A handshake the server never answers fails within the connect timeout, as the platform's timeout
     * ({@code Timed out connecting to server.}), and the half-open connection is closed. When this fails, look at how
     * the connect timeout reaches the transport, and whether the transport closes the socket on timeout.
     */
    @Test
    public void required_fault_handshakeStalled_timesOutWithinTheConnectTimeout() {
      server.enqueue(Handshake.stallHandshake());
      F quick = facade(config().connectTimeout(SHORT_CONNECT_TIMEOUT).build());
      long start = System.nanoTime();
      Faulted faulted = connectAndFault(quick, server.url());
      faulted.assertFault(ErrorKind.CONNECT_TIMEOUT);
      assertEndedSoonAfterTheShortTimeout(start);
      server.awaitDisconnect(WAIT);
    }

    /**
     * A handshake answered with HTTP 403 fails as a handshake error whose message names the status. When this fails,
     * look at the transport's classification of non-101 answers and at the message core builds from it.
     */
    @Test
    public void required_fault_handshakeRejected_reportsTheStatus() {
      server.enqueue(Handshake.rejectWith(403));
      Faulted faulted = connectAndFault(facade, server.url());
      SocketResult error = faulted.assertFault(ErrorKind.HANDSHAKE);
      assertThat(error.describe()).as("the error names the HTTP status").contains("403");
    }

    /**
     * A connection reset mid-stream, with sends still queued, loses nothing silently: every send ends in exactly one
     * of success or fail ("message send failed") then complete, and the task reports onError then onClose 1006. When
     * this fails, look at how the task fails its queue and how the transport completes writes pending at a reset.
     */
    @Test
    public void required_fault_resetMidStream_everySendEndsExactlyOnce() {
      Opened opened = open(facade);
      ServerConnection connection = server.takeConnection(WAIT);
      connection.pauseReading();
      byte[] payload = new byte[32 * 1024];
      List<Call> sends = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        Call call = new Call("send #" + i + " before the reset");
        sends.add(call);
        opened.task().send(SendOptions.builder().data(payload).callbacks(call.callbacks()).build());
      }
      connection.reset();
      CloseEvent close = opened.log().awaitClose(WAIT);
      for (Call call : sends) {
        SocketResult result = call.outcome(WAIT);
        if (!result.ok()) {
          assertFailureShape(result, Api.SEND, ErrorKind.SEND_FAILED);
        }
      }
      assertThat(close.code()).as("close code after a reset").isEqualTo(1006);
      assertThat(opened.log().kinds()).as("events").containsSubsequence(Kind.OPEN, Kind.ERROR, Kind.CLOSE);
      assertFailureShape(opened.log().errors().get(0), null, ErrorKind.NETWORK);
      opened.log().assertWellFormed();
    }

    /**
     * A server that reads slowly backs the sends up until the send queue's byte bound; the send past it fails clearly
     * (the platform's "queue full") rather than growing memory. Under {@code FAIL_SEND} the socket stays open and
     * every accepted send arrives in order once the server reads again; under {@code CLOSE_CONNECTION} the socket
     * ends with an error. Either way every send ends exactly once. When this fails, look at the queue bound and at
     * how the transport's writeQueueFull / writable are honoured.
     */
    @Test
    public void required_fault_slowReader_queueBoundFailsClearly() {
      F bounded = facade(config().maxQueueBytes(256 * 1024).build());
      PlatformProfile profile = bounded.runtime().profile();
      Opened opened = open(bounded);
      ServerConnection connection = server.takeConnection(WAIT);
      connection.pauseReading();
      List<Call> sends = new ArrayList<>();
      for (int i = 0; i < 2_000 && sends.stream().noneMatch(Faults::failedAlready); i++) {
        Call call = new Call("send #" + i + " to a slow reader");
        sends.add(call);
        byte[] payload = new byte[64 * 1024];
        ByteBuffer.wrap(payload).putInt(i);
        opened.task().send(SendOptions.builder().data(payload).callbacks(call.callbacks()).build());
      }
      assertThat(sends).as("a send fails once the queue bound is reached").anyMatch(Faults::failedAlready);
      connection.resumeReading();
      List<Integer> accepted = new ArrayList<>();
      for (int i = 0; i < sends.size(); i++) {
        SocketResult result = sends.get(i).outcome(WAIT);
        if (result.ok()) {
          accepted.add(i);
        } else if (result.kind().orElseThrow() == ErrorKind.QUEUE_FULL) {
          assertFailureShape(profile, result, Api.SEND, ErrorKind.QUEUE_FULL);
        } else {
          assertThat(profile.queueOverflow()).as("a send failed with %s", result).isEqualTo(
              QueueOverflow.CLOSE_CONNECTION);
        }
      }
      if (profile.queueOverflow() == QueueOverflow.FAIL_SEND) {
        assertThat(opened.task().state()).as("state after a refused send").isEqualTo(ReadyState.OPEN);
        await("the server reads every accepted send").atMost(WAIT)
            .until(() -> server.received().size() >= accepted.size());
        List<Integer> order = server.received().stream().map(m -> ByteBuffer.wrap(m.bytes()).getInt()).toList();
        assertThat(order).as("accepted sends arrive in order, none lost").isEqualTo(accepted);
      } else {
        opened.log().awaitClose(WAIT);
        assertFailureShape(profile, opened.log().errors().get(0), null, ErrorKind.QUEUE_FULL);
        opened.log().assertWellFormed();
      }
    }

    private static boolean failedAlready(Call call) {
      return call.runs().stream().anyMatch(r -> !r.result().ok());
    }
  }

  /** TLS: a certificate the transport must refuse fails as the platform's TLS error, naming why. */
  @Nested
  public class Tls {
    /**
     * A server whose certificate is not trusted fails as the platform's certificate error, which says why (the kit's
     * untrusted certificate is self-signed), and no data is exchanged. When this fails, look at the transport's TLS
     * setup (trusting everything?) and its failure classification (does its message name the cause?).
     */
    @Test
    public void required_fault_untrustedCertificate_reportsATlsError() {
      assertRefusedCertificate(KitCertificates.UNTRUSTED, "self-signed certificate: CN=localhost is not trusted");
    }

    /**
     * A trusted certificate for another host name than the URL's fails as the platform's certificate error that says
     * "hostname mismatch" and names both. When this fails, look at whether the transport verifies host names and how
     * it explains a refusal ({@code ExplainingTrustManager}).
     */
    @Test
    public void required_fault_certificateForAnotherHost_reportsAHostnameMismatch() {
      assertRefusedCertificate(KitCertificates.OTHER_HOST,
          "hostname mismatch: the certificate is for example.invalid, not localhost");
    }

    /**
     * A trusted certificate that has expired fails as the platform's certificate error that says "certificate
     * expired" and when. When this fails, look at whether the transport's trust manager checks the dates of a
     * certificate that is itself trusted.
     */
    @Test
    public void required_fault_expiredCertificate_reportsItExpired() {
      assertRefusedCertificate(KitCertificates.EXPIRED, "certificate expired: CN=localhost was valid until "
          + KitCertificates.EXPIRED.certificate().getNotAfter().toInstant());
    }

    /**
     * A certificate issued by an authority the transport does not trust fails as the platform's certificate error
     * that says "unknown issuer" and names it.
     */
    @Test
    public void required_fault_certificateFromAnUnknownIssuer_namesTheIssuer() {
      assertRefusedCertificate(KitCertificates.UNKNOWN_ISSUER,
          "unknown issuer: CN=MiniSocket Kit Unknown CA, which signed CN=localhost, is not trusted");
    }

    /** A connect to a server presenting {@code certificate} fails as the platform's TLS error naming {@code cause}. */
    private void assertRefusedCertificate(SelfSignedCertificate certificate, String cause) {
      MockWebSocketServer refused = resources.server(certificate);
      Faulted faulted = connectAndFault(facade, refused.url());
      SocketResult error = faulted.assertFault(ErrorKind.TLS);
      assertThat(error.describe()).as("the error names the cause").contains(cause);
      assertThat(refused.requests()).as("handshake requests over a refused connection").isEmpty();
    }
  }

  /**
   * The global socket API ({@code onSocketOpen}, {@code sendSocketMessage}, ...): drives the global socket where the
   * platform has it, fails clearly where it has not.
   */
  @Nested
  public class GlobalSocket {
    /**
     * Where the platform has the global API, it drives the global socket: {@code sendSocketMessage} fails with "not
     * connected" while there is none, and once {@code onSocketOpen} ran it sends, {@code onSocketMessage} receives,
     * {@code closeSocket} closes and {@code onSocketClose} reports it. When this fails, look at which task the profile
     * makes the global socket and at {@link #connectGlobal}.
     */
    @Test
    public void required_globalApi_whenPresent_drivesTheGlobalSocket() {
      assumeThat(capabilities().globalApi()).as("the platform has the global API").isTrue();
      Call early = new Call("sendSocketMessage without a socket");
      facade.sendSocketMessage(SendOptions.builder().data("nobody").callbacks(early.callbacks()).build());
      assertFailureShape(early.failed(WAIT), Api.SEND, ErrorKind.NOT_OPEN);

      EventLog log = globalEvents();
      facade.onSocketOpen(log::open);
      facade.onSocketMessage(log::message);
      facade.onSocketError(log::error);
      facade.onSocketClose(log::close);
      connectGlobal(facade, ConnectOptions.of(server.url()));
      log.awaitOpen(WAIT);
      Call send = new Call("sendSocketMessage");
      facade.sendSocketMessage(SendOptions.builder().data("global hello").callbacks(send.callbacks()).build());
      assertSuccessShape(send.succeeded(WAIT), Api.SEND);
      assertThat(log.awaitMessages(1, WAIT)).extracting(MessageEvent::data).containsExactly("global hello");
      Call close = new Call("closeSocket");
      facade.closeSocket(CloseOptions.builder().callbacks(close.callbacks()).build());
      assertSuccessShape(close.succeeded(WAIT), Api.CLOSE);
      assertThat(log.awaitClose(WAIT).code()).isEqualTo(1000);
      log.assertWellFormed();
      Call late = new Call("sendSocketMessage after closeSocket");
      facade.sendSocketMessage(SendOptions.builder().data("gone").callbacks(late.callbacks()).build());
      assertFailureShape(late.failed(WAIT), Api.SEND, ErrorKind.NOT_OPEN);
      server.awaitDisconnect(WAIT);
    }

    /**
     * {@code closeSocket} while the global socket is still connecting does not leak it (the platforms' documented
     * trap): the connection goes, and {@code onSocketClose} reports the end. When this fails, look at the global API's
     * close and the task's close while CONNECTING.
     */
    @Test
    public void required_globalApi_closeSocketWhileConnecting_leavesNoConnectionOpen() {
      assumeThat(capabilities().globalApi()).as("the platform has the global API").isTrue();
      server.enqueue(Handshake.accept().delayed(Duration.ofMillis(300)), Script.echo());
      EventLog log = globalEvents();
      facade.onSocketClose(log::close);
      connectGlobal(facade, ConnectOptions.of(server.url()));
      server.takeRequest(WAIT);
      Call close = new Call("closeSocket while connecting");
      facade.closeSocket(CloseOptions.builder().callbacks(close.callbacks()).build());
      assertSuccessShape(close.succeeded(WAIT), Api.CLOSE);
      log.awaitClose(WAIT);
      server.awaitDisconnect(WAIT);
      await("no socket left").atMost(WAIT).until(() -> facade.runtime().tasks().isEmpty());
    }

    /**
     * Where the platform lacks the global API, using it fails clearly: {@code onSocketX}/{@code offSocketX} throw
     * {@link UnsupportedOperationException} naming the API, {@code sendSocketMessage}/{@code closeSocket} fail in the
     * platform's shape and leave the sockets alone. When this fails, look at the profile's {@code globalApi} and at
     * the facade: it must not offer a working global API the platform lacks.
     */
    @Test
    public void required_globalApi_whenAbsent_failsClearlyWhenUsed() {
      assumeThat(capabilities().globalApi()).as("the platform lacks the global API").isFalse();
      assertThatThrownBy(() -> facade.onSocketOpen(e -> { })).isInstanceOf(UnsupportedOperationException.class)
          .hasMessageContaining("onSocketOpen");
      assertThatThrownBy(() -> facade.onSocketMessage(e -> { })).isInstanceOf(UnsupportedOperationException.class)
          .hasMessageContaining("onSocketMessage");
      assertThatThrownBy(() -> facade.onSocketError(e -> { })).isInstanceOf(UnsupportedOperationException.class)
          .hasMessageContaining("onSocketError");
      assertThatThrownBy(() -> facade.onSocketClose(e -> { })).isInstanceOf(UnsupportedOperationException.class)
          .hasMessageContaining("onSocketClose");
      assertThatThrownBy(() -> facade.offSocketOpen(null)).isInstanceOf(UnsupportedOperationException.class);
      Opened opened = open(facade);
      Call send = new Call("sendSocketMessage");
      facade.sendSocketMessage(SendOptions.builder().data("x").callbacks(send.callbacks()).build());
      assertFailureShape(send.failed(WAIT), Api.SEND, ErrorKind.UNSUPPORTED);
      Call close = new Call("closeSocket");
      facade.closeSocket(CloseOptions.builder().callbacks(close.callbacks()).build());
      assertFailureShape(close.failed(WAIT), Api.CLOSE, ErrorKind.UNSUPPORTED);
      assertThat(opened.task().state()).as("the task is untouched by closeSocket").isEqualTo(ReadyState.OPEN);
    }

    /**
     * Where the platform lacks the global API, no socket becomes the global socket: {@code runtime().globalSocket()}
     * stays empty while tasks are open. When this fails, look at the profile's {@code globalSocketChoice} (the oldest
     * live task is chosen even without a global API) and at how the runtime picks the global socket.
     */
    @Test
    public void required_globalApi_whenAbsent_noSocketBecomesTheGlobalSocket() {
      assumeThat(capabilities().globalApi()).as("the platform lacks the global API").isFalse();
      Opened opened = open(facade);
      assertThat(facade.runtime().globalSocket()).as("global socket on a platform without one, with %s open",
          opened.task()).isEmpty();
    }
  }

  /**
   * One bad connect input of {@link #required_connect_failsInThePlatformShapeForEveryBadInput}, and the option it
   * belongs to ({@code null}: the url, checked on every platform).
   *
   * @param name   what is wrong
   * @param option the option whose rules apply, or {@code null} for the url rules
   * @param kind   the failure kind when the platform checks it
   * @param bad    makes the bad options from valid ones
   */
  public record BadConnect(String name, ConnectOption option, ErrorKind kind, UnaryOperator<ConnectOptions.Builder> bad) {
    /** @return the name, which the test's display name shows */
    @Override
    public String toString() {
      return name;
    }
  }

  // ------------------------------------------------------------------------------------------------ helpers

  /** @return a log of the task's events, checked again after the test and after the last test */
  private EventLog events(SocketTask task) {
    return track(EventLog.of(task));
  }

  /** @return a log for the global API's handlers, checked again after the test and after the last test */
  private EventLog globalEvents() {
    return track(EventLog.global());
  }

  /** @return the profile of the facade under test */
  private PlatformProfile profile() {
    return facade.runtime().profile();
  }

  /** @return the kit's configuration: url check on, {@code localhost} allowed, a 5 s connect timeout */
  private static SocketConfig.Builder config() {
    return SocketConfig.builder().connectTimeout(CONNECT_TIMEOUT).socketDomains(List.of("localhost"));
  }

  private F facade(SocketConfig config) {
    return resources.track(createFacade(transport, config));
  }

  private static ConnectOptions.Builder options(String url, Call call) {
    return ConnectOptions.builder().url(url).callbacks(call.callbacks());
  }

  private static boolean usable(PlatformProfile profile, ConnectOption option) {
    return profile.accepts(option) || profile.unsupportedOption() == UnsupportedOption.IGNORE;
  }

  private static String headerValue(Map<String, String> headers, String name) {
    return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
        .findFirst().orElse(null);
  }

  private static void thrown(AtomicInteger count) {
    count.incrementAndGet();
    throw new ThrownOnPurpose();
  }

  /** What the kit's throwing listeners throw; without a stack trace, to keep the expected log lines short. */
  private static final class ThrownOnPurpose extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ThrownOnPurpose() {
      super("thrown on purpose by the contract kit: the task must carry on", null, false, false);
    }
  }

  /** A socket that opened, with its events and connect callbacks. */
  private record Opened(SocketTask task, EventLog log, Call call) {}

  private Opened open(F target) {
    Call call = new Call("connectSocket");
    SocketTask task = connect(target, options(server.url(), call).build());
    assertThat(task).as("connect must return the task of an accepted connect (%s)", call).isNotNull();
    EventLog log = events(task);
    log.awaitOpen(WAIT);
    call.succeeded(WAIT);
    return new Opened(task, log, call);
  }

  /** A connect that should fail on the network. */
  private final class Faulted {
    private final PlatformProfile profile;
    private final Call call;
    private final SocketTask task;
    private final EventLog log;

    Faulted(PlatformProfile profile, Call call, SocketTask task) {
      this.profile = profile;
      this.call = call;
      this.task = task;
      this.log = task == null ? null : events(task);
    }

    /**
     * Checks the fault: onError (shape, kind) then onClose 1006, the connect's callbacks once by the profile's
     * timing, the task CLOSED.
     *
     * @return the error event, or the connect's fail result where no task was handed out
     */
    SocketResult assertFault(ErrorKind kind) {
      if (profile.connectResultTiming() == ConnectResultTiming.ON_OPEN) {
        assertFailureShape(profile, call.failed(WAIT), Api.CONNECT, kind);
      }
      if (task == null) {
        assertThat(profile.connectResultTiming()).as("a task is handed out for an accepted connect")
            .isEqualTo(ConnectResultTiming.ON_OPEN);
        return call.failed(WAIT);
      }
      CloseEvent close = log.awaitClose(WAIT);
      log.assertWellFormed();
      assertThat(log.kinds()).as("events of a failed connect").containsExactly(Kind.ERROR, Kind.CLOSE);
      assertThat(close.code()).as("close code of a failed connect").isEqualTo(1006);
      assertThat(task.state()).isEqualTo(ReadyState.CLOSED);
      if (profile.connectResultTiming() == ConnectResultTiming.ON_ACCEPT) {
        call.succeeded(WAIT);
      }
      SocketResult error = log.errors().get(0);
      assertFailureShape(profile, error, null, kind);
      return error;
    }
  }

  private Faulted connectAndFault(F target, String url) {
    Call call = new Call("connectSocket to " + url);
    return new Faulted(target.runtime().profile(), call, connect(target, options(url, call).build()));
  }

  /**
   * Checks a success result: the platform's success shape for the API ({@code errMsg "<api>:ok"}).
   */
  private void assertSuccessShape(SocketResult result, Api api) {
    String name = profile().apiName(api);
    assertThat(result.ok()).as("%s succeeded", name).isTrue();
    assertThat(result.toMap()).as("success result of %s", name)
        .isEqualTo(profile().resultStyle().success(name).toMap());
  }

  private void assertFailureShape(SocketResult result, Api api, ErrorKind kind) {
    assertFailureShape(profile(), result, api, kind);
  }

  /**
   * Checks a failure's shape: its kind, and {@code errMsg "<api>:fail ..."}, or a numeric {@code error} (the style's
   * code for the kind) with a non-empty {@code errorMessage}. An onError event carries the bare reason, led by the
   * profile's wording of the kind ({@code Timed out connecting to server.}).
   *
   * @param profile the profile of the facade that gave the result
   * @param api     the API, or {@code null} for an onError event
   */
  private void assertFailureShape(PlatformProfile profile, SocketResult result, Api api, ErrorKind kind) {
    String name = api == null ? null : profile.apiName(api);
    String what = (name == null ? "onError" : name) + " result " + result;
    assertThat(result.ok()).as("%s is a failure", what).isFalse();
    assertThat(result.kind()).as("%s: kind", what).contains(kind);
    String text;
    if (capabilities().results() == Capabilities.Results.ERR_MSG) {
      text = result.errMsg();
      assertThat(text).as("%s: errMsg", what).isNotBlank();
      String prefix = profile.apiName(api == null ? Api.CONNECT : api) + ":fail";
      if (name != null) {
        assertThat(text).as("%s: errMsg starts %s", what, prefix).startsWith(prefix);
        assertThat(text.indexOf(prefix, 1)).as("%s: the prefix is not doubled", what).isNegative();
      } else {
        assertThat(text).as("%s: an error event carries the bare reason", what).doesNotStartWith(prefix);
      }
      assertThat(result.error()).as("%s: no numeric error in the errMsg style", what).isEmpty();
    } else {
      text = result.errorMessage();
      var code = profile.resultStyle().failure(name, kind, "").error();
      assertThat(result.error()).as("%s: numeric error", what).isEqualTo(code);
      assertThat(text).as("%s: errorMessage", what).isNotBlank();
    }
    if (name == null) {
      assertThat(text).as("%s: led by the profile's wording of %s", what, kind).startsWith(profile.message(kind));
    }
  }

  /** Watches a task's state from its own thread, recording each change. */
  private static final class StateSampler extends Thread {
    private final SocketTask task;
    final List<ReadyState> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    final List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();

    StateSampler(SocketTask task) {
      super("tck-readyState-sampler");
      setDaemon(true);
      this.task = task;
    }

    @Override
    public void run() {
      long deadline = System.nanoTime() + WAIT.toNanos();
      ReadyState last = null;
      while (last != ReadyState.CLOSED && System.nanoTime() < deadline) {
        int code = task.readyState();
        ReadyState state = task.state();
        if (state.code() < code) {
          problems.add("readyState() " + code + " but state() " + state + " afterwards");
        }
        if (state != last) {
          seen.add(state);
          last = state;
        }
        Thread.onSpinWait();
      }
    }
  }
}
