package io.minisocket.example.qq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.minisocket.core.ConnectOptions;
import io.minisocket.core.SocketResult;
import io.minisocket.core.SocketTask;
import io.minisocket.core.transport.Completion;
import io.minisocket.core.transport.Connection;
import io.minisocket.core.transport.ConnectionEvents;
import io.minisocket.core.transport.ConnectRequest;
import io.minisocket.core.transport.Frame;
import io.minisocket.core.transport.Transport;
import io.minisocket.core.transport.TransportFailure;
import io.minisocket.tck.AdapterContractKit;
import io.minisocket.tck.Capabilities;
import io.minisocket.tck.TransportContractKit;
import io.minisocket.transport.vertx.VertxTransport;
import io.minisocket.transport.vertx.VertxTransportOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.launcher.MethodFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * A kit is only worth passing if it fails what is broken. Each case runs one rule of the kit against a deliberately
 * broken variant of QQ or of the Vert.x transport (the nested classes, which surefire does not run on their own)
 * and expects that rule to fail.
 */
class KitCatchesBrokenImplementationsTest {
  private static final String LAUNCHED_HERE = "minisocket.tck.self-test";

  static Stream<Arguments> brokenImplementations() {
    return Stream.of(
        Arguments.of("success runs twice", SuccessTwice.class,
            "required_connect_runsSuccessOrFailExactlyOnceThenComplete"),
        Arguments.of("bad input throws instead of failing", ThrowsOnBadInput.class,
            "required_connect_failsInThePlatformShapeForEveryBadInput"),
        Arguments.of("profile allows 5 sockets, the platform 4", LimitOfFour.class,
            "required_connectionLimit_holdsUnderConcurrentConnects"),
        Arguments.of("profile has a global API the platform lacks", NoGlobalApi.class,
            "required_globalApi_whenAbsent_failsClearlyWhenUsed"),
        Arguments.of("writes completed twice", WritesCompletedTwice.class,
            "required_send_runsSuccessOrFailExactlyOnceThenComplete"),
        Arguments.of("every connect failure reported as I/O", EverythingIsIo.class,
            "required_fault_connectionRefused_endsWithErrorThenClose"),
        Arguments.of("transport: closed reported twice", ClosedTwiceTransport.class,
            "required_close_performsTheClosingHandshake"),
        Arguments.of("transport: timeout reported as I/O", TimeoutIsIoTransport.class,
            "required_failure_stalledHandshakeTimesOutInTime"));
  }

  /**
   * Runs one rule against the broken variant, expecting a failure, and against the implementation as it is,
   * expecting none (so that a failure for another reason, such as a class the launcher cannot run, shows).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenImplementations")
  void theKitFailsTheRuleThatIsBroken(String broken, Class<?> kit, String rule) {
    Class<?> asIs = AdapterContractKit.class.isAssignableFrom(kit) ? QQContractTest.class : TransportAsIs.class;
    TestExecutionSummary control = run(asIs, rule);
    assertThat(control.getTestsStartedCount()).as("%s runs on the implementation as it is", rule).isPositive();
    assertThat(control.getTotalFailureCount()).as("failures of %s on the implementation as it is: %s", rule,
        control.getFailures()).isZero();
    TestExecutionSummary summary = run(kit, rule);
    assertThat(summary.getTotalFailureCount()).as("%s fails when %s (ran %s, skipped %s, aborted %s)", rule, broken,
        summary.getTestsStartedCount(), summary.getTestsSkippedCount(), summary.getTestsAbortedCount()).isPositive();
  }

  /**
   * A rule the adapter lists as a known violation is skipped with its reason, not failed; the others still run; a
   * listed name that is no rule (a typo) fails.
   */
  @Test
  void aKnownViolationIsSkippedNotFailed() {
    TestExecutionSummary known = run(SuccessTwiceKnown.class,
        "required_connect_runsSuccessOrFailExactlyOnceThenComplete");
    assertThat(known.getTotalFailureCount()).as("failures of a known violation: %s", known.getFailures()).isZero();
    assertThat(known.getTestsSkippedCount()).as("the known violation is skipped").isEqualTo(1);
    TestExecutionSummary other = run(SuccessTwiceKnown.class, "required_profile_matchesTheDeclaredCapabilities");
    assertThat(other.getTestsSucceededCount()).as("a rule not listed still runs").isEqualTo(1);
    assertThat(run(MisnamedKnownViolation.class, "required_profile_matchesTheDeclaredCapabilities")
        .getTotalFailureCount()).as("a known violation that names no rule fails the run").isPositive();
  }

