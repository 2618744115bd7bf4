package io.minisocket.js.internal;

import io.minisocket.adapter.my.My;
import io.minisocket.core.CloseEvent;
import io.minisocket.core.JsOptions;
import io.minisocket.core.MessageEvent;
import io.minisocket.core.OpenEvent;
import io.minisocket.core.SendOptions;
import io.minisocket.core.SocketResult;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * How one platform's JavaScript objects look where the platforms differ: Alipay has {@code off*} listeners, takes
 * {@code isBuffer} Base64 data in {@code send}, and hands binary messages to {@code onMessage} as Base64 text with
 * {@code isBuffer: true}; the others take and give {@code ArrayBuffer}.
 */
enum Shape {
  /** WeChat, uni-app, Taro. */
  STANDARD(false, JsOptions::sendOptions),
  /** Alipay. */
  ALIPAY(true, My::sendOptions);

  private final boolean alipay;
  private final Function<Map<String, ?>, SendOptions> sendOptions;

  Shape(boolean alipay, Function<Map<String, ?>, SendOptions> sendOptions) {
    this.alipay = alipay;
    this.sendOptions = sendOptions;
  }

  /** @return whether tasks have {@code offOpen}, {@code offMessage}, ... and the global API {@code offSocket*} */
  boolean offMethods() {
    return alipay;
  }

  SendOptions sendOptions(Map<String, ?> object) {
    return sendOptions.apply(object);
  }

  Object open(JsContext js, OpenEvent event) {
    return js.toJs(Map.of("header", event.header()));
  }

  Object message(JsContext js, MessageEvent event) {
    Map<String, Object> res = new LinkedHashMap<>();
    if (alipay) {
      res.put("data", event.isText() ? event.data() : Base64.getEncoder().encodeToString(event.bytes()));
      res.put("isBuffer", !event.isText());
    } else {
      res.put("data", event.data());
    }
    return js.toJs(res);
  }

  Object close(JsContext js, CloseEvent event) {
    Map<String, Object> res = new LinkedHashMap<>();
    res.put("code", event.code());
    res.put("reason", event.reason());
    return js.toJs(res);
  }

  Object result(JsContext js, SocketResult result) {
    return js.toJs(result.toMap());
  }
}
