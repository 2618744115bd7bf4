package io.minisocket.adapter.my;

import io.minisocket.core.ConnectOptions;
import io.minisocket.core.JsOptions;
import io.minisocket.core.SendOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** Alipay's option rules that no other platform has: {@code data} as a query string, {@code isBuffer}. */
final class MyOptions {
  private MyOptions() {}

  /**
   * Appends {@code data} to the url as a query string, as Alipay does ({@code {a: 1, b: 'x y'}} becomes
   * {@code ?a=1&b=x%20y}, after any query the url already has). Values must be strings, numbers or booleans;
   * {@code null} becomes an empty value. Options without data, or without a url, are returned unchanged.
   *
   * @param options the options as given
   * @return the options with the data in the url, or carrying a problem that names a bad value
   */
  static ConnectOptions dataInUrl(ConnectOptions options) {
    String url = options.url();
    if (options.data().isEmpty() || url == null || url.isBlank()) {
      return options;
    }
    StringJoiner query = new StringJoiner("&");
    for (Map.Entry<String, Object> entry : options.data().entrySet()) {
      Object value = entry.getValue();
      String text;
      if (value == null) {
        text = "";
      } else if (value instanceof String || value instanceof Boolean) {
        text = value.toString();
      } else if (value instanceof Number number) {
        text = numberText(number);
      } else {
        return options.toBuilder().problem("data." + entry.getKey()
            + " must be a string, number or boolean, got " + value.getClass().getName()).build();
      }
      query.add(encode(entry.getKey()) + "=" + encode(text));
    }
    int hash = url.indexOf('#');
    String base = hash < 0 ? url : url.substring(0, hash);
    String fragment = hash < 0 ? "" : url.substring(hash);
    String separator = !base.contains("?") ? "?" : base.endsWith("?") || base.endsWith("&") ? "" : "&";
    return options.toBuilder().url(base + separator + query + fragment).build();
  }

  /** A number as JavaScript prints it: whole doubles without {@code .0}. */
  private static String numberText(Number number) {
    double d = number.doubleValue();
    boolean floating = number instanceof Double || number instanceof Float;
    if (floating && d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return number.toString();
  }

  /** Percent-encodes as JavaScript's {@code encodeURIComponent} (a space is {@code %20}, not {@code +}). */
  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * {@code sendSocketMessage} / {@code SocketTask.send} options from a JavaScript-style object: core's keys plus
   * Alipay's {@code isBuffer}, which makes a Base64 {@code data} string a binary message.
   *
   * @param object the options object
   * @return the options, possibly carrying a problem (a non-boolean isBuffer, invalid Base64)
   */
  static SendOptions sendOptions(Map<String, ?> object) {
    if (object == null || object.get("isBuffer") == null) {
      return JsOptions.sendOptions(object);
    }
    Map<String, Object> rest = new LinkedHashMap<>(object);
    Object isBuffer = rest.remove("isBuffer");
    SendOptions parsed = JsOptions.sendOptions(rest);
    SendOptions.Builder builder = SendOptions.builder().data(parsed.data()).callbacks(parsed.callbacks())
        .problem(parsed.problem());
    if (!(isBuffer instanceof Boolean buffer)) {
      return builder.problem("isBuffer must be a boolean, got " + isBuffer.getClass().getName()).build();
    }
    if (buffer && parsed.data() instanceof String base64) {
      decodeInto(builder, base64);
    }
    return builder.build();
  }

  /**
   * Options whose data is the decoded Base64 text, sent as a binary message; invalid Base64 becomes the
   * options' problem.
   *
   * @param base64 standard Base64 (RFC 4648, padding optional, whitespace ignored)
   * @return a builder to add callbacks to
   */
  static SendOptions.Builder buffer(String base64) {
    SendOptions.Builder builder = SendOptions.builder();
    if (base64 == null) {
      return builder.problem("data is required: a Base64 string when isBuffer is true");
    }
    return decodeInto(builder, base64);
  }

  private static SendOptions.Builder decodeInto(SendOptions.Builder builder, String base64) {
    try {
      return builder.data(Base64.getDecoder().decode(base64.replaceAll("\\s", "")));
    } catch (IllegalArgumentException e) {
      return builder.problem("data is not valid Base64 (isBuffer: true): " + e.getMessage());
    }
  }
}
