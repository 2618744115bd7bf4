package io.minisocket.js.internal;

import io.minisocket.core.SocketResult;
import java.util.function.Consumer;
import org.graalvm.polyglot.Value;

/**
 * A JavaScript function passed as an option ({@code success}, {@code fail}, {@code complete}): a callback of results
 * that calls the function on the script's loop with the result as a plain object ({@code {errMsg}} or
 * {@code {error, errorMessage}}).
 */
final class JsFunction implements Consumer<SocketResult> {
  private final JsContext js;
  private final Value function;

  JsFunction(JsContext js, Value function) {
    this.js = js;
    this.function = function;
  }

  @Override
  public void accept(SocketResult result) {
    js.run(() -> js.invoke(function, () -> js.toJs(result.toMap())));
  }

  @Override
  public String toString() {
    return "function";
  }
}
