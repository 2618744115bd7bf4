package io.minisocket.js.internal;

import io.minisocket.adapter.my.My;
import io.minisocket.adapter.taro.Taro;
import io.minisocket.adapter.uni.Uni;
import io.minisocket.adapter.uni.UniConnection;
import io.minisocket.adapter.wx.Wx;
import io.minisocket.core.JsOptions;
import io.minisocket.core.SocketResult;
import io.minisocket.core.SocketResultException;
import io.minisocket.core.spi.PlatformFacade;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.graalvm.polyglot.Value;

/**
 * The platform globals {@code wx}, {@code my}, {@code uni} and {@code Taro}: thin JavaScript shapes over the Java
 * facades. The facade applies every rule and makes every result; a global only converts values and picks the
 * platform's return style (a task, nothing, a Promise).
 */
public final class PlatformGlobals {
  private PlatformGlobals() {}

  /**
   * @param js the script's context
   * @param wx the facade
   * @return {@code wx}: {@code connectSocket} returns the SocketTask
   */
  public static Object wx(JsContext js, Wx wx) {
    HostObject object = new HostObject();
    object.method("connectSocket", args ->
        new JsSocketTask(js, wx.connectSocket(connectOptions(js, args)), Shape.STANDARD).build(js));
    globalApi(object, js, wx, Shape.STANDARD);
    return object.build(js);
  }

  /**
   * @param js the script's context
   * @param my the facade
   * @return {@code my}: {@code connectSocket} returns a SocketTask with {@code multiple: true}, otherwise undefined
   */
  public static Object my(JsContext js, My my) {
    HostObject object = new HostObject();
    object.method("connectSocket", args -> my.connectSocket(connectOptions(js, args))
        .map(task -> new JsSocketTask(js, task, Shape.ALIPAY).build(js)).orElse(js.undefined()));
    globalApi(object, js, my, Shape.ALIPAY);
    return object.build(js);
  }

  /**
   * @param js  the script's context
   * @param uni the facade
   * @return {@code uni}: {@code connectSocket} returns the SocketTask when a callback is given, otherwise a Promise
   *     (of the result, or of {@code [err, res]} in the Vue 2 style)
   */
  public static Object uni(JsContext js, Uni uni) {
    HostObject object = new HostObject();
    object.method("connectSocket", args -> {
      UniConnection connection = uni.connectSocket(connectOptions(js, args));
      if (connection instanceof UniConnection.TaskMode taskMode) {
        return new JsSocketTask(js, taskMode.task(), Shape.STANDARD).build(js);
      }
      if (connection instanceof UniConnection.Vue2Mode vue2) {
        return js.promise(vue2.vue2Promise(), r -> js.toJs(Arrays.asList(
            r.err() == null ? null : r.err().toMap(), r.res() == null ? null : r.res().toMap())), e -> rejection(js, e));
      }
      return js.promise(connection.promise(), r -> js.toJs(r.toMap()), e -> rejection(js, e));
    });
    globalApi(object, js, uni, Shape.STANDARD);
    return object.build(js);
  }

  /**
   * @param js   the script's context
   * @param taro the facade
   * @return {@code Taro}: {@code connectSocket} returns a Promise of the SocketTask (with the success
   *     {@code errMsg} on it)
   */
  public static Object taro(JsContext js, Taro taro) {
    HostObject object = new HostObject();
    object.method("connectSocket", args -> {
      Map<String, Object> options = connectOptions(js, args);
      AtomicReference<SocketResult> success = new AtomicReference<>();
      if (options == null) {
        options = new LinkedHashMap<>();
      }
      Object userSuccess = options.get("success");
      options.put("success", userSuccess instanceof Consumer<?> || userSuccess == null
          ? recording(success, userSuccess) : userSuccess);
      return js.promise(taro.connectSocket(options), task -> {
        JsSocketTask resolved = new JsSocketTask(js, task, Shape.STANDARD);
        if (success.get() != null) {
          success.get().toMap().forEach(resolved::value);
        }
        return resolved.build(js);
      }, e -> rejection(js, e));
    });
    globalApi(object, js, taro, Shape.STANDARD);
    return object.build(js);
  }

  @SuppressWarnings("unchecked")
  private static Consumer<SocketResult> recording(AtomicReference<SocketResult> into, Object userSuccess) {
    Consumer<SocketResult> user = (Consumer<SocketResult>) userSuccess;
    return result -> {
      into.set(result);
      if (user != null) {
        user.accept(result);
      }
    };
  }

  private static Object rejection(JsContext js, Throwable failure) {
    return failure instanceof SocketResultException e ? js.toJs(e.result().toMap())
        : js.toJs(Map.of("errMsg", String.valueOf(failure.getMessage())));
  }

  private static Map<String, Object> connectOptions(JsContext js, Value[] args) {
    return js.options(HostObject.arg(args, 0), "connectSocket");
  }

  /** The deprecated global socket API, where the platform has it. */
  private static void globalApi(HostObject object, JsContext js, PlatformFacade facade, Shape shape) {
    if (!facade.runtime().profile().globalApi()) {
      return;
    }
    Registrations.installEvents(object, js, "Socket", shape,
        new Registrations.Listener<>(facade::onSocketOpen, facade::offSocketOpen),
        new Registrations.Listener<>(facade::onSocketMessage, facade::offSocketMessage),
        new Registrations.Listener<>(facade::onSocketError, facade::offSocketError),
        new Registrations.Listener<>(facade::onSocketClose, facade::offSocketClose));
    object.method("sendSocketMessage", args -> {
      facade.sendSocketMessage(shape.sendOptions(js.options(HostObject.arg(args, 0), "sendSocketMessage")));
      return null;
    });
    object.method("closeSocket", args -> {
      facade.closeSocket(JsOptions.closeOptions(js.options(HostObject.arg(args, 0), "closeSocket")));
      return null;
    });
  }
}
