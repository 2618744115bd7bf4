package io.minisocket.js.internal;

import io.minisocket.core.CloseEvent;
import io.minisocket.core.MessageEvent;
import io.minisocket.core.OpenEvent;
import io.minisocket.core.SocketResult;
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
   * One kind of listener of a Java object: how to register and unregister it.
   *
   * @param on  registers a listener
   * @param off unregisters a listener
   * @param <T> the event type
   */
  record Listener<T>(Consumer<Consumer<T>> on, Consumer<Consumer<T>> off) {}

  /**
   * Adds the four event methods — {@code on<prefix>Open}, {@code Message}, {@code Error}, {@code Close}, and with
   * the shape's {@code off*} their removers — in the shape's event forms.
   */
  static void installEvents(HostObject object, JsContext js, String prefix, Shape shape, Listener<OpenEvent> open,
      Listener<MessageEvent> message, Listener<SocketResult> error, Listener<CloseEvent> close) {
    install(object, js, prefix + "Open", shape.offMethods(), open, e -> shape.open(js, e));
    install(object, js, prefix + "Message", shape.offMethods(), message, e -> shape.message(js, e));
    install(object, js, prefix + "Error", shape.offMethods(), error, e -> shape.result(js, e));
    install(object, js, prefix + "Close", shape.offMethods(), close, e -> shape.close(js, e));
  }

  /**
   * Adds {@code on<event>(fn)} to the object, registering each function as a Java listener,
   * and with {@code withOff} {@code off<event>(fn)}, which unregisters it (every function
   * registered so, when called without one).
   */
  private static <T> void install(HostObject object, JsContext js, String event, boolean withOff,
      Listener<T> listener, Function<T, Object> convert) {
    String onName = "on" + event;
    Registrations<T> registrations = new Registrations<>();
    object.method(onName, args -> {
      listener.on().accept(registrations.add(JsSocketTask.function(js, args, onName), js.callback(args[0], convert)));
      return null;
    });
    if (withOff) {
      object.method("off" + event, args -> {
        registrations.remove(HostObject.arg(args, 0)).forEach(listener.off());
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
