package io.minisocket.js.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * Builds a plain JavaScript object whose functions are Java: named members, each a value, a function or a getter.
 * A member it does not have is {@code undefined} to the script, so calling it is JavaScript's own
 * {@code TypeError: wx.offSocketOpen is not a function}, as on a platform that lacks the API.
 */
class HostObject {
  private final Map<String, Object> members = new LinkedHashMap<>();
  private final Map<String, Object> getters = new LinkedHashMap<>();

  /** A function member: receives the call's arguments, returns the JavaScript result (or null for undefined). */
  @FunctionalInterface
  interface Method {
    Object call(Value[] args);
  }

  /**
   * @param name   the member's name
   * @param method what calling it does
   */
  final void method(String name, Method method) {
    members.put(name, (ProxyExecutable) method::call);
  }

  /**
   * @param name  the member's name
   * @param value its value
   */
  final void value(String name, Object value) {
    members.put(name, value);
  }

  /**
   * @param name   the member's name
   * @param getter computes its value each time the script reads it
   */
  final void getter(String name, Supplier<Object> getter) {
    getters.put(name, (ProxyExecutable) args -> getter.get());
  }

  /**
   * @param js the script's context (call on its loop)
   * @return the plain JavaScript object
   */
  final Value build(JsContext js) {
    return js.plainObject(ProxyObject.fromMap(members), ProxyObject.fromMap(getters));
  }

  /**
   * @param args a call's arguments
   * @param i    an index
   * @return the argument, or {@code null} when it was not passed
   */
  static Value arg(Value[] args, int i) {
    return i < args.length ? args[i] : null;
  }
}
