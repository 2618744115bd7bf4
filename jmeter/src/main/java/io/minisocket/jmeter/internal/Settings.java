package io.minisocket.jmeter.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/** Reads the connect sampler's {@code settings}: {@code key=value} lines, blank lines and {@code #} comments ignored. */
public final class Settings {
  private Settings() {
  }

  /**
   * @param text the property's text, may be empty
   * @return the settings in the order given
   * @throws IllegalArgumentException for a line without {@code =} or without a key
   */
  public static Map<String, String> parse(String text) {
    Map<String, String> settings = new LinkedHashMap<>();
    for (String line : text.split("\\R")) {
      String trimmed = line.trim();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      int equals = trimmed.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException("settings: expected key=value, got '" + trimmed + "'");
      }
      settings.put(trimmed.substring(0, equals).trim(), trimmed.substring(equals + 1).trim());
    }
    return settings;
  }

  /**
   * @param platform the platform's id, for the message
   * @param settings the settings given
   * @param known    the keys the platform understands
   * @throws IllegalArgumentException naming the first unknown key and the known ones
   */
  static void requireKnown(String platform, Map<String, String> settings, Set<String> known) {
    for (String key : settings.keySet()) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException("settings: '" + key + "' is not a setting of " + platform
            + "; known: " + String.join(", ", new TreeSet<>(known)));
      }
    }
  }

  /**
   * @param settings the settings
   * @param key      the key
   * @param apply    receives the value when the key is given
   */
  static void ifGiven(Map<String, String> settings, String key, Consumer<String> apply) {
    if (settings.containsKey(key)) {
      apply.accept(settings.get(key));
    }
  }

  /**
   * @param settings the settings
   * @param key      the key
   * @param apply    receives the value as a whole number when the key is given
   * @throws IllegalArgumentException when it is not one
   */
  static void ifGivenInt(Map<String, String> settings, String key, IntConsumer apply) {
    ifGiven(settings, key, value -> {
      try {
        apply.accept(Integer.parseInt(value));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("settings: " + key + " must be a whole number, got '" + value + "'", e);
      }
    });
  }
}
