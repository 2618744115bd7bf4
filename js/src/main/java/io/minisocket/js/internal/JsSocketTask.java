package io.minisocket.js.internal;

import io.minisocket.core.CloseEvent;
import io.minisocket.core.JsOptions;
import io.minisocket.core.MessageEvent;
import io.minisocket.core.OpenEvent;
import io.minisocket.core.SocketResult;
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
    Registrations.install(this, js, "onOpen", shape.offMethods() ? "offOpen" : null, task::onOpen, task::offOpen, (OpenEvent e) -> shape.open(js, e));
    Registrations.install(this, js, "onMessage", shape.offMethods() ? "offMessage" : null, task::onMessage, task::offMessage, (MessageEvent e) -> shape.message(js, e));
    Registrations.install(this, js, "onError", shape.offMethods() ? "offError" : null, task::onError, task::offError, (SocketResult e) -> shape.result(js, e));
    Registrations.install(this, js, "onClose", shape.offMethods() ? "offClose" : null, task::onClose, task::offClose, (CloseEvent e) -> shape.close(js, e));
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
