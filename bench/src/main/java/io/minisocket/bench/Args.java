package io.minisocket.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} and {@code --flag} command-line options. */
final class Args {
  private final Map<String, String> values = new LinkedHashMap<>();

  private Args() {}

  static Args parse(List<String> args) {
    Args parsed = new Args();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("expected an option like --name, got " + arg);
      }
      String name = arg.substring(2);
      boolean hasValue = i + 1 < args.size() && !args.get(i + 1).startsWith("--");
      parsed.values.put(name, hasValue ? args.get(++i) : "true");
    }
    return parsed;
  }

  boolean flag(String name) {
    return Boolean.parseBoolean(values.getOrDefault(name, "false"));
  }

  String string(String name, String orElse) {
    return values.getOrDefault(name, orElse);
  }

  int integer(String name, int orElse) {
    String value = values.get(name);
    return value == null ? orElse : Integer.parseInt(value.replace("_", "").replace(",", ""));
  }

  double number(String name, double orElse) {
    String value = values.get(name);
    return value == null ? orElse : Double.parseDouble(value);
  }

  List<String> list(String name, List<String> orElse) {
    String value = values.get(name);
    return value == null ? orElse : List.of(value.split(","));
  }
}
