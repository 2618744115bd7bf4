package io.minisocket.js.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * {@code setTimeout}, {@code clearTimeout}, {@code setInterval} and {@code clearInterval} on the script's loop.
 * Ids are positive numbers; clearing an unknown id does nothing, as in browsers. Used on the loop only.
 */
public final class Timers {
  private final JsContext js;
  private final Map<Integer, ScheduledFuture<?>> active = new HashMap<>();
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
        ScheduledFuture<?> timer = active.remove(id.asInt());
        if (timer != null) {
          timer.cancel(false);
        }
      }
      return null;
    };
    globals.putMember("clearTimeout", clear);
    globals.putMember("clearInterval", clear);
  }

  /** @return how many timers are waiting to fire */
  public int active() {
    return active.size();
  }

  private Object start(Value[] args, boolean repeat) {
    Value function = JsSocketTask.function(js, args, repeat ? "setInterval" : "setTimeout");
    Value delayArg = HostObject.arg(args, 1);
    long delay = delayArg != null && delayArg.isNumber() ? Math.max(0, (long) delayArg.asDouble()) : 0;
    Object[] extra = args.length > 2 ? Arrays.copyOfRange(args, 2, args.length) : new Object[0];
    int id = ++lastId;
    schedule(id, function, delay, extra, repeat);
    return id;
  }

  private void schedule(int id, Value function, long delay, Object[] extra, boolean repeat) {
    ScheduledFuture<?> timer = js.loop().schedule(() -> {
      if (!active.containsKey(id)) {
        return;
      }
      if (repeat) {
        schedule(id, function, delay, extra, true);
      } else {
        active.remove(id);
      }
      js.invokeWith(function, extra);
    }, delay);
    if (timer != null) {
      active.put(id, timer);
    }
  }
}
