package io.minisocket.jmeter;

import io.minisocket.jmeter.internal.ScenarioSpec;
import io.minisocket.jmeter.internal.VirtualUser;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.jmeter.samplers.SampleResult;
import org.apache.jmeter.services.FileServer;

/**
 * Runs a team's own mini-program socket code as a virtual user: each JMeter thread has one JavaScript scenario (the
 * file loaded once on GraalJS, with the platform's global — {@code wx}, {@code my}, {@code uni} or {@code Taro} —
 * over a facade of its own), and each sample calls one function the file exports, awaiting a returned Promise. The
 * sample succeeds when the function returns or its Promise resolves; its response data is the value (a string as it
 * is, an ArrayBuffer as bytes, anything else as JSON). A thrown error or rejected Promise ({@code js error}), an
 * error thrown in a callback during the call ({@code uncaught}) or a timeout fails it with the JavaScript error text.
 *
 * <p>Properties: {@link #PLATFORM}, {@link #SCRIPT}, {@link #FUNCTION}, {@link #ARGUMENTS}, {@link #GLOBALS},
 * {@link #SETTINGS}, {@link #CONFIG}, {@link #TRUST_PEM}, {@link #TRUST_ALL}, {@link #TIMEOUT_MS}.
 *
 * <p><b>Lifecycle.</b> The thread's first scenario sample starts the script and runs the file's top level before the
 * sample's clock starts (a GraalJS context takes seconds to start); a sample whose platform, script, settings,
 * configuration, trust or globals differ starts a new one (closing the old). A call that runs past {@code timeoutMs}
 * closes the script; the next sample starts it again. When the thread ends the script is closed: its sockets, its
 * facade, its context and its loop thread. <b>Threading.</b> The sample runs on its JMeter thread; the script on its
 * own loop thread. <b>Nothing lost.</b> Every sample ends in a result, a JavaScript error or a timeout, never in an
 * exception; the script's console goes to JMeter's log.
 */
public class JsScenarioSampler extends PlatformSampler {
  private static final long serialVersionUID = 1L;

  /** Property: the JavaScript file; a relative path is resolved against the plan's folder. */
  public static final String SCRIPT = "script";
  /** Property: the exported function (or top-level function) this sample calls. */
  public static final String FUNCTION = "function";
  /** Property: the function's arguments, one string per line; blank for none. */
  public static final String ARGUMENTS = "arguments";
  /** Property: global variables for the script, {@code NAME=value} lines (such as {@code SERVER_URL=wss://...}). */
  public static final String GLOBALS = "globals";

  private String script = "";
  private String function = "";
  private String arguments = "";
  private String globals = "";

  @Override
  void sample(VirtualUser user, SampleResult result) {
    String name = text(function);
    if (name.isEmpty()) {
      throw new IllegalArgumentException(FUNCTION + ": the name of the function to call is required");
    }
    if (text(script).isEmpty()) {
      throw new IllegalArgumentException(SCRIPT + ": the path of a JavaScript file is required");
    }
    Path file = Path.of(FileServer.resolveBaseRelativeName(text(script)));
    result.setSamplerData(text(getPlatform()) + " " + file + " " + name + "(" + String.join(", ", argumentList()) + ")");
    user.callScenario(new ScenarioSpec(text(getPlatform()), file, text(getSettings()), text(getConfig()),
        text(getTrustPem()), trustAllCertificates(), text(globals)), name, argumentList(), timeoutMillis(), result);
  }

  private List<String> argumentList() {
    return text(arguments).isEmpty() ? List.of() : Arrays.stream(text(arguments).split("\\R")).map(String::trim)
        .toList();
  }



  /** @return {@link #SCRIPT} */
  public String getScript() {
    return script;
  }

  /** @param script the JavaScript file */
  public void setScript(String script) {
    this.script = script;
  }

  /** @return {@link #FUNCTION} */
  public String getFunction() {
    return function;
  }

  /** @param function the exported function to call */
  public void setFunction(String function) {
    this.function = function;
  }

  /** @return {@link #ARGUMENTS} */
  public String getArguments() {
    return arguments;
  }

  /** @param arguments one string argument per line */
  public void setArguments(String arguments) {
    this.arguments = arguments;
  }

  /** @return {@link #GLOBALS} */
  public String getGlobals() {
    return globals;
  }

  /** @param globals {@code NAME=value} lines */
  public void setGlobals(String globals) {
    this.globals = globals;
  }








}
