package io.minisocket.js;

import static org.assertj.core.api.Assertions.assertThat;

import io.minisocket.adapter.my.My;
import io.minisocket.adapter.my.MySettings;
import io.minisocket.adapter.taro.Taro;
import io.minisocket.adapter.taro.TaroSettings;
import io.minisocket.adapter.uni.Uni;
import io.minisocket.adapter.uni.UniSettings;
import io.minisocket.adapter.wx.Wx;
import io.minisocket.adapter.wx.WxSettings;
import io.minisocket.core.SocketConfig;
import io.minisocket.testkit.EchoServer;
import io.minisocket.testkit.SelfSignedCertificate;
import io.minisocket.transport.vertx.VertxTransport;
import io.minisocket.transport.vertx.VertxTransportOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * A wss echo server on 127.0.0.1 (certificate for {@code localhost}), a transport that trusts it, facades with
 * {@code localhost} on the socket domain allow-list, and scripts whose console lines are recorded.
 */
abstract class ScriptFixture {
  static final Duration WAIT = Duration.ofSeconds(20);
  static EchoServer server;
  static VertxTransport transport;
  static Path certificateDir;

  final List<String> console = new CopyOnWriteArrayList<>();
  private final List<JsScript.Builder> builders = new ArrayList<>();
  private final List<JsScript> scripts = new ArrayList<>();

  @BeforeAll
  static void startServer() throws IOException {
    server = EchoServer.tls(SelfSignedCertificate.localhost(), "protocol1");
    certificateDir = Files.createTempDirectory("js-test-cert");
    Path pem = server.certificate().writeCertificatePem(certificateDir);
    transport = VertxTransport.create(VertxTransportOptions.builder().trustPem(pem).build());
  }

  @AfterAll
  static void stopServer() throws IOException {
    transport.close();
    server.close();
    try (var files = Files.list(certificateDir)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    Files.delete(certificateDir);
  }

  @AfterEach
  void closeScripts() {
    scripts.forEach(JsScript::close);
    builders.forEach(b -> b.loop().close()); // the loops of builders never built
  }

  static SocketConfig config() {
    return SocketConfig.builder().socketDomains(List.of("localhost")).build();
  }

  static Wx wx(JsScript.Builder script) {
    return Wx.create(transport, WxSettings.builder().config(config()).eventLoop(script.loop()).build());
  }

  static My my(JsScript.Builder script) {
    return My.create(transport, MySettings.builder().eventLoop(script.loop()).config(MySettings.defaults().config()
        .toBuilder().socketDomains(List.of("localhost")).build()).build());
  }

  static Uni uni(JsScript.Builder script) {
    return Uni.create(transport, UniSettings.builder().eventLoop(script.loop()).config(config()).build());
  }

  static Taro taro(JsScript.Builder script) {
    return Taro.create(transport, TaroSettings.builder().eventLoop(script.loop()).config(config()).build());
  }

  /** @return a builder whose console lines land in {@link #console}, with {@code SERVER_URL} set */
  JsScript.Builder builder() {
    JsScript.Builder builder = JsScript.builder().global("SERVER_URL", server.url())
        .console((level, text) -> console.add(level.equals("log") ? text : level + ": " + text));
    builders.add(builder);
    return builder;
  }

  /** Builds the script and closes it after the test. */
  JsScript start(JsScript.Builder builder) {
    JsScript script = builder.build();
    scripts.add(script);
    return script;
  }

  /** @return a test resource as a file */
  static Path resource(String name) {
    try {
      return Path.of(ScriptFixture.class.getResource("/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** @return a temporary file holding the code, named {@code name} */
  static Path file(Path dir, String name, String code) {
    try {
      return Files.writeString(dir.resolve(name), code, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs the script to idle and checks that no error went uncaught. */
  void runToIdle(JsScript script) {
    assertThat(script.awaitIdle(WAIT)).as("went idle; console: %s", console).isTrue();
    assertThat(script.errors()).isEmpty();
  }
}
