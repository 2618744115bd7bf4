package io.minisocket.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.minisocket.testkit.EchoServer;
import io.minisocket.testkit.Handshake;
import io.minisocket.testkit.MockWebSocketServer;
import io.minisocket.testkit.RecordedRequest;
import io.minisocket.testkit.Script;
import io.minisocket.testkit.SelfSignedCertificate;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectCommandTest {
  private static final SelfSignedCertificate CERTIFICATE = SelfSignedCertificate.localhost();

  @TempDir
  static Path dir;

  private static EchoServer echo;
  private static Path pem;
  private static Path config;

  @BeforeAll
  static void start() throws IOException {
    echo = EchoServer.tls(CERTIFICATE, "chat");
    pem = CERTIFICATE.writeCertificatePem(dir);
    config = Files.writeString(dir.resolve("app.json"), "{\"socketDomains\": [\"localhost\"]}");
  }

  @AfterAll
  static void stop() {
    echo.close();
  }

  private static Cli connect(String stdin, String url, String platform, String... more) {
    return Cli.run(stdin, args(url, platform, more));
  }

  private static String[] args(String url, String platform, String... more) {
    List<String> args = new ArrayList<>(List.of("connect", url, "--platform", platform,
        "--trust-pem", pem.toString(), "--config", config.toString()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @ParameterizedTest
  @ValueSource(strings = {"wx", "my", "uni", "taro"})
  void sendsEachLineAndPrintsEveryEventAsJsonUntilEndOfInputClosesNormally(String platform) {
    Cli cli = connect("hello\nworld\n", echo.url(), platform, "--protocol", "chat");

    assertThat(cli.status()).as(cli.toString()).isZero();
    assertThat(cli.eventNames()).as(cli.toString()).startsWith("connectSocket.success", "open")
        .containsSubsequence("sendSocketMessage.success", "sendSocketMessage.success", "closeSocket.success", "close")
        .containsSubsequence("message", "message", "close").endsWith("close");
    assertThat(cli.event("connectSocket.success").path("errMsg").asText()).isEqualTo("connectSocket:ok");
    assertThat(cli.event("open").path("protocol").asText()).isEqualTo("chat");
    assertThat(cli.event("open").path("header").path("upgrade").asText()).isEqualToIgnoringCase("websocket");
    assertThat(cli.events().stream().filter(e -> e.path("event").asText().equals("message"))
        .map(e -> e.path("data").asText())).containsExactly("hello", "world");
    JsonNode close = cli.event("close");
    assertThat(close.path("code").asInt()).isEqualTo(1000);
    assertThat(echo.received()).contains("hello", "world");
  }

  @Test
  void binaryLinesInHexAreSentAsBinaryMessagesAndEchoesShownInHex() {
    Cli cli = connect("00ff10\n", echo.url(), "wx", "--binary", "hex");

    assertThat(cli.status()).as(cli.toString()).isZero();
    JsonNode message = cli.event("message");
    assertThat(message.path("data").asText()).isEqualTo("00ff10");
    assertThat(message.path("binary").asText()).isEqualTo("hex");
    assertThat(echo.received()).anySatisfy(m -> assertThat(m).isEqualTo(new byte[] {0, (byte) 0xff, 0x10}));
  }

  @Test
  void alipayTakesBase64AsIsBufferAndReportsBadBase64WithItsErrorCode() {
    Cli cli = connect("AAEC\n@@@\n", echo.url(), "my", "--binary", "base64");

    assertThat(cli.status()).as(cli.toString()).isZero();
    assertThat(cli.event("message").path("data").asText()).isEqualTo("AAEC");
    JsonNode failed = cli.event("sendSocketMessage.fail");
    assertThat(failed.path("error").asInt()).isEqualTo(1);
    assertThat(failed.path("errorMessage").asText()).contains("Base64");
    assertThat(failed.has("errMsg")).isFalse();
  }

  @Test
  void aLineThatIsNotHexIsReportedOnStderrAndNotSent() {
    Cli cli = connect("zz\n0a\n", echo.url(), "uni", "--binary", "hex");

    assertThat(cli.status()).as(cli.toString()).isZero();
    assertThat(cli.err()).contains("line 1 is not hex");
    assertThat(cli.events().stream().filter(e -> e.path("event").asText().equals("message"))
        .map(e -> e.path("data").asText())).containsExactly("0a");
  }

  @Test
  void headersAreSentAndRefererIsRefusedInEachPlatformsShape() throws Exception {
    try (MockWebSocketServer server = MockWebSocketServer.builder().tls(CERTIFICATE).start()) {
      Cli ok = connect("", server.url(), "taro", "--header", "X-Token: abc");
      assertThat(ok.status()).as(ok.toString()).isZero();
      RecordedRequest request = server.takeRequest(Duration.ofSeconds(5));
      assertThat(request.header("X-Token")).isEqualTo("abc");
    }

    Cli wx = connect("", echo.url(), "wx", "-H", "Referer:https://example.com/");
    assertThat(wx.status()).isEqualTo(1);
    assertThat(wx.event("connectSocket.fail").path("errMsg").asText())
        .isEqualTo("connectSocket:fail header 'Referer' cannot be set");
    assertThat(wx.errLines()).containsExactly(
        "minisocket: connect failed: connectSocket:fail header 'Referer' cannot be set");

    Cli my = connect("", echo.url(), "my", "-H", "Referer:https://example.com/");
    assertThat(my.status()).isEqualTo(1);
    assertThat(my.event("connectSocket.fail").path("error").asInt()).isEqualTo(1);
  }

  @Test
  void wsIsRefusedWithAHintAndTheDomainAllowListApplies() throws IOException {
    Cli wx = connect("", echo.url().replace("wss:", "ws:"), "wx");
    assertThat(wx.status()).isEqualTo(1);
    assertThat(wx.event("connectSocket.fail").path("errMsg").asText())
        .isEqualTo("connectSocket:fail url must use wss://");
    assertThat(wx.errLines()).singleElement().asString().contains("connect failed", "--insecure-dev");

    Cli my = connect("", echo.url().replace("wss:", "ws:"), "my");
    assertThat(my.event("connectSocket.fail").path("error").asInt()).isEqualTo(20);

    Path other = Files.writeString(dir.resolve("other.json"), "{\"socketDomains\": [\"example.com\"]}");
    Cli offList = Cli.run("", "connect", echo.url(), "-p", "uni", "--trust-pem", pem.toString(),
        "--config", other.toString());
    assertThat(offList.status()).isEqualTo(1);
    assertThat(offList.event("connectSocket.fail").path("errMsg").asText())
        .isEqualTo("connectSocket:fail url not in domain list");
    assertThat(offList.errLines()).singleElement().asString().contains("socketDomains");
  }

  @Test
  void anUntrustedCertificateFailsUnlessInsecureDevWhichWarns() {
    Cli untrusted = Cli.run("", "connect", echo.url(), "-p", "wx");
    assertThat(untrusted.status()).isEqualTo(1);
    assertThat(untrusted.event("error").path("errMsg").asText()).isNotEmpty();
    assertThat(untrusted.event("close").path("code").asInt()).isEqualTo(1006);
    assertThat(untrusted.errLines()).singleElement().asString()
        .startsWith("minisocket: the connection did not open: ").contains("--trust-pem");

    Cli insecure = Cli.run("hi\n", "connect", echo.url(), "-p", "wx", "--insecure-dev");
    assertThat(insecure.status()).as(insecure.toString()).isZero();
    assertThat(insecure.event("message").path("data").asText()).isEqualTo("hi");
    assertThat(insecure.errLines()).singleElement().asString().contains("WARNING --insecure-dev");
  }

  @Test
  void aServerClosingNormallyEndsWithStatusZero() throws Exception {
    try (MockWebSocketServer server = MockWebSocketServer.builder().tls(CERTIFICATE)
        .script(Script.echo().closeAfter(1, 1000, "done")).start();
         PipedOutputStream typing = new PipedOutputStream();
         PipedInputStream stdin = new PipedInputStream(typing)) {
      typing.write("hi\n".getBytes(StandardCharsets.UTF_8)); // stdin stays open: the server ends the session

      Cli cli = Cli.run(stdin, args(server.url(), "wx"));

      assertThat(cli.status()).as(cli.toString()).isZero();
      assertThat(cli.eventNames()).containsSubsequence("message", "close");
      assertThat(cli.event("close").path("reason").asText()).isEqualTo("done");
    }
  }

  @Test
  void ctrlCClosesTheSocketWith1000AndPrintsTheCloseEventBeforeExiting() throws Exception {
    try (MockWebSocketServer server = MockWebSocketServer.builder().tls(CERTIFICATE).start();
         ChildCli cli = ChildCli.start(args(server.url(), "wx"))) {
      cli.stdin().write("hi\n".getBytes(StandardCharsets.UTF_8));
      cli.stdin().flush(); // stdin stays open: only Ctrl-C ends the session
      await().atMost(Duration.ofSeconds(30)).until(() -> cli.out().contains("\"event\":\"message\""));

      cli.pressCtrlC();

      assertThat(cli.awaitExit(Duration.ofSeconds(30))).as(cli.toString()).isEqualTo(130);
      assertThat(server.awaitClose(Duration.ofSeconds(10)).code()).isEqualTo(1000);
      List<String> lines = cli.out().lines().toList();
      assertThat(lines).as(cli.toString())
          .contains("{\"event\":\"closeSocket.success\",\"errMsg\":\"closeSocket:ok\"}");
      assertThat(lines.get(lines.size() - 1)).startsWith("{\"event\":\"close\",\"code\":1000,");
    }
  }

  @Test
  void ctrlCWhileConnectingEndsTheAttemptAndPrintsTheClose() throws Exception {
    try (MockWebSocketServer server = MockWebSocketServer.builder().tls(CERTIFICATE)
        .handshake(Handshake.stallHandshake()).start();
         PipedOutputStream typing = new PipedOutputStream();
         PipedInputStream stdin = new PipedInputStream(typing)) {
      Interrupt ctrlC = new Interrupt();
      CompletableFuture<Cli> run = CompletableFuture.supplyAsync(() -> Cli.run(stdin, ctrlC, args(server.url(), "wx")));
      server.takeRequest(Duration.ofSeconds(30));

      ctrlC.request();

      // A close while connecting fails the connection as a browser's does: onError, then onClose 1006; the
      // connection never opened, so the status is 1 (a real Ctrl-C exits with 130 whatever the command returns).
      Cli cli = run.get(30, TimeUnit.SECONDS);
      assertThat(cli.status()).as(cli.toString()).isEqualTo(1);
      assertThat(cli.eventNames()).containsExactly("connectSocket.success", "closeSocket.success", "error", "close");
      assertThat(cli.event("close").path("code").asInt()).isEqualTo(1006);
    }
  }

  @Test
  void aServerClosingWithAnotherCodeEndsWithStatusOne() throws Exception {
    try (MockWebSocketServer server = MockWebSocketServer.builder().tls(CERTIFICATE)
        .script(Script.echo().closeOnOpen(4001, "unauthorized")).start();
         PipedOutputStream typing = new PipedOutputStream();
         PipedInputStream stdin = new PipedInputStream(typing)) {
      Cli cli = Cli.run(stdin, args(server.url(), "uni"));

      assertThat(cli.status()).as(cli.toString()).isEqualTo(1);
      assertThat(cli.event("close").path("code").asInt()).isEqualTo(4001);
      assertThat(cli.errLines()).containsExactly("minisocket: the connection was closed with 4001 unauthorized");
    }
  }

  @Test
  void aConnectionThatBreaksEndsWithStatusOneAndSaysSo() throws Exception {
    try (MockWebSocketServer server = MockWebSocketServer.builder().tls(CERTIFICATE)
        .script(Script.echo().resetAfter(1)).start();
         PipedOutputStream typing = new PipedOutputStream();
         PipedInputStream stdin = new PipedInputStream(typing)) {
      typing.write("boom\n".getBytes(StandardCharsets.UTF_8));

      Cli cli = Cli.run(stdin, args(server.url(), "my"));

      assertThat(cli.status()).as(cli.toString()).isEqualTo(1);
      assertThat(cli.event("close").path("code").asInt()).isEqualTo(1006);
      assertThat(cli.errLines()).singleElement().asString()
          .startsWith("minisocket: the connection ended abnormally (1006");
    }
  }

  @Test
  void aRefusedConnectionIsReportedInThePlatformsShape() {
    String url = "wss://localhost:" + MockWebSocketServer.unusedPort() + "/";

    Cli my = connect("", url, "my");

    assertThat(my.status()).isEqualTo(1);
    assertThat(my.eventNames()).containsExactly("connectSocket.success", "error", "close");
    assertThat(my.event("error").path("error").asInt()).isEqualTo(1);
    assertThat(my.errLines()).singleElement().asString().startsWith("minisocket: the connection did not open: error 1");
  }
}
