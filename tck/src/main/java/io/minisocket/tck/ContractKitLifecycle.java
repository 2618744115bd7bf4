package io.minisocket.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.minisocket.core.transport.Transport;
import io.minisocket.testkit.MockWebSocketServer;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The lifecycle both contract kits share: one transport per test class, created by the subclass and closed after the
 * last test; per test a {@code wss://localhost} {@link MockWebSocketServer} and whatever else the test started,
 * closed after it in reverse order; and the event records of every test, checked after it and again after the last
 * test (so that an event that arrives late still fails the run).
 *
 * <p>One instance per test class ({@link TestInstance.Lifecycle#PER_CLASS}), shared by the kit's {@code @Nested}
 * classes; JUnit runs the methods here before (and after) the kit's own. The rules an implementation lists in
 * {@link #knownViolations()} are skipped with their reason.
 *
 * @param <E> how a test's events are recorded ({@link EventLog} for an adapter, {@link PortEvents} for a transport)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@ExtendWith(ContractKitLifecycle.KnownViolations.class)
abstract class ContractKitLifecycle<E> {
  /** How long the kit waits for what must happen; only a failing test waits this long. */
  protected static final Duration WAIT = Duration.ofSeconds(10);
  /** The connect timeout of the kit's connects. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  /** The connect timeout of the kit's connects that are meant to time out. */
  static final Duration SHORT_CONNECT_TIMEOUT = Duration.ofMillis(500);

  /** What the running test started; closed after it. */
  final KitResources resources = new KitResources();
  private final List<E> testRecords = new ArrayList<>();
  private final List<E> allRecords = new ArrayList<>();
  /** The transport under test, or the one the facades under test connect through. */
  Transport transport;
  /** The running test's server, trusted by {@link #transport}. */
  MockWebSocketServer server;

  /**
   * Creates the transport the kit's connections go through (the transport under test, or the one every facade of
   * the adapter under test connects through); the kit closes it after the last test.
   *
   * @param trustedCertificatePem a PEM file with the self-signed certificate of the kit's {@code wss://} servers,
   *                              which the transport must trust
   * @return the transport
   */
  protected abstract Transport createTransport(Path trustedCertificatePem);

  /**
   * Rules the implementation cannot keep yet, each with why: their tests are reported as skipped with that reason
   * instead of failing. Record only a failure that is the implementation's fault and cannot be fixed at once, never
   * to weaken the kit; a name that is not one of the kit's rules fails the run.
   *
   * @return the rule (the test method's name, e.g. {@code required_send_fromManyThreadsKeepsEachThreadsOrder}) mapped
   *     to the reason; empty unless overridden
   */
  protected Map<String, String> knownViolations() {
    return Map.of();
  }

  /**
   * Checks the rules a record keeps at any time (no event after the terminal one, ...).
   *
   * @param record a test's event record
   */
  abstract void assertRulesKept(E record);

  /**
   * @param record a record of a test's events
   * @return the record, checked after the test and after the last test
   */
  final <T extends E> T track(T record) {
    testRecords.add(record);
    allRecords.add(record);
    return record;
  }

  /**
   * @param startNanos when a connect with {@link #SHORT_CONNECT_TIMEOUT} started ({@link System#nanoTime()})
   * @throws AssertionError when it took more than 5 s longer than its timeout
   */
  static void assertEndedSoonAfterTheShortTimeout(long startNanos) {
    assertThat(Duration.ofNanos(System.nanoTime() - startNanos)).as("time to the timeout of %s", SHORT_CONNECT_TIMEOUT)
        .isLessThan(SHORT_CONNECT_TIMEOUT.plusSeconds(5));
  }

  @BeforeAll
  final void tckStartTransport() {
    Set<String> rules = rules();
    for (String rule : knownViolations().keySet()) {
      if (!rules.contains(rule)) {
        throw new IllegalArgumentException("knownViolations() names " + rule + ", which is not a rule of the kit");
      }
    }
    transport = createTransport(KitCertificates.TRUSTED_PEM);
  }

  /** Closes the transport, then checks every test's records again: an event after the terminal one shows here. */
  @AfterAll
  final void tckCloseTransport() {
    if (transport != null) {
      transport.close();
    }
    for (E record : allRecords) {
      assertRulesKept(record);
    }
  }

  @BeforeEach
  final void tckStartServer() {
    server = resources.server(KitCertificates.TRUSTED);
  }

  @AfterEach
  final void tckCloseEverything() throws Exception {
    try {
      resources.close();
      for (E record : testRecords) {
        assertRulesKept(record);
      }
    } finally {
      testRecords.clear();
    }
  }

  /** @return the names of the kit's rules: its test methods and those of its nested classes */
  private Set<String> rules() {
    Set<String> rules = new HashSet<>();
    for (Class<?> type = getClass(); type != null; type = type.getSuperclass()) {
      addRules(type, rules);
      for (Class<?> area : type.getDeclaredClasses()) {
        addRules(area, rules);
      }
    }
    return rules;
  }

  private static void addRules(Class<?> type, Set<String> rules) {
    for (Method method : type.getDeclaredMethods()) {
      if (method.getName().startsWith("required_")) {
        rules.add(method.getName());
      }
    }
  }

  /** Skips the tests of the rules the running kit lists in {@link #knownViolations()}, giving the reason. */
  static final class KnownViolations implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      String reason = context.getTestMethod().flatMap(method -> context.getTestInstances()
          .flatMap(instances -> instances.getAllInstances().stream()
              .filter(ContractKitLifecycle.class::isInstance).findFirst())
          .map(kit -> ((ContractKitLifecycle<?>) kit).knownViolations().get(method.getName()))).orElse(null);
      return reason == null ? ConditionEvaluationResult.enabled("not a known violation")
          : ConditionEvaluationResult.disabled("known violation: " + reason);
    }
  }
}