  private static TestExecutionSummary run(Class<?> kit, String rule) {
    // the kit's rules may sit in @Nested classes by area: select the kit and keep the rule's tests
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(kit))
        .filters(MethodFilter.includeMethodNamePatterns(".*#" + Pattern.quote(rule)))
        .configurationParameter(LAUNCHED_HERE, "true").build(), listener);
    return listener.getSummary();
  }

  // ---------------------------------------------------------------------------------------------- broken adapters

  /** Lets the kits below run only when launched by this test (surefire with {@code -Dtest=...} finds them too). */
  static final class OnlyLaunchedHere implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter(LAUNCHED_HERE).isPresent()
          ? ConditionEvaluationResult.enabled("launched by KitCatchesBrokenImplementationsTest")
          : ConditionEvaluationResult.disabled("broken on purpose: run by KitCatchesBrokenImplementationsTest");
    }
  }

  /** QQ's own contract test with the Vert.x transport wrapped by {@code wrap}; each variant breaks one thing. */
  @ExtendWith(OnlyLaunchedHere.class)
  abstract static class Broken extends QQContractTest {
    @Override
    protected Transport createTransport(Path trustedCertificatePem) {
      Transport real = super.createTransport(trustedCertificatePem);
      return new Transport() {
        @Override
        public Connection connect(ConnectRequest request, ConnectionEvents events) {
          return wrap(real.connect(request, wrap(events)));
        }

        @Override
        public void close() {
          real.close();
        }
      };
    }

    ConnectionEvents wrap(ConnectionEvents events) {
      return events;
    }

    Connection wrap(Connection connection) {
      return connection;
    }
  }

  static class SuccessTwice extends Broken {
    @Override
    protected SocketTask connect(QQ qq, ConnectOptions options) {
      Consumer<SocketResult> success = options.callbacks().success();
      return qq.connectSocket(options.toBuilder().success(result -> {
        success.accept(result);
        success.accept(result);
      }).build());
    }
  }

  /** Breaks a rule, and says so. */
  static class SuccessTwiceKnown extends SuccessTwice {
    @Override
    protected Map<String, String> knownViolations() {
      return Map.of("required_connect_runsSuccessOrFailExactlyOnceThenComplete", "success runs twice, on purpose");
    }
  }

  /** Lists a rule the kit does not have. */
  static class MisnamedKnownViolation extends Broken {
    @Override
    protected Map<String, String> knownViolations() {
      return Map.of("required_connect_noSuchRule", "a typo");
    }
  }

  static class ThrowsOnBadInput extends Broken {
    @Override
    protected SocketTask connect(QQ qq, ConnectOptions options) {
      if (options.url() == null || options.url().isEmpty()) {
        throw new IllegalArgumentException("url is required");
      }
      return qq.connectSocket(options);
    }
  }

  /** The documents say 4, the profile keeps 5. */
  static class LimitOfFour extends Broken {
    @Override
    protected Capabilities capabilities() {
      return Capabilities.builder().globalApi(true).connectionLimit(4).wssRequired(true)
          .results(Capabilities.Results.ERR_MSG).build();
    }
  }

  /** The documents say there is no global API, the profile has one. */
  static class NoGlobalApi extends Broken {
    @Override
    protected Capabilities capabilities() {
      return Capabilities.builder().globalApi(false).connectionLimit(5).wssRequired(true)
          .results(Capabilities.Results.ERR_MSG).build();
    }
  }

  static class WritesCompletedTwice extends Broken {
    @Override
    Connection wrap(Connection connection) {
      return new ForwardingConnection(connection) {
        @Override
        public void send(Frame frame, Completion done) {
          super.send(frame, failure -> {
            done.complete(failure);
            done.complete(failure);
          });
        }
      };
    }
  }

  static class EverythingIsIo extends Broken {
    @Override
    ConnectionEvents wrap(ConnectionEvents events) {
      return new FailureRewriting(events, TransportFailure.Kind.IO);
    }
  }

  // ---------------------------------------------------------------------------------------------- broken transports

  /** The Vert.x transport with its events rewritten by {@code wrap}. */
  @ExtendWith(OnlyLaunchedHere.class)
  abstract static class WrappedTransportKit extends TransportContractKit {
    @Override
    protected Transport createTransport(Path trustedCertificatePem) {
      Transport real = VertxTransport.create(VertxTransportOptions.builder().trustPem(trustedCertificatePem).build());
      return new Transport() {
        @Override
        public Connection connect(ConnectRequest request, ConnectionEvents events) {
          return real.connect(request, wrap(events));
        }

        @Override
        public void close() {
          real.close();
        }
      };
    }

    abstract ConnectionEvents wrap(ConnectionEvents events);
  }

  static class TransportAsIs extends WrappedTransportKit {
    @Override
    ConnectionEvents wrap(ConnectionEvents events) {
      return events;
    }
  }

  static class ClosedTwiceTransport extends WrappedTransportKit {
    @Override
    ConnectionEvents wrap(ConnectionEvents events) {
      return new FailureRewriting(events, null) {
        @Override
        public void closed(int code, String reason) {
          super.closed(code, reason);
          super.closed(code, reason);
        }
      };
    }
  }

  static class TimeoutIsIoTransport extends WrappedTransportKit {
    @Override
    ConnectionEvents wrap(ConnectionEvents events) {
      return new FailureRewriting(events, TransportFailure.Kind.IO);
    }
  }

  // ---------------------------------------------------------------------------------------------- helpers

  /** Forwards events, reporting every failure as {@code kind} (when not {@code null}). */
  static class FailureRewriting implements ConnectionEvents {
    private final ConnectionEvents events;
    private final TransportFailure.Kind kind;

    FailureRewriting(ConnectionEvents events, TransportFailure.Kind kind) {
      this.events = events;
      this.kind = kind;
    }

    @Override
    public void opened(Map<String, List<String>> responseHeaders, String protocol) {
      events.opened(responseHeaders, protocol);
    }

    @Override
    public void message(Frame frame) {
      events.message(frame);
    }

    @Override
    public void writable() {
      events.writable();
    }

    @Override
    public void closed(int code, String reason) {
      events.closed(code, reason);
    }

    @Override
    public void failed(TransportFailure failure) {
      events.failed(kind == null ? failure : TransportFailure.of(kind, failure.message(), failure.cause()));
    }
  }

  /** Forwards every call to a connection. */
  static class ForwardingConnection implements Connection {
    private final Connection connection;

    ForwardingConnection(Connection connection) {
      this.connection = connection;
    }

    @Override
    public void send(Frame frame, Completion done) {
      connection.send(frame, done);
    }

    @Override
    public void close(int code, String reason) {
      connection.close(code, reason);
    }

    @Override
    public void abort() {
      connection.abort();
    }

    @Override
    public boolean writeQueueFull() {
      return connection.writeQueueFull();
    }
  }
}
