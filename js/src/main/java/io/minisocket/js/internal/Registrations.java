package io.minisocket.js.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.graalvm.polyglot.Value;

/**
 * Which Java listener stands for which JavaScript function, so that {@code off*(fn)} removes the listener that
 * {@code on*(fn)} registered. Used on the script's loop only.
 *
 * @param <T> the event type
 */
final class Registrations<T> {
  /**
   * Adds {@code onName(fn)} to the object, registering each function as a Java listener through {@code on}, and
   * when {@code offName} is given {@code offName(fn)}, which unregisters it through {@code off} (every function
   * registered so, when called without one).
   */
  static <T> void install(HostObject object, JsContext js, String onName, String offName, Consumer<Consumer<T>> on,
      Consumer<Consumer<T>> off, Function<T, Object> convert) {
    Registrations<T> registrations = new Registrations<>();
    object.method(onName, args -> {
      on.accept(registrations.add(JsSocketTask.function(js, args, onName), js.callback(args[0], convert)));
      return null;
    });
    if (offName != null) {
      object.method(offName, args -> {
        registrations.remove(HostObject.arg(args, 0)).forEach(off);
        return null;
      });
    }
  }

  private record Entry<T>(Value function, Consumer<T> listener) {}

  private final List<Entry<T>> entries = new ArrayList<>();

  /**
   * @param function the JavaScript function
   * @param listener the Java listener registered for it
   * @return the listener
   */
  Consumer<T> add(Value function, Consumer<T> listener) {
    entries.add(new Entry<>(function, listener));
    return listener;
  }

  /**
   * Forgets the function's oldest registration, or all of them when {@code function} is null.
   *
   * @param function the JavaScript function, or null
   * @return the listeners to unregister
   */
  List<Consumer<T>> remove(Value function) {
    List<Consumer<T>> removed = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      if (function == null || entries.get(i).function().equals(function)) {
        removed.add(entries.remove(i--).listener());
        if (function != null) {
          break;
        }
      }
    }
    return removed;
  }
}
