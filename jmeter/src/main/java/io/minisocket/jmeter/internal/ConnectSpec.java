package io.minisocket.jmeter.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a connect sampler asks for, as its properties give it.
 *
 * @param platform      the platform's id: wx, my, uni, taro or a custom adapter's
 * @param url           the address
 * @param headers       request headers, one {@code Name: value} per line
 * @param protocols     sub-protocols, comma-separated
 * @param settings      the platform's settings, {@code key=value} lines
 * @param config        the app configuration as JSON (app.json style), or blank for the platform's default
 * @param trustPem      a PEM file of certificates to trust, or blank for the JDK's trust store
 * @param trustAll      accept every certificate (development only)
 * @param shared        one facade for every virtual user of the engine (its limits apply to all of them together)
 *                      rather than one per virtual user
 * @param timeoutMillis how long the sample waits for open, error or close
 */
public record ConnectSpec(String platform, String url, String headers, String protocols, String settings,
    String config, String trustPem, boolean trustAll, boolean shared, long timeoutMillis) {

  Facades.Key facadeKey(Object owner) {
    return new Facades.Key(shared ? null : owner, platform, settings, config, trustPem, trustAll);
  }

  /**
   * @return the headers in the order given
   * @throws IllegalArgumentException for a line without a colon or without a name
   */
  Map<String, String> headerMap() {
    Map<String, String> map = new LinkedHashMap<>();
    for (String line : headers.split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("headers: expected 'Name: value' on each line, got '" + line.trim() + "'");
      }
      map.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
    }
    return map;
  }

  /** @return the sub-protocols, blanks left out */
  List<String> protocolList() {
    List<String> list = new ArrayList<>();
    for (String protocol : protocols.split(",")) {
      if (!protocol.isBlank()) {
        list.add(protocol.trim());
      }
    }
    return list;
  }
}
