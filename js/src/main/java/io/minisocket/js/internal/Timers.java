package io.minisocket.js.internal;

import io.minisocket.core.loop.EventLoop;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * {@code setTimeout}, {@code clearTimeout}, {@code setInterval} and {@code clearInterval} as timers of the script's
 * {@link EventLoop} (which counts them as pending work). Ids are positive numbers; clearing an unknown id does
 * nothing, as in browsers. Used on the loop, but for {@link #cancelAll}.
 */
public final class Timers {
  private final JsContext js;
  private final Map<Integer, EventLoop.Timer> timers = new ConcurrentHashMap<>();
  private int lastId;

  /** @param js the script's context */
  public Timers(JsContext js) {
    this.js = js;
  }

  /** Installs the four functions as globals. */
  public void install() {
    Value globals = js.globals();
    globals.putMember("setTimeout", (ProxyExecutable) args -> start(args, false));
    globals.putMember("setInterval", (ProxyExecutable) args -> start(args, true));
    ProxyExecutable clear = args -> {
      Value id = HostObject.arg(args, 0);
      if (id != null && id.fitsInInt()) {
        EventLoop.Timer timer = timers.remove(id.asInt());
        if (timer != null) {
          timer.cancel();
        }
      }
      return null;
    };
    globals.putMember("clearTimeout", clear);
    globals.putMember("clearInterval", clear);
  }

  /** Cancels every timer; callable from any thread. */
  public void cancelAll() {
    timers.values().forEach(EventLoop.Timer::cancel);
    timers.clear();
  }

  private Object start(Value[] args, boolean repeat) {
    Value function = JsSocketTask.function(js, args, repeat ? "setInterval" : "setTimeout");
    Value delayArg = HostObject.arg(args, 1);
    Duration delay = Duration.ofMillis(delayArg != null && delayArg.isNumber() ? (long) delayArg.asDouble() : 0);
    Object[] extra = args.length > 2 ? Arrays.copyOfRange(args, 2, args.length) : new Object[0];
    int id = ++lastId;
    if (repeat) {
      timers.put(id, js.loop().setInterval(() -> js.invokeWith(function, extra), delay));
    } else {
      timers.put(id, js.loop().setTimeout(() -> {
        timers.remove(id);
        js.invokeWith(function, extra);
      }, delay));
    }
    return id;
  }
}
