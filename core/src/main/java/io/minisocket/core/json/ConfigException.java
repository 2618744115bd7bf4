package io.minisocket.core.json;

/**
 * A JSON configuration could not be read: the file is missing or unreadable, the text is not JSON, or a key holds
 * a value MiniSocket cannot use (or, in strict mode, a key is unknown).
 *
 * <p>The message is meant for the person editing the file: it names the file (when read from one), the key by its
 * JSON path ({@code networkTimeout.connectSocket}, {@code socketDomains[1]}), what was expected and what was found,
 * for example {@code app.json: urlCheck must be true or false, got "yes"}; malformed JSON is reported with its line
 * and column.
 */
public class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was wrong, naming the file and key where known
   */
  public ConfigException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what was wrong, naming the file and key where known
   * @param cause the underlying I/O or parse failure
   */
  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
