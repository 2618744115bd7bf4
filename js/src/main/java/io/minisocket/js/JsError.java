package io.minisocket.js;

import java.util.List;
import java.util.Objects;

/**
 * A JavaScript error that no script code caught: a syntax error, an exception thrown by the top level of a file, by a
 * callback, a timer or an exported function, or the cancellation of a script that ran past its time.
 *
 * @param message  the error as JavaScript prints it, e.g. {@code TypeError: wx.offSocketOpen is not a function}
 * @param location {@code file:line} where it was thrown, or {@code null} when unknown
 * @param stack    the JavaScript frames, innermost first, each {@code name (file:line)}
 */
public record JsError(String message, String location, List<String> stack) {

  /** Copies the stack. */
  public JsError {
    Objects.requireNonNull(message, "message");
    stack = List.copyOf(stack);
  }

  /** @return the message, then one {@code at} line per frame, as a JavaScript console prints an error */
  public String describe() {
    StringBuilder text = new StringBuilder(message);
    if (stack.isEmpty() && location != null) {
      text.append("\n    at ").append(location);
    }
    for (String frame : stack) {
      text.append("\n    at ").append(frame);
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return describe();
  }
}
