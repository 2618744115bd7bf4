package io.minisocket.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.minisocket.core.SocketConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Reads and writes a {@link SocketConfig} as JSON.
 *
 * <p>The schema borrows WeChat's app.json naming, so an app.json can be read as it is. Every key is optional; a
 * missing key keeps {@link SocketConfig}'s default:
 *
 * <pre>{@code
 * {
 *   "networkTimeout": { "connectSocket": 60000 },
 *   "urlCheck": true,
 *   "socketDomains": ["wss://example.com", "socket.example.org"],
 *   "maxQueueBytes": 16777216
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@code networkTimeout.connectSocket}: the connect timeout, a positive whole number of milliseconds;
 *   <li>{@code urlCheck}: {@code true} or {@code false};
 *   <li>{@code socketDomains}: an array of non-blank strings, each a host or an origin;
 *   <li>{@code maxQueueBytes}: the send queue's bound, a positive whole number of bytes.
 * </ul>
 *
 * <p>Whole numbers may be written as {@code 60000}, {@code 60000.0} or {@code 6e4}; {@code 1.5}, strings and
 * booleans are rejected. WeChat's other timeouts ({@code networkTimeout.request}, {@code uploadFile},
 * {@code downloadFile}) are known and ignored. Any other key (an app.json's {@code pages}, {@code window}, ...) is
 * unknown: {@link #read(Path) read} logs it with a WARN, {@link #parse(Path) parse} returns it, and
 * {@link #readStrict(Path) readStrict} rejects it. Unknown keys are named by their JSON path
 * ({@code pages}, {@code networkTimeout.foo}).
 *
 * <p>Duplicate keys, malformed JSON and content after the root object are errors. Every failure is a
 * {@link ConfigException} whose message names the file (when read from one), the key, what was expected and what
 * was found.
 *
 * <p>Only Jackson's streaming parser ({@code jackson-core}, which Vert.x already brings) is used, and core declares
 * it optional: an application that never reads a JSON configuration needs no Jackson at all; one that does without
 * the Vert.x transport adds {@code com.fasterxml.jackson.core:jackson-core}.
 *
 * <p>Thread-safe: all methods are static and share no mutable state.
 */
public final class JsonConfig {
  private static final Logger LOG = LogManager.getLogger(JsonConfig.class);

  private static final String NETWORK_TIMEOUT = "networkTimeout";
  private static final String CONNECT_SOCKET = "connectSocket";
  private static final String URL_CHECK = "urlCheck";
  private static final String SOCKET_DOMAINS = "socketDomains";
  private static final String MAX_QUEUE_BYTES = "maxQueueBytes";
  /** WeChat's other {@code networkTimeout} keys: valid in an app.json, of no use to a socket. */
  private static final Set<String> IGNORED_TIMEOUTS = Set.of("request", "uploadFile", "downloadFile");
  private static final String KNOWN_KEYS =
      "networkTimeout.connectSocket, urlCheck, socketDomains, maxQueueBytes";

  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");
  private static final Pattern JACKSON_LOCATION =
      Pattern.compile("\\s*\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");
  private static final int MAX_SHOWN_VALUE = 80;
  private static final BigDecimal MAX_LONG = BigDecimal.valueOf(Long.MAX_VALUE);

  private static final JsonFactory FACTORY = JsonFactory.builder()
      // A duplicate key is an error, not "last one wins".
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      // read(InputStream) leaves the caller's stream open; parse(Path) closes its own.
      .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
      .build();

  private static final PrettyPrinter PRETTY = new DefaultPrettyPrinter(Separators.createDefaultInstance()
      .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
      .withObjectEmptySeparator("")
      .withArrayEmptySeparator(""))
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  /** JSON {@code null} in a parsed value (a map or list cannot hold Java null in every position we need). */
  private static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };

  /** A JSON number, exact; {@code integral} when written without a fraction or exponent. */
  private record JsonNumber(BigDecimal value, boolean integral) {
    @Override
    public String toString() {
      return integral ? value.toBigInteger().toString() : value.toString();
    }
  }

  private JsonConfig() {}

  /**
   * A parsed configuration and the keys that were not understood.
   *
   * @param config the configuration; keys not present keep {@link SocketConfig}'s defaults
   * @param unknownKeys the unknown keys by JSON path ({@code pages}, {@code networkTimeout.foo}) in document
   *     order; empty when every key was understood; unmodifiable
   */
  public record Result(SocketConfig config, List<String> unknownKeys) {
    /**
     * Creates the result.
     *
     * @param config the configuration
     * @param unknownKeys the unknown keys by JSON path; copied
     */
    public Result {
      Objects.requireNonNull(config, "config");
      unknownKeys = List.copyOf(unknownKeys);
    }
  }

  /**
   * Reads a configuration file, logging unknown keys with a WARN.
   *
   * @param file the JSON file (UTF-8, UTF-16 or UTF-32)
   * @return the configuration
   * @throws ConfigException if the file is missing or unreadable, is not JSON, or holds a value of the wrong type
   *     or range; the message starts with the file's path
   */
  public static SocketConfig read(Path file) {
    return read(file, SocketConfig.defaults());
  }

  /**
   * Reads a configuration file over given defaults (a platform's own, such as Alipay's 30 s connect timeout):
   * keys the file does not have keep the values of {@code defaults}. Unknown keys are logged with a WARN.
   *
   * @param file     the JSON file (UTF-8, UTF-16 or UTF-32)
   * @param defaults the values of keys the file does not have
   * @return the configuration
   * @throws ConfigException as {@link #read(Path)} does
   */
  public static SocketConfig read(Path file, SocketConfig defaults) {
    return warnUnknown(parse(file, defaults), file.toString());
  }

  /**
   * Reads a configuration from JSON text, logging unknown keys with a WARN.
   *
   * @param json the JSON text
   * @return the configuration
   * @throws ConfigException if the text is not JSON or holds a value of the wrong type or range
   */
  public static SocketConfig read(String json) {
    return warnUnknown(parse(json), null);
  }

  /**
   * Reads a configuration from a stream, logging unknown keys with a WARN. The stream is read up to its end but
   * not closed.
   *
   * @param in the JSON bytes (UTF-8, UTF-16 or UTF-32)
   * @return the configuration
   * @throws ConfigException if the stream fails, is not JSON, or holds a value of the wrong type or range
   */
  public static SocketConfig read(InputStream in) {
    Objects.requireNonNull(in, "in");
    try {
      return warnUnknown(interpret(document(() -> FACTORY.createParser(in), null), null, SocketConfig.defaults()),
          null);
    } catch (IOException e) {
      throw new ConfigException("cannot read the configuration: " + e, e);
    }
  }

  /**
   * Reads a configuration file and rejects unknown keys.
   *
   * @param file the JSON file (UTF-8, UTF-16 or UTF-32)
   * @return the configuration
   * @throws ConfigException as {@link #read(Path)} does, and also if the file holds a key this class does not
   *     know, naming every such key
   */
  public static SocketConfig readStrict(Path file) {
    return rejectUnknown(parse(file), file.toString());
  }

  /**
   * Reads a configuration from JSON text and rejects unknown keys.
   *
   * @param json the JSON text
   * @return the configuration
   * @throws ConfigException as {@link #read(String)} does, and also if the text holds a key this class does not
   *     know, naming every such key
   */
  public static SocketConfig readStrict(String json) {
    return rejectUnknown(parse(json), null);
  }

  /**
   * Parses a configuration file and returns the unknown keys instead of logging them.
   *
   * @param file the JSON file (UTF-8, UTF-16 or UTF-32)
   * @return the configuration and the unknown keys
   * @throws ConfigException as {@link #read(Path)} does
   */
  public static Result parse(Path file) {
    return parse(file, SocketConfig.defaults());
  }

  /**
   * Parses a configuration file over given defaults and returns the unknown keys instead of logging them.
   *
   * @param file     the JSON file (UTF-8, UTF-16 or UTF-32)
   * @param defaults the values of keys the file does not have
   * @return the configuration and the unknown keys
   * @throws ConfigException as {@link #read(Path)} does
   */
  public static Result parse(Path file, SocketConfig defaults) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(defaults, "defaults");
    String label = file.toString();
    try (InputStream in = Files.newInputStream(file)) {
      return interpret(document(() -> FACTORY.createParser(in), label), label, defaults);
    } catch (NoSuchFileException e) {
      throw new ConfigException(label + ": configuration file not found", e);
    } catch (IOException e) {
      throw new ConfigException(label + ": cannot read the configuration file: " + e, e);
    }
  }

  /**
   * Parses JSON text and returns the unknown keys instead of logging them.
   *
   * @param json the JSON text
   * @return the configuration and the unknown keys
   * @throws ConfigException as {@link #read(String)} does
   */
  public static Result parse(String json) {
    Objects.requireNonNull(json, "json");
    String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
    try {
      return interpret(document(() -> FACTORY.createParser(text), null), null, SocketConfig.defaults());
    } catch (IOException e) { // reading a String does no I/O
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes a configuration as pretty-printed JSON (two-space indent, {@code \n} line ends, final newline) in the
   * schema {@link #read(String)} reads, with every key present.
   *
   * @param config the configuration
   * @return the JSON text
   * @throws ConfigException if the connect timeout is not a whole number of milliseconds (for example 1.5 ms),
   *     which the JSON cannot hold
   */
  public static String write(SocketConfig config) {
    Objects.requireNonNull(config, "config");
    long connectMillis = wholeMillis(config.connectTimeout());
    StringWriter out = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(out).setPrettyPrinter(PRETTY)) {
      json.writeStartObject();
      json.writeObjectFieldStart(NETWORK_TIMEOUT);
      json.writeNumberField(CONNECT_SOCKET, connectMillis);
      json.writeEndObject();
      json.writeBooleanField(URL_CHECK, config.urlCheck());
      json.writeArrayFieldStart(SOCKET_DOMAINS);
      for (String domain : config.socketDomains()) {
        json.writeString(domain);
      }
      json.writeEndArray();
      json.writeNumberField(MAX_QUEUE_BYTES, config.maxQueueBytes());
      json.writeEndObject();
    } catch (IOException e) { // writing to a StringWriter does no I/O
      throw new UncheckedIOException(e);
    }
    return out + "\n";
  }

  // ---------------------------------------------------------------------------------------------------------------

  private interface ParserSource {
    JsonParser open() throws IOException;
  }

  /**
   * Parses one JSON value into maps (key order kept), lists, strings, booleans, {@link JsonNumber}s and
   * {@link #NULL}, then insists nothing but whitespace follows it.
   */
  private static Object document(ParserSource source, String label) throws IOException {
    try (JsonParser parser = source.open()) {
      if (parser.nextToken() == null) {
        throw fail(label, "no JSON content, expected an object such as {\"urlCheck\": true}");
      }
      Object root = value(parser);
      if (parser.nextToken() != null) {
        throw fail(label, "unexpected content after the JSON object at " + where(parser.currentTokenLocation()));
      }
      return root;
    } catch (JsonProcessingException e) {
      throw malformed(e, label);
    }
  }

  /** The value that starts at the parser's current token; leaves the parser on its last token. */
  private static Object value(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT -> {
        Map<String, Object> object = new LinkedHashMap<>();
        for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
          parser.nextToken();
          object.put(key, value(parser));
        }
        return object;
      }
      case START_ARRAY -> {
        List<Object> array = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(value(parser));
        }
        return array;
      }
      case VALUE_STRING -> {
        return parser.getText();
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return new JsonNumber(parser.getDecimalValue(), token == JsonToken.VALUE_NUMBER_INT);
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return token == JsonToken.VALUE_TRUE;
      }
      case VALUE_NULL -> {
        return NULL;
      }
      default -> throw new IllegalStateException("not the start of a value: " + token); // callers see to that
    }
  }

  private static Result interpret(Object root, String label, SocketConfig defaults) {
    if (!(root instanceof Map<?, ?> object)) {
      throw fail(label, "the configuration must be a JSON object, got " + shown(root));
    }
    SocketConfig.Builder builder = defaults.toBuilder();
    List<String> unknown = new ArrayList<>();
    for (Map.Entry<?, ?> entry : object.entrySet()) {
      String key = (String) entry.getKey();
      Object value = entry.getValue();
      switch (key) {
        case NETWORK_TIMEOUT -> networkTimeout(value, builder, unknown, label);
        case URL_CHECK -> {
          if (!(value instanceof Boolean check)) {
            throw fail(label, URL_CHECK + " must be true or false, got " + shown(value));
          }
          builder.urlCheck(check);
        }
        case SOCKET_DOMAINS -> socketDomains(value, builder, label);
        case MAX_QUEUE_BYTES -> {
          long bytes = positiveWhole(value, MAX_QUEUE_BYTES, "bytes", label);
          apply(() -> builder.maxQueueBytes(bytes), MAX_QUEUE_BYTES, label);
        }
        default -> unknown.add(child("", key));
      }
    }
    return new Result(builder.build(), unknown);
  }

  private static void networkTimeout(Object value, SocketConfig.Builder builder, List<String> unknown,
      String label) {
    if (!(value instanceof Map<?, ?> timeouts)) {
      throw fail(label, NETWORK_TIMEOUT + " must be an object such as {\"connectSocket\": 60000}, got "
          + shown(value));
    }
    for (Map.Entry<?, ?> entry : timeouts.entrySet()) {
      String key = (String) entry.getKey();
      String path = child(NETWORK_TIMEOUT, key);
      if (key.equals(CONNECT_SOCKET)) {
        long millis = positiveWhole(entry.getValue(), path, "milliseconds", label);
        apply(() -> builder.connectTimeout(Duration.ofMillis(millis)), path, label);
      } else if (!IGNORED_TIMEOUTS.contains(key)) {
        unknown.add(path);
      }
    }
  }

  private static void socketDomains(Object value, SocketConfig.Builder builder, String label) {
    if (!(value instanceof List<?> array)) {
      throw fail(label, SOCKET_DOMAINS + " must be an array of strings, got " + shown(value));
    }
    List<String> domains = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      Object domain = array.get(i);
      String path = SOCKET_DOMAINS + "[" + i + "]";
      if (!(domain instanceof String text)) {
        throw fail(label, path + " must be a string, got " + shown(domain));
      }
      if (text.isBlank()) {
        throw fail(label, path + " must be a host or an origin, got " + shown(domain));
      }
      domains.add(text);
    }
    apply(() -> builder.socketDomains(domains), SOCKET_DOMAINS, label);
  }

  /** A positive integral number that fits a long: 60000, 60000.0 and 6e4 pass; 1.5, "60000" and true do not. */
  private static long positiveWhole(Object value, String path, String unit, String label) {
    if (!(value instanceof JsonNumber number) || number.value().signum() <= 0
        || number.value().stripTrailingZeros().scale() > 0) {
      throw fail(label, path + " must be a positive whole number of " + unit + ", got " + shown(value));
    }
    if (number.value().compareTo(MAX_LONG) > 0) {
      throw fail(label, path + " must be at most " + Long.MAX_VALUE + " " + unit + ", got " + shown(value));
    }
    return number.value().longValueExact();
  }

  /** Runs a builder setter; our checks come first, so its IllegalArgumentException is a backstop. */
  private static void apply(Runnable setter, String path, String label) {
    try {
      setter.run();
    } catch (IllegalArgumentException e) {
      throw new ConfigException(prefix(label) + path + ": " + e.getMessage(), e);
    }
  }

  private static SocketConfig warnUnknown(Result result, String label) {
    if (!result.unknownKeys().isEmpty()) {
      LOG.warn("{}ignoring unknown configuration keys: {} (MiniSocket reads {})", prefix(label),
          String.join(", ", result.unknownKeys()), KNOWN_KEYS);
    }
    return result.config();
  }

  private static SocketConfig rejectUnknown(Result result, String label) {
    if (!result.unknownKeys().isEmpty()) {
      throw fail(label, "unknown configuration keys: " + String.join(", ", result.unknownKeys())
          + " (MiniSocket reads " + KNOWN_KEYS + ")");
    }
    return result.config();
  }

  private static long wholeMillis(Duration timeout) {
    try {
      long millis = timeout.toMillis();
      if (Duration.ofMillis(millis).equals(timeout)) {
        return millis;
      }
    } catch (ArithmeticException tooLong) {
      // falls through to the failure below
    }
    throw new ConfigException(NETWORK_TIMEOUT + "." + CONNECT_SOCKET + " holds whole milliseconds, but the "
        + "connect timeout is " + timeout);
  }

  private static ConfigException malformed(JsonProcessingException e, String label) {
    String at = where(e.getLocation());
    String detail = e.getOriginalMessage();
    if (e instanceof StreamReadException read && read.getProcessor() != null && detail != null
        && detail.startsWith("Duplicate field")) {
      // STRICT_DUPLICATE_DETECTION fails while naming the key, so the parser's context ends at the duplicate.
      String path = pathOf(read.getProcessor().getParsingContext());
      return new ConfigException(prefix(label) + "duplicate key " + path + " at " + at, e);
    }
    String cleaned = detail == null ? e.getClass().getSimpleName()
        : JACKSON_LOCATION.matcher(detail).replaceAll(" (line $1, column $2)");
    return new ConfigException(prefix(label) + "malformed JSON at " + at + ": " + cleaned, e);
  }

  private static String where(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "an unknown position";
    }
    return "line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  /** The JSON path of a parser context: {@code networkTimeout.connectSocket}, {@code socketDomains[1]}. */
  private static String pathOf(JsonStreamContext context) {
    Deque<JsonStreamContext> chain = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      chain.push(c);
    }
    String path = "";
    for (JsonStreamContext c : chain) {
      if (c.inArray()) {
        path = path + "[" + Math.max(0, c.getCurrentIndex()) + "]";
      } else if (c.getCurrentName() != null) {
        path = child(path, c.getCurrentName());
      }
    }
    return path;
  }

  /** Appends a key to a JSON path: {@code a.b} for plain keys, {@code a["x.y"]} for others. */
  private static String child(String parent, String key) {
    if (PLAIN_KEY.matcher(key).matches()) {
      return parent.isEmpty() ? key : parent + "." + key;
    }
    return parent + "[" + quoted(key) + "]";
  }

  /** A value as written in JSON (strings quoted, compact), shortened when long. */
  private static String shown(Object value) {
    StringBuilder json = new StringBuilder();
    compact(value, json);
    return json.length() <= MAX_SHOWN_VALUE ? json.toString() : json.substring(0, MAX_SHOWN_VALUE - 3) + "...";
  }

  private static void compact(Object value, StringBuilder out) {
    if (value instanceof String text) {
      out.append(quoted(text));
    } else if (value instanceof Map<?, ?> object) {
      out.append('{');
      String separator = "";
      for (Map.Entry<?, ?> entry : object.entrySet()) {
        out.append(separator).append(quoted((String) entry.getKey())).append(':');
        compact(entry.getValue(), out);
        separator = ",";
      }
      out.append('}');
    } else if (value instanceof List<?> array) {
      out.append('[');
      for (int i = 0; i < array.size(); i++) {
        out.append(i == 0 ? "" : ",");
        compact(array.get(i), out);
      }
      out.append(']');
    } else {
      out.append(value); // JsonNumber, Boolean, NULL
    }
  }

  private static String quoted(String text) {
    return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + '"';
  }

  private static String prefix(String label) {
    return label == null ? "" : label + ": ";
  }

  private static ConfigException fail(String label, String message) {
    return new ConfigException(prefix(label) + message);
  }
}
