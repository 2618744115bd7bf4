package io.minisocket.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a success, fail or complete callback (and an {@code onError} listener) receives, shaped by the platform:
 * WeChat, uni-app and Taro fill {@link #errMsg()} ({@code "connectSocket:ok"}, {@code "sendSocketMessage:fail
 * WebSocket is not connected"}); Alipay fills {@link #error()} and {@link #errorMessage()} on failures.
 *
 * @param api          the platform API this result belongs to ({@code "connectSocket"}), or {@code null} for an
 *                     {@code onError} event
 * @param errorKind    core's classification of the failure, {@code null} on success
 * @param errMsg       the platform's {@code errMsg}, or {@code null} where the platform has none
 * @param errorCode    the platform's numeric {@code error}, or {@code null} where the platform has none
 * @param errorMessage the platform's {@code errorMessage}, or {@code null} where the platform has none
 */
public record SocketResult(
    String api, ErrorKind errorKind, String errMsg, Integer errorCode, String errorMessage) {

  /** @return whether this result reports success */
  public boolean ok() {
    return errorKind == null;
  }

  /** @return the failure's kind, empty on success */
  public Optional<ErrorKind> kind() {
    return Optional.ofNullable(errorKind);
  }

  /** @return Alipay's numeric {@code error} ({@code res.error}), empty where the platform has none */
  public OptionalInt error() {
    return errorCode == null ? OptionalInt.empty() : OptionalInt.of(errorCode);
  }

  /**
   * The record's accessor for the same field as {@link #error()}.
   *
   * @return Alipay's numeric {@code error}, or {@code null} where the platform has none
   * @deprecated one field, one accessor: use {@link #error()}, named like JavaScript's {@code res.error}
   */
  @Deprecated
  @Override
  public Integer errorCode() {
    return errorCode;
  }

  /**
   * The result as the platform's JavaScript object would look, with only the fields the platform has.
   *
   * @return an ordered map such as {@code {errMsg=connectSocket:ok}} or {@code {error=3, errorMessage=...}}
   */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    if (errMsg != null) {
      map.put("errMsg", errMsg);
    }
    if (errorCode != null) {
      map.put("error", errorCode);
    }
    if (errorMessage != null) {
      map.put("errorMessage", errorMessage);
    }
    return map;
  }

  /**
   * A readable one-line form, the message a Java developer wants in a log or exception.
   *
   * @return {@code errMsg} when present, otherwise {@code "error N: message"}
   */
  public String describe() {
    if (errMsg != null) {
      return errMsg;
    }
    if (errorCode != null) {
      return "error " + errorCode + ": " + errorMessage;
    }
    return ok() ? (api == null ? "ok" : api + ":ok") : String.valueOf(errorMessage);
  }
}
