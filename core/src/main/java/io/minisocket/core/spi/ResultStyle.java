package io.minisocket.core.spi;

import io.minisocket.core.ErrorKind;
import io.minisocket.core.SocketResult;
import java.util.Map;
import java.util.Objects;

/**
 * How a platform names its results: WeChat-style {@code errMsg} ({@code "connectSocket:ok"},
 * {@code "connectSocket:fail <reason>"}) or Alipay-style numeric {@code error} with {@code errorMessage}.
 */
public interface ResultStyle {

  /**
   * The result of a call that succeeded.
   *
   * @param api the platform API name, e.g. {@code "sendSocketMessage"}
   * @return the result
   */
  SocketResult success(String api);

  /**
   * The result of a call that failed, or of an {@code onError} event when {@code api} is {@code null}.
   *
   * @param api     the platform API name, or {@code null} for an error event
   * @param kind    what went wrong
   * @param message the reason, already in the platform's wording and without the API's name
   * @return the result
   */
  SocketResult failure(String api, ErrorKind kind, String message);

  /**
   * WeChat's, uni-app's and Taro's style: {@code errMsg} is {@code "<api>:ok"} or {@code "<api>:fail <reason>"};
   * an error event carries the bare reason.
   *
   * @return the style
   */
  static ResultStyle errMsg() {
    return ErrMsgStyle.INSTANCE;
  }

  /**
   * Alipay's style: failures carry a numeric {@code error} and {@code errorMessage}, successes
   * {@code errMsg "<api>:ok"}.
   *
   * @param codes       the code of each kind
   * @param unknownCode the code of kinds not in {@code codes}
   * @return the style
   */
  static ResultStyle errorCodes(Map<ErrorKind, Integer> codes, int unknownCode) {
    return new ErrorCodeStyle(codes, unknownCode);
  }

  /** The errMsg style. */
  enum ErrMsgStyle implements ResultStyle {
    /** The only instance. */
    INSTANCE;

    @Override
    public SocketResult success(String api) {
      return new SocketResult(api, null, api + ":ok", null, null);
    }

    @Override
    public SocketResult failure(String api, ErrorKind kind, String message) {
      Objects.requireNonNull(kind, "kind");
      if (api == null) {
        return new SocketResult(null, kind, message, null, null);
      }
      return new SocketResult(api, kind, api + ":fail " + message, null, null);
    }
  }

  /**
   * The numeric-code style.
   *
   * @param codes       the code of each kind
   * @param unknownCode the code of other kinds
   */
  record ErrorCodeStyle(Map<ErrorKind, Integer> codes, int unknownCode) implements ResultStyle {
    /** Copies the map. */
    public ErrorCodeStyle {
      codes = Map.copyOf(codes);
    }

    @Override
    public SocketResult success(String api) {
      return new SocketResult(api, null, api + ":ok", null, null);
    }

    @Override
    public SocketResult failure(String api, ErrorKind kind, String message) {
      Objects.requireNonNull(kind, "kind");
      return new SocketResult(api, kind, null, codes.getOrDefault(kind, unknownCode), message);
    }
  }
}
