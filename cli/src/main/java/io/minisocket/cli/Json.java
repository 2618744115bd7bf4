package io.minisocket.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.minisocket.core.SocketResult;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** One-line JSON for the CLI's output. */
final class Json {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Json() {}

  /**
   * @param value maps, lists, strings, numbers, booleans
   * @return compact JSON on one line
   */
  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param result a callback's or {@code onError}'s result
   * @return the platform's JavaScript object as JSON: {@code {"errMsg":...}} or {@code {"error":N,"errorMessage":...}}
   */
  static String result(SocketResult result) {
    return write(result.toMap());
  }

  /**
   * @param event  the {@code event} field, first
   * @param fields the other fields, in order
   * @return the object
   */
  static Map<String, Object> event(String event, Map<String, ?> fields) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("event", event);
    map.putAll(fields);
    return map;
  }
}
