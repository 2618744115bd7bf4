package io.minisocket.core;

import io.minisocket.core.internal.Validation;
import io.minisocket.core.internal.Wording;
import io.minisocket.core.spi.PlatformProfile;
import io.minisocket.core.spi.Policies.UnsupportedOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Options from a {@code Map}, the way JavaScript code passes an object literal: {@code connectSocket({url, header,
 * ...})}. Callbacks are {@link Consumer}s of {@link SocketResult}. A key of the wrong type does not throw: the
 * options carry a {@linkplain Callbacks.Builder#problem problem} naming the key, and the call fails with it through
 * {@code fail}. Keys the API does not know are logged at debug level and otherwise ignored, as the platforms do
 * (WeChat's own example passes {@code data}).
 */
public final class JsOptions {
  private static final Logger LOG = LogManager.getLogger(JsOptions.class);
  private static final Set<String> CONNECT_KEYS = Set.of("url", "header", "method", "protocols", "data",
      "multiple", "timeout", "success", "fail", "complete");
  private static final Set<String> SEND_KEYS = Set.of("data", "success", "fail", "complete");
  private static final Set<String> CLOSE_KEYS = Set.of("code", "reason", "success", "fail", "complete");

  private JsOptions() {}

  /**
   * {@code connectSocket}'s options: url (string), header (object), method (string), protocols (array of strings),
   * data (object), multiple (boolean), timeout (number of ms), success/fail/complete.
   *
   * @param object the options object
   * @return the options, possibly carrying a problem
   */
  public static ConnectOptions connectOptions(Map<String, ?> object) {
    return readConnectOptions(object, null);
  }

  private static ConnectOptions readConnectOptions(Map<String, ?> object, PlatformProfile profile) {
    ConnectOptions.Builder b = ConnectOptions.builder();
    Reader r = new Reader("connectSocket", object, CONNECT_KEYS, b, profile);
    b.url(r.string("url"));
    Map<String, Object> header = r.object("header");
    if (header != null) {
      b.header(header);
    }
    String method = r.string("method");
    if (method != null) {
      b.method(method);
    }
    List<String> protocols = r.strings("protocols");
    if (protocols != null) {
      b.protocols(protocols);
    }
    Map<String, Object> data = r.object("data");
    if (data != null) {
      b.data(data);
    }
    Boolean multiple = r.bool("multiple");
    if (multiple != null) {
      b.multiple(multiple);
    }
    Long timeout = r.integer("timeout");
    if (timeout != null) {
      b.timeout(Duration.ofMillis(timeout));
    }
    return r.callbacks(b).build();
  }

  /**
   * {@code connectSocket}'s options as a platform reads them: options the profile does not accept are dropped
   * unchecked when it ignores them (so WeChat's {@code data} may hold anything on a platform without {@code data}),
   * and checked and refused when it rejects them. An option of the wrong type fails led by the platform's wording
   * ({@link PlatformProfile#wrongTypeWording}) where it is known.
   *
   * @param object  the options object
   * @param profile the platform's rules
   * @return the options, possibly carrying a problem
   */
  public static ConnectOptions connectOptions(Map<String, ?> object, PlatformProfile profile) {
    if (object == null || profile.unsupportedOption() == UnsupportedOption.REJECT) {
      return readConnectOptions(object, profile);
    }
    Map<String, Object> accepted = new LinkedHashMap<>(object);
    for (ConnectOption option : ConnectOption.values()) {
      String key = option.name().toLowerCase(Locale.ROOT);
      if (!profile.accepts(option) && accepted.remove(key) != null) {
        LOG.debug("connectSocket: ignoring option '{}', which {} does not support", key, profile.name());
      }
    }
    return readConnectOptions(accepted, profile);
  }

  /**
   * {@code send} / {@code sendSocketMessage} options: data (string, byte[] or ByteBuffer), success/fail/complete.
   *
   * @param object the options object
   * @return the options, possibly carrying a problem
   */
  public static SendOptions sendOptions(Map<String, ?> object) {
    SendOptions.Builder b = SendOptions.builder();
    Reader r = new Reader("sendSocketMessage", object, SEND_KEYS, b, null);
    b.data(object == null ? null : object.get("data"));
    return r.callbacks(b).build();
  }

  /**
   * {@code close} / {@code closeSocket} options: code (integer), reason (string), success/fail/complete.
   *
   * @param object the options object
   * @return the options, possibly carrying a problem
   */
  public static CloseOptions closeOptions(Map<String, ?> object) {
    CloseOptions.Builder b = CloseOptions.builder();
    Reader r = new Reader("closeSocket", object, CLOSE_KEYS, b, null);
    Long code = r.integer("code");
    if (code != null) {
      if (code < Integer.MIN_VALUE || code > Integer.MAX_VALUE) {
        b.problem("code must be 1000 or between 3000 and 4999, got " + code);
      } else {
        b.code(code.intValue());
      }
    }
    String reason = r.string("reason");
    if (reason != null) {
      b.reason(reason);
    }
    return r.callbacks(b).build();
  }

  /** Reads typed values from the map, recording the first wrong type as the builder's problem. */
  private static final class Reader {
    private final Map<String, ?> object;
    private final Callbacks.Builder<?> builder;
    private final PlatformProfile profile; // null: no platform wording

    Reader(String api, Map<String, ?> object, Set<String> known, Callbacks.Builder<?> builder,
        PlatformProfile profile) {
      this.object = object == null ? Map.of() : object;
      this.builder = builder;
      this.profile = profile;
      for (Object key : this.object.keySet()) {
        if (!known.contains(key)) {
          LOG.debug("{}: ignoring unknown option '{}'", api, key);
        }
      }
    }

    private Object value(String key) {
      return object.get(key);
    }

    /**
     * Records a wrong type, led by the platform's wording where known.
     *
     * @param expected what the value must be, in words ("a string")
     * @param jsType   the JavaScript type the platform's wording names ("String")
     */
    private void wrong(String key, String expected, String jsType) {
      String actual = Validation.typeName(value(key));
      builder.problem(Wording.wrongType(profile, key, jsType, Character.toUpperCase(actual.charAt(0))
          + actual.substring(1), key + " must be " + expected + ", got " + actual));
    }

    String string(String key) {
      Object v = value(key);
      if (v == null || v instanceof String) {
        return (String) v;
      }
      wrong(key, "a string", "String");
      return null;
    }

    Boolean bool(String key) {
      Object v = value(key);
      if (v == null || v instanceof Boolean) {
        return (Boolean) v;
      }
      wrong(key, "a boolean", "Boolean");
      return null;
    }

    Long integer(String key) {
      Object v = value(key);
      if (v == null) {
        return null;
      }
      if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && !Double.isInfinite(n.doubleValue())) {
        return n.longValue();
      }
      wrong(key, "a whole number", "Number");
      return null;
    }

    Map<String, Object> object(String key) {
      Object v = value(key);
      if (v == null) {
        return null;
      }
      if (v instanceof Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
          if (!(e.getKey() instanceof String name)) {
            builder.problem(key + " keys must be strings, got " + Validation.typeName(e.getKey()));
            return null;
          }
          out.put(name, e.getValue());
        }
        return out;
      }
      wrong(key, "an object", "Object");
      return null;
    }

    List<String> strings(String key) {
      Object v = value(key);
      if (v == null) {
        return null;
      }
      if (v instanceof List<?> list) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
          if (!(list.get(i) instanceof String s)) {
            builder.problem(key + "[" + i + "] must be a string, got " + Validation.typeName(list.get(i)));
            return null;
          }
          out.add(s);
        }
        return out;
      }
      wrong(key, "an array of strings", "Array");
      return null;
    }

    @SuppressWarnings("unchecked")
    private Consumer<SocketResult> callback(String key) {
      Object v = value(key);
      if (v == null || v instanceof Consumer) {
        return (Consumer<SocketResult>) v;
      }
      wrong(key, "a function (java.util.function.Consumer)", "Function");
      return null;
    }

    <B extends Callbacks.Builder<B>> B callbacks(B b) {
      return b.success(callback("success")).fail(callback("fail")).complete(callback("complete"));
    }
  }
}
