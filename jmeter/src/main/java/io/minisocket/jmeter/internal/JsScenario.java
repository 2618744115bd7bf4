package io.minisocket.jmeter.internal;

import io.minisocket.core.SocketConfig;
import io.minisocket.core.loop.EventLoop;
import io.minisocket.core.spi.PlatformFacade;
import io.minisocket.core.transport.Transport;
import io.minisocket.jmeter.internal.BuiltInPlatforms.MyPlatform;
import io.minisocket.jmeter.internal.BuiltInPlatforms.TaroPlatform;
import io.minisocket.jmeter.internal.BuiltInPlatforms.UniAppPlatform;
import io.minisocket.jmeter.internal.BuiltInPlatforms.WxPlatform;
import io.minisocket.jmeter.internal.SharedPool.Lease;
import io.minisocket.js.JsError;
import io.minisocket.js.JsException;
import io.minisocket.js.JsScript;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.jmeter.samplers.SampleResult;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One virtual user's JavaScript scenario: a {@link JsScript} on its own event loop, with the platform's global
 * ({@code wx}, {@code my}, {@code uni} or {@code Taro}) over a facade of its own, the file loaded once; each sample
 * calls one function the file exports.
 *
 * <p>Lifecycle: started by the thread's first scenario sample (before that sample's clock starts: a GraalJS context
 * takes seconds to start); {@link #close()} — at the thread's end, when the plan changes the scenario, or after a
 * call that ran past its time — cancels the script, closes its facade (and so its sockets), ends its loop thread and
 * lets go of the engine's transport. Threading: used by its JMeter thread only; the script runs on its own loop.
 */
final class JsScenario implements AutoCloseable {
  private static final Logger LOG = LogManager.getLogger(JsScenario.class);
  /** The platforms {@link JsScript} has globals for. */
  private static final List<String> PLATFORMS = List.of("wx", "my", "uni", "taro");

  private final ScenarioSpec spec;
  private final JsScript script;
  private final Lease<Transport> transport;

  private JsScenario(ScenarioSpec spec, JsScript script, Lease<Transport> transport) {
    this.spec = spec;
    this.script = script;
    this.transport = transport;
  }

  ScenarioSpec spec() {
    return spec;
  }

  /**
   * Starts the script and runs the file's top level.
   *
   * @param spec          the scenario
   * @param timeoutMillis how long the top level may run
   * @return the running scenario
   * @throws IllegalArgumentException for a bad property: an unknown platform or setting, bad JSON, no such file
   * @throws JsException              for a syntax error or an error the file's top level threw
   */
  static JsScenario start(ScenarioSpec spec, long timeoutMillis) {
    if (!PLATFORMS.contains(spec.platform())) {
      throw new IllegalArgumentException(
          "platform: a JavaScript scenario runs on wx, my, uni or taro, got '" + spec.platform() + "'");
    }
    if (!Files.isRegularFile(spec.script())) {
      throw new IllegalArgumentException("script: no JavaScript file at '" + spec.script() + "'");
    }
    Map<String, String> settings = Settings.parse(spec.settings());
    Map<String, String> globals = Settings.parse(spec.globals());
    SocketConfig config = Facades.config(spec.platform(), spec.config());
    Lease<Transport> transport = Facades.transport(spec.trustPem(), spec.trustAll());
    JsScript.Builder builder = JsScript.builder().timeout(Duration.ofMillis(timeoutMillis)).console(JsScenario::log);
    PlatformFacade facade = null;
    JsScript script = null;
    try {
      Transport engineTransport = transport.value();
      EventLoop loop = builder.loop();
      facade = switch (spec.platform()) {
        case "wx" -> given(WxPlatform.facade(engineTransport, settings, config, loop), builder::wx);
        case "my" -> given(MyPlatform.facade(engineTransport, settings, config, loop), builder::my);
        case "uni" -> given(UniAppPlatform.facade(engineTransport, settings, config, loop), builder::uni);
        default -> given(TaroPlatform.facade(engineTransport, settings, config, loop), builder::taro); // "taro"
      };
      globals.forEach(builder::global);
      script = builder.build();
      script.load(spec.script());
      return new JsScenario(spec, script, transport);
    } catch (RuntimeException | Error e) {
      if (script != null) {
        script.close(); // closes the facade and the loop
      } else {
        if (facade != null) {
          facade.close();
        }
        builder.loop().close();
      }
      transport.close();
      throw e;
    }
  }

  /** Gives the script its platform global over the facade (made on the script's loop, so never refused). */
  private static <F extends PlatformFacade> F given(F facade, Function<F, JsScript.Builder> global) {
    global.apply(facade);
    return facade;
  }

  /**
   * Calls an exported function and fills the sample: its time and latency are the call's (until a returned Promise
   * settles); its response data what the function returned (a string as it is, an ArrayBuffer as bytes, anything else
   * as JSON).
   * A thrown error, a rejected Promise or an error no script code caught in a callback during the call fails it with
   * the JavaScript error text.
   *
   * @param function      the exported function's name
   * @param arguments     its arguments, strings
   * @param timeoutMillis how long the call may take
   * @param result        the sample to fill
   * @return {@code false} when the call ran past its time: the script may be stuck, so it must be closed
   */
  boolean call(String function, List<String> arguments, long timeoutMillis, SampleResult result) {
    int errorsBefore = script.errors().size();
    result.sampleStart();
    CompletableFuture<Object> call = script.call(function, arguments.toArray());
    try {
      Object value = call.get(timeoutMillis, TimeUnit.MILLISECONDS);
      result.latencyEnd();
      result.sampleEnd();
      List<JsError> uncaught = script.errors();
      if (uncaught.size() > errorsBefore) {
        VirtualUser.failure(result, VirtualUser.UNCAUGHT, uncaught.subList(errorsBefore, uncaught.size()).stream()
            .map(JsError::describe).collect(Collectors.joining("\n")));
      } else {
        returned(result, function, value);
      }
      return true;
    } catch (TimeoutException e) {
      result.sampleEnd();
      VirtualUser.timedOut(result, function + "(): no result", timeoutMillis, " (the script is closed; the next "
          + "sample starts it again)");
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      result.sampleEnd();
      VirtualUser.timedOut(result, function + "(): no result", timeoutMillis, "");
      return false;
    } catch (ExecutionException e) {
      result.sampleEnd();
      if (e.getCause() instanceof JsException js) {
        VirtualUser.failure(result, VirtualUser.JS_ERROR, js.error().describe());
      } else if (e.getCause() instanceof IllegalArgumentException bad) { // no such function
        VirtualUser.failure(result, VirtualUser.BAD_PROPERTY, "function: " + bad.getMessage());
      } else {
        VirtualUser.failure(result, VirtualUser.JS_ERROR, String.valueOf(e.getCause().getMessage()));
      }
      return true;
    }
  }

  private static void returned(SampleResult result, String function, Object value) {
    result.setSuccessful(true);
    result.setResponseCode(VirtualUser.RETURNED);
    if (value instanceof byte[] bytes) {
      result.setResponseMessage(function + "() returned an ArrayBuffer of " + bytes.length + " bytes");
      result.setResponseData(bytes);
      result.setDataType(SampleResult.BINARY);
      return;
    }
    String text = value instanceof String string ? string : value == null ? "" : Json.value(value);
    result.setResponseMessage(function + "() returned " + (value instanceof String ? "a string"
        : value == null ? "nothing" : "JSON"));
    result.setResponseData(text, StandardCharsets.UTF_8.name());
    result.setDataType(SampleResult.TEXT);
  }

  /** A script's console lines go to JMeter's log ({@code jmeter.log}), at their level. */
  private static void log(String level, String text) {
    LOG.log(switch (level) {
      case "error" -> Level.ERROR;
      case "warn" -> Level.WARN;
      case "debug" -> Level.DEBUG;
      default -> Level.INFO;
    }, text);
  }

  /** Closes the script (its facade, sockets and loop thread) and lets go of the transport. */
  @Override
  public void close() {
    try {
      script.close();
    } finally {
      transport.close();
    }
  }
}
