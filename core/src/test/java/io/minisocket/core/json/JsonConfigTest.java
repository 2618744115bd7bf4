package io.minisocket.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minisocket.core.SocketConfig;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonConfigTest {

  private static final SocketConfig CUSTOM = SocketConfig.builder()
      .connectTimeout(Duration.ofMillis(15_000))
      .urlCheck(false)
      .socketDomains(List.of("wss://example.com", "socket.example.org"))
      .maxQueueBytes(1_048_576)
      .build();

  /** An app.json as WeChat developers have it, with keys MiniSocket does not read. */
  private static final String APP_JSON = """
      {
        "pages": ["pages/index/index"],
        "window": { "navigationBarTitleText": "Demo" },
        "networkTimeout": {
          "request": 10000,
          "connectSocket": 30000,
          "uploadFile": 10000,
          "downloadFile": 10000,
          "websocket": 5
        },
        "debug": true
      }
      """;

  @TempDir Path dir;

  private final List<LogEvent> warnings = new CopyOnWriteArrayList<>();
  private AbstractAppender capture;

  @BeforeEach
  void captureWarnings() {
    capture = new AbstractAppender("JsonConfigTest", null, null, true, Property.EMPTY_ARRAY) {
      @Override
      public void append(LogEvent event) {
        warnings.add(event.toImmutable());
      }
    };
    capture.start();
    LoggerContext context = LoggerContext.getContext(false);
    Configuration configuration = context.getConfiguration();
    LoggerConfig logger = new LoggerConfig(JsonConfig.class.getName(), Level.WARN, false);
    logger.addAppender(capture, Level.WARN, null);
    configuration.addLogger(JsonConfig.class.getName(), logger);
    context.updateLoggers();
  }

  @AfterEach
  void stopCapturing() {
    LoggerContext context = LoggerContext.getContext(false);
    context.getConfiguration().removeLogger(JsonConfig.class.getName());
    context.updateLoggers();
    capture.stop();
  }

  // --- round trip and output format --------------------------------------------------------------------------------

  @Test
  void writtenFileReadsBackAsTheSameConfig() throws IOException {
    Path file = Files.writeString(dir.resolve("minisocket.json"), JsonConfig.write(CUSTOM));

    assertThat(JsonConfig.read(file)).isEqualTo(CUSTOM);
    assertThat(JsonConfig.readStrict(file)).isEqualTo(CUSTOM);
    assertThat(JsonConfig.read(JsonConfig.write(SocketConfig.defaults()))).isEqualTo(SocketConfig.defaults());
  }

  @Test
  void writeProducesTheDocumentedSchemaPrettyPrinted() {
    assertThat(JsonConfig.write(CUSTOM)).isEqualTo("""
        {
          "networkTimeout": {
            "connectSocket": 15000
          },
          "urlCheck": false,
          "socketDomains": [
            "wss://example.com",
            "socket.example.org"
          ],
          "maxQueueBytes": 1048576
        }
        """);
    assertThat(JsonConfig.write(SocketConfig.defaults())).contains("\"socketDomains\": [],");
  }

  @Test
  void writeRefusesATimeoutTheJsonCannotHold() {
    SocketConfig subMillisecond = SocketConfig.builder().connectTimeout(Duration.ofNanos(1_500_000)).build();

    assertThatThrownBy(() -> JsonConfig.write(subMillisecond))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("networkTimeout.connectSocket")
        .hasMessageContaining("PT0.0015S");
  }

  // --- values ------------------------------------------------------------------------------------------------------

  @Test
  void emptyObjectKeepsEveryDefault() {
    assertThat(JsonConfig.read("{}")).isEqualTo(SocketConfig.defaults());
    assertThat(JsonConfig.read("{\"networkTimeout\": {}}")).isEqualTo(SocketConfig.defaults());
    assertThat(JsonConfig.parse("{}").unknownKeys()).isEmpty();
  }

  @Test
  void readsTheDocumentedExample() {
    SocketConfig config = JsonConfig.readStrict("""
        {
          "networkTimeout": { "connectSocket": 60000 },
          "urlCheck": true,
          "socketDomains": ["wss://example.com", "socket.example.org"],
          "maxQueueBytes": 16777216
        }
        """);

    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.urlCheck()).isTrue();
    assertThat(config.socketDomains()).containsExactly("wss://example.com", "socket.example.org");
    assertThat(config.maxQueueBytes()).isEqualTo(16L * 1024 * 1024);
  }

  @Test
  void missingKeysKeepTheirDefaultsWhileGivenOnesApply() {
    SocketConfig config = JsonConfig.read("{\"urlCheck\": false}");

    assertThat(config).isEqualTo(SocketConfig.builder().urlCheck(false).build());
  }

  @ParameterizedTest
  @ValueSource(strings = {"30000", "30000.0", "3e4", "3.0E4"})
  void wholeNumbersMayBeWrittenAsJsonAllowsThem(String millis) {
    SocketConfig config = JsonConfig.read("{\"networkTimeout\": {\"connectSocket\": " + millis + "}}");

    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void largeValuesThatFitALongAreKept() {
    SocketConfig config = JsonConfig.read("{\"maxQueueBytes\": 9223372036854775807}");

    assertThat(config.maxQueueBytes()).isEqualTo(Long.MAX_VALUE);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      {"networkTimeout": {"connectSocket": "abc"}} | networkTimeout.connectSocket must be a positive whole number of milliseconds, got "abc"
      {"networkTimeout": {"connectSocket": 1.5}}   | networkTimeout.connectSocket must be a positive whole number of milliseconds, got 1.5
      {"networkTimeout": {"connectSocket": 0}}     | networkTimeout.connectSocket must be a positive whole number of milliseconds, got 0
      {"networkTimeout": {"connectSocket": -1}}    | networkTimeout.connectSocket must be a positive whole number of milliseconds, got -1
      {"networkTimeout": {"connectSocket": true}}  | networkTimeout.connectSocket must be a positive whole number of milliseconds, got true
      {"networkTimeout": {"connectSocket": null}}  | networkTimeout.connectSocket must be a positive whole number of milliseconds, got null
      {"networkTimeout": {"connectSocket": 1e400}} | networkTimeout.connectSocket must be at most 9223372036854775807 milliseconds, got 1E+400
      {"networkTimeout": 60000}                    | `networkTimeout must be an object such as {"connectSocket": 60000}, got 60000`
      {"urlCheck": "yes"}                          | urlCheck must be true or false, got "yes"
      {"urlCheck": 1}                              | urlCheck must be true or false, got 1
      {"socketDomains": "wss://example.com"}       | socketDomains must be an array of strings, got "wss://example.com"
      {"socketDomains": ["example.com", 42]}       | socketDomains[1] must be a string, got 42
      {"socketDomains": [null]}                    | socketDomains[0] must be a string, got null
      {"socketDomains": ["example.com", " "]}      | socketDomains[1] must be a host or an origin, got " "
      {"maxQueueBytes": 0}                         | maxQueueBytes must be a positive whole number of bytes, got 0
      {"maxQueueBytes": -4096}                     | maxQueueBytes must be a positive whole number of bytes, got -4096
      {"maxQueueBytes": 1.5}                       | maxQueueBytes must be a positive whole number of bytes, got 1.5
      {"maxQueueBytes": "16MiB"}                   | maxQueueBytes must be a positive whole number of bytes, got "16MiB"
      {"maxQueueBytes": 9223372036854775808}       | maxQueueBytes must be at most 9223372036854775807 bytes, got 9223372036854775808
      ["urlCheck"]                                 | the configuration must be a JSON object, got ["urlCheck"]
      """)
  void wrongValueIsReportedWithItsKeyTheExpectationAndWhatWasFound(String json, String message) {
    assertThatThrownBy(() -> JsonConfig.read(json))
        .isInstanceOf(ConfigException.class)
        .hasMessage(message);
  }

  @Test
  void longValuesAreShortenedInMessages() {
    String longString = "x".repeat(500);

    assertThatThrownBy(() -> JsonConfig.read("{\"urlCheck\": \"" + longString + "\"}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("urlCheck must be true or false, got \"xxx")
        .hasMessageEndingWith("...")
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
  }

  // --- unknown keys ------------------------------------------------------------------------------------------------

  @Test
  void unknownKeysAreListedByJsonPathAndTheKnownOnesStillApply() {
    JsonConfig.Result result = JsonConfig.parse(APP_JSON);

    assertThat(result.unknownKeys()).containsExactly("pages", "window", "networkTimeout.websocket", "debug");
    assertThat(result.config().connectTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(warnings).as("parse reports through its result, not the log").isEmpty();
  }

  @Test
  void readWarnsNamingEveryUnknownKey() {
    SocketConfig config = JsonConfig.read(APP_JSON);

    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(warnings).singleElement().satisfies(event -> {
      assertThat(event.getLevel()).isEqualTo(Level.WARN);
      assertThat(event.getMessage().getFormattedMessage())
          .contains("pages, window, networkTimeout.websocket, debug")
          .doesNotContain("request", "uploadFile", "downloadFile");
    });
  }

  @Test
  void readOfAFileWarnsNamingTheFile() throws IOException {
    Path file = Files.writeString(dir.resolve("app.json"), APP_JSON);

    JsonConfig.read(file);

    assertThat(warnings).singleElement()
        .extracting(event -> event.getMessage().getFormattedMessage())
        .asString()
        .startsWith(file + ": ")
        .contains("pages");
  }

  @Test
  void strictModeRejectsUnknownKeysNamingAllOfThem() throws IOException {
    Path file = Files.writeString(dir.resolve("app.json"), APP_JSON);

    assertThatThrownBy(() -> JsonConfig.readStrict(APP_JSON))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("unknown configuration keys: pages, window, networkTimeout.websocket, debug");
    assertThatThrownBy(() -> JsonConfig.readStrict(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(file + ": unknown configuration keys: pages, window");
  }

  @Test
  void wechatsOtherTimeoutsAreKnownNotUnknown() {
    String json = """
        {"networkTimeout": {"request": 1, "uploadFile": "anything", "downloadFile": null, "connectSocket": 5000}}
        """;

    assertThat(JsonConfig.parse(json).unknownKeys()).isEmpty();
    assertThat(JsonConfig.readStrict(json).connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(JsonConfig.read("{\"networkTimeout\": {\"request\": 60000}}")).isEqualTo(SocketConfig.defaults());
    assertThat(warnings).isEmpty();
  }

  @Test
  void unusualKeyNamesAreQuotedInThePath() {
    assertThat(JsonConfig.parse("{\"a.b\": 1, \"networkTimeout\": {\"connect socket\": 1}}").unknownKeys())
        .containsExactly("[\"a.b\"]", "networkTimeout[\"connect socket\"]");
  }

  @Test
  void resultListIsUnmodifiable() {
    List<String> keys = JsonConfig.parse("{\"pages\": []}").unknownKeys();

    assertThatThrownBy(() -> keys.add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  // --- malformed input ---------------------------------------------------------------------------------------------

  @Test
  void malformedJsonIsReportedWithLineAndColumn() {
    String json = """
        {
          "urlCheck": true,
          "maxQueueBytes": }
        """;

    assertThatThrownBy(() -> JsonConfig.read(json))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("malformed JSON at line 3, column 20: ")
        .hasMessageNotContaining("Source:");
  }

  @Test
  void truncatedJsonIsMalformed() {
    assertThatThrownBy(() -> JsonConfig.read("{\"urlCheck\": true"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("malformed JSON at line 1, column ")
        .hasMessageContaining("end-of-input")
        .hasMessageNotContaining("Source:");
  }

  @Test
  void contentAfterTheObjectIsAnError() {
    assertThatThrownBy(() -> JsonConfig.read("{\"urlCheck\": true}\n{\"urlCheck\": false}"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("unexpected content after the JSON object at line 2, column 1");
    assertThatThrownBy(() -> JsonConfig.read("{} x"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("malformed JSON at line 1, column ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   \n"})
  void emptyInputIsAnError(String json) {
    assertThatThrownBy(() -> JsonConfig.read(json))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("no JSON content");
  }

  @Test
  void duplicateKeyIsAnErrorNamingTheKey() {
    assertThatThrownBy(() -> JsonConfig.read("{\"urlCheck\": true,\n \"urlCheck\": false}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("duplicate key urlCheck at line 2, column ");
    assertThatThrownBy(() -> JsonConfig.read("{\"networkTimeout\": {\"connectSocket\": 1, \"connectSocket\": 2}}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("duplicate key networkTimeout.connectSocket at line 1, column ");
  }

  @Test
  void duplicateKeyIsAnErrorEvenInsideUnknownKeys() {
    assertThatThrownBy(() -> JsonConfig.read("{\"window\": [{\"a\": 1, \"a\": 2}]}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("duplicate key window[0].a at ");
  }

  // --- files and streams -------------------------------------------------------------------------------------------

  @Test
  void readsAFile() throws IOException {
    Path file = Files.writeString(dir.resolve("minisocket.json"), """
        {"networkTimeout": {"connectSocket": 2500}, "socketDomains": ["Example.COM"]}
        """);

    SocketConfig config = JsonConfig.read(file);

    assertThat(config.connectTimeout()).isEqualTo(Duration.ofMillis(2500));
    assertThat(config.socketDomains()).containsExactly("example.com");
    assertThat(JsonConfig.parse(file).unknownKeys()).isEmpty();
  }

  @Test
  void readsAFileWithAByteOrderMark() throws IOException {
    Path file = dir.resolve("bom.json");
    Files.write(file, ("\uFEFF{\"urlCheck\": false}").getBytes(StandardCharsets.UTF_8));

    assertThat(JsonConfig.read(file).urlCheck()).isFalse();
    assertThat(JsonConfig.read("\uFEFF{\"urlCheck\": false}").urlCheck()).isFalse();
  }

  @Test
  void errorsInAFileNameTheFile() throws IOException {
    Path file = Files.writeString(dir.resolve("app.json"), "{\n  \"urlCheck\": \"yes\"\n}\n");
    Path broken = Files.writeString(dir.resolve("broken.json"), "{\n  \"urlCheck\": tru\n}\n");

    assertThatThrownBy(() -> JsonConfig.read(file))
        .isInstanceOf(ConfigException.class)
        .hasMessage(file + ": urlCheck must be true or false, got \"yes\"");
    assertThatThrownBy(() -> JsonConfig.read(broken))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(broken + ": malformed JSON at line 2, column ");
  }

  @Test
  void missingFileIsAConfigExceptionNamingThePath() {
    Path missing = dir.resolve("does-not-exist.json");

    assertThatThrownBy(() -> JsonConfig.read(missing))
        .isInstanceOf(ConfigException.class)
        .hasMessage(missing + ": configuration file not found");
    assertThatThrownBy(() -> JsonConfig.parse(missing)).isInstanceOf(ConfigException.class);
    assertThatThrownBy(() -> JsonConfig.readStrict(missing)).isInstanceOf(ConfigException.class);
  }

  @Test
  void unreadableFileIsAConfigExceptionNamingThePath() {
    assertThatThrownBy(() -> JsonConfig.read(dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(dir + ": cannot read the configuration file");
  }

  @Test
  void readsAStreamWithoutClosingIt() {
    boolean[] closed = {false};
    InputStream in = new FilterInputStream(
        new ByteArrayInputStream("{\"maxQueueBytes\": 4096}".getBytes(StandardCharsets.UTF_8))) {
      @Override
      public void close() throws IOException {
        closed[0] = true;
        super.close();
      }
    };

    assertThat(JsonConfig.read(in).maxQueueBytes()).isEqualTo(4096);
    assertThat(closed[0]).isFalse();
  }

  @Test
  void streamFailuresAreConfigExceptions() {
    InputStream failing = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("disk on fire");
      }
    };

    assertThatThrownBy(() -> JsonConfig.read(failing))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("disk on fire");
  }

  @Test
  void keysTheFileLacksKeepTheGivenDefaults(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("app.json"), "{\"urlCheck\": false}");
    SocketConfig alipay = SocketConfig.builder().connectTimeout(Duration.ofSeconds(30)).build();
    SocketConfig read = JsonConfig.read(file, alipay);
    assertThat(read.connectTimeout()).hasSeconds(30);
    assertThat(read.urlCheck()).isFalse();
    assertThat(JsonConfig.read(file).connectTimeout()).hasSeconds(60);
  }
}
