package io.minisocket.core.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.minisocket.core.SocketConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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

  private static final JsonMapper MAPPER = JsonMapper.builder()
      // JsonParser.Feature.STRICT_DUPLICATE_DETECTION: a duplicate key is an error, not "last one wins".
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      // read(InputStream) leaves the caller's stream open; parse(Path) closes its own.
      .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
      // Keep numbers exact, so 1e400 is "too large" rather than Infinity and messages show what was written.
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();

  private static final PrettyPrinter PRETTY = new DefaultPrettyPrinter(Separators.createDefaultInstance()
      .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
      .withObjectEmptySeparator("")
      .withArrayEmptySeparator(""))
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n"));

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
      return warnUnknown(interpret(tree(() -> MAPPER.createParser(in), null), null, SocketConfig.defaults()), null);
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
      return interpret(tree(() -> MAPPER.createParser(in), label), label, defaults);
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
      return interpret(tree(() -> MAPPER.createParser(text), null), null, SocketConfig.defaults());
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
    ObjectNode root = MAPPER.createObjectNode();
    root.putObject(NETWORK_TIMEOUT).put(CONNECT_SOCKET, wholeMillis(config.connectTimeout()));
    root.put(URL_CHECK, config.urlCheck());
    ArrayNode domains = root.putArray(SOCKET_DOMAINS);
    config.socketDomains().forEach(domains::add);
    root.put(MAX_QUEUE_BYTES, config.maxQueueBytes());
    try {
      return MAPPER.writer(PRETTY).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) { // a tree of strings, booleans and numbers always serializes
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------------------------------------------------------

  private interface ParserSource {
    JsonParser open() throws IOException;
  }

  /** Parses one JSON value, then insists nothing but whitespace follows it. */
  private static JsonNode tree(ParserSource source, String label) throws IOException {
    try (JsonParser parser = source.open()) {
      JsonNode root = MAPPER.readTree(parser);
      if (root == null || root.isMissingNode()) {
        throw fail(label, "no JSON content, expected an object such as {\"urlCheck\": true}");
      }
      if (parser.nextToken() != null) {
        throw fail(label, "unexpected content after the JSON object at " + where(parser.currentTokenLocation()));
      }
      return root;
    } catch (JsonProcessingException e) {
      throw malformed(e, label);
    }
  }

  private static Result interpret(JsonNode root, String label, SocketConfig defaults) {
    if (!root.isObject()) {
      throw fail(label, "the configuration must be a JSON object, got " + shown(root));
    }
    SocketConfig.Builder builder = defaults.toBuilder();
    List<String> unknown = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : root.properties()) {
      String key = entry.getKey();
      JsonNode value = entry.getValue();
      switch (key) {
        case NETWORK_TIMEOUT -> networkTimeout(value, builder, unknown, label);
        case URL_CHECK -> {
          if (!value.isBoolean()) {
            throw fail(label, URL_CHECK + " must be true or false, got " + shown(value));
          }
          builder.urlCheck(value.booleanValue());
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

  private static void networkTimeout(JsonNode value, SocketConfig.Builder builder, List<String> unknown,
      String label) {
    if (!value.isObject()) {
      throw fail(label, NETWORK_TIMEOUT + " must be an object such as {\"connectSocket\": 60000}, got "
          + shown(value));
    }
    for (Map.Entry<String, JsonNode> entry : value.properties()) {
      String key = entry.getKey();
      String path = child(NETWORK_TIMEOUT, key);
      if (key.equals(CONNECT_SOCKET)) {
        long millis = positiveWhole(entry.getValue(), path, "milliseconds", label);
        apply(() -> builder.connectTimeout(Duration.ofMillis(millis)), path, label);
      } else if (!IGNORED_TIMEOUTS.contains(key)) {
        unknown.add(path);
      }
    }
  }

  private static void socketDomains(JsonNode value, SocketConfig.Builder builder, String label) {
    if (!value.isArray()) {
      throw fail(label, SOCKET_DOMAINS + " must be an array of strings, got " + shown(value));
    }
    List<String> domains = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      JsonNode domain = value.get(i);
      String path = SOCKET_DOMAINS + "[" + i + "]";
      if (!domain.isTextual()) {
        throw fail(label, path + " must be a string, got " + shown(domain));
      }
      if (domain.textValue().isBlank()) {
        throw fail(label, path + " must be a host or an origin, got " + shown(domain));
      }
      domains.add(domain.textValue());
    }
    apply(() -> builder.socketDomains(domains), SOCKET_DOMAINS, label);
  }

  /** A positive integral number that fits a long: 60000, 60000.0 and 6e4 pass; 1.5, "60000" and true do not. */
  private static long positiveWhole(JsonNode value, String path, String unit, String label) {
    boolean whole = value.isNumber() && value.canConvertToExactIntegral();
    if (!whole || value.decimalValue().signum() <= 0) {
      throw fail(label, path + " must be a positive whole number of " + unit + ", got " + shown(value));
    }
    if (!value.canConvertToLong()) {
      throw fail(label, path + " must be at most " + Long.MAX_VALUE + " " + unit + ", got " + shown(value));
    }
    return value.longValue();
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
    return parent + "[" + TextNode.valueOf(key) + "]";
  }

  /** A value as written in JSON (strings quoted), shortened when long. */
  private static String shown(JsonNode value) {
    String json = value.toString();
    return json.length() <= MAX_SHOWN_VALUE ? json : json.substring(0, MAX_SHOWN_VALUE - 3) + "...";
  }

  private static String prefix(String label) {
    return label == null ? "" : label + ": ";
  }

  private static ConfigException fail(String label, String message) {
    return new ConfigException(prefix(label) + message);
  }
}
