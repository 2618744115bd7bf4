package io.minisocket.js.internal;

import io.minisocket.core.JsOptions;
import io.minisocket.core.SocketTask;
import org.graalvm.polyglot.Value;

/**
 * A {@link SocketTask} as the script sees it: {@code readyState} (read live), the four constants, {@code send},
 * {@code close}, {@code onOpen}/{@code onMessage}/{@code onError}/{@code onClose}, and on Alipay the {@code off*}
 * methods. Each JavaScript listener is one listener of the Java task, so the task's rules hold as they are.
 */
final class JsSocketTask extends HostObject {

  JsSocketTask(JsContext js, SocketTask task, Shape shape) {
    getter("readyState", task::readyState);
    value("CONNECTING", SocketTask.CONNECTING);
    value("OPEN", SocketTask.OPEN);
    value("CLOSING", SocketTask.CLOSING);
    value("CLOSED", SocketTask.CLOSED);
    method("send", args -> {
      task.send(shape.sendOptions(js.options(arg(args, 0), "send")));
      return null;
    });
    method("close", args -> {
      task.close(JsOptions.closeOptions(js.options(arg(args, 0), "close")));
      return null;
    });
    Registrations.installEvents(this, js, "", shape,
        new Registrations.Listener<>(task::onOpen, task::offOpen),
        new Registrations.Listener<>(task::onMessage, task::offMessage),
        new Registrations.Listener<>(task::onError, task::offError),
        new Registrations.Listener<>(task::onClose, task::offClose));
  }

  /**
   * @return the first argument, checked to be a function
   * @throws RuntimeException a JavaScript TypeError when it is not
   */
  static Value function(JsContext js, Value[] args, String api) {
    Value function = arg(args, 0);
    if (function == null || !function.canExecute()) {
      throw js.typeError(api + ": the argument must be a function, got " + function);
    }
    return function;
  }
}
