package io.minisocket.jmeter.internal;

import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The few JSON texts the samples carry: a platform's result object, an open or close event, what a script's function
 * returned.
 */
final class Json {
  private Json() {
  }

  /**
   * @param object strings, numbers, booleans and nested maps
   * @return the object as compact JSON
   */
  static String object(Map<String, ?> object) {
    StringBuilder out = new StringBuilder("{");
    object.forEach((key, value) -> {
      if (out.length() > 1) {
        out.append(',');
      }
      string(out, key);
      out.append(':');
      value(out, value);
    });
    return out.append('}').toString();
  }

  /**
   * @param value a string, number, boolean, {@code null}, byte array (as Base64), list or map, nested
   * @return the value as compact JSON
   */
  static String value(Object value) {
    StringBuilder out = new StringBuilder();
    value(out, value);
    return out.toString();
  }

  private static void value(StringBuilder out, Object value) {
    if (value instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<String, ?> nested = (Map<String, ?>) map;
      out.append(object(nested));
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        out.append(i == 0 ? "" : ",");
        value(out, list.get(i));
      }
      out.append(']');
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else if (value == null) {
      out.append("null");
    } else if (value instanceof byte[] bytes) {
      string(out, Base64.getEncoder().encodeToString(bytes));
    } else {
      string(out, value.toString());
    }
  }

  private static void string(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
