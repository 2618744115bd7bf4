package io.minisocket.js.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * A JavaScript object made by Java: named members, each a value or a function. A member it does not have is
 * {@code undefined} to the script, so calling it is a {@code TypeError ... is not a function}, as on a platform that
 * lacks the API. Scripts may add members of their own (polyfills do).
 */
class HostObject implements ProxyObject {
  private final Map<String, Object> members = new LinkedHashMap<>();

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
    members.put(name, new Getter(getter));
  }

  @Override
  public Object getMember(String key) {
    Object member = members.get(key);
    return member instanceof Getter getter ? getter.value().get() : member;
  }

  @Override
  public Object getMemberKeys() {
    return ProxyArray.fromArray(members.keySet().toArray());
  }

  @Override
  public boolean hasMember(String key) {
    return members.containsKey(key);
  }

  @Override
  public void putMember(String key, Value value) {
    members.put(key, value);
  }

  @Override
  public boolean removeMember(String key) {
    return members.remove(key) != null;
  }

  private record Getter(Supplier<Object> value) {}

  /**
   * @param args a call's arguments
   * @param i    an index
   * @return the argument, or {@code null} when it was not passed
   */
  static Value arg(Value[] args, int i) {
    return i < args.length ? args[i] : null;
  }
}
