package io.minisocket.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One second of a {@code load} run, as the status line shows it and {@code --output} writes it.
 *
 * @param second             seconds since the run started
 * @param open               connections open
 * @param sent               messages sent during this second
 * @param echoed             echoes received during this second
 * @param inFlight           messages sent and not answered yet
 * @param errors             errors so far
 * @param roundTripP50Millis the median round trip of this second's echoes; {@code null} without echoes
 * @param roundTripP99Millis the 99th percentile of this second's round trips; {@code null} without echoes
 */
record LoadSecond(long second, int open, long sent, long echoed, long inFlight, long errors,
    Double roundTripP50Millis, Double roundTripP99Millis) {

  /** @return the fields by name, in order: a row of the series in {@code --output} */
  Map<String, Object> toMap() {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("second", second);
    row.put("open", open);
    row.put("sent", sent);
    row.put("echoed", echoed);
    row.put("inFlight", inFlight);
    row.put("errors", errors);
    row.put("roundTripP50Millis", roundTripP50Millis);
    row.put("roundTripP99Millis", roundTripP99Millis);
    return row;
  }
}
