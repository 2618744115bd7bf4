package io.minisocket.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code minisocket run}: the example scripts against the embedded server, and the ways a run fails. */
class RunCommandTest {
  private static final Path EXAMPLES = Path.of("..", "js", "examples");

  @TempDir
  Path dir;

  private static String example(String name) {
    return EXAMPLES.resolve(name).toString();
  }

  @Test
  void theWxExampleEchoesTextAndBinary() {
    Cli cli = Cli.run("", "run", example("echo-wx.js"), "--platform", "wx", "--embedded");

    assertThat(cli.status()).as(cli.toString()).isZero();
    assertThat(cli.out()).isEqualTo(String.join(System.lineSeparator(), "connectSocket: connectSocket:ok",
        "open, readyState 1", "message: hello from wx", "message: ArrayBuffer [1,2,3]", "closed: 1000 bye", ""));
  }

  @Test
  void theOtherPlatformsExamplesRunToTheEnd() {
    Cli my = Cli.run("", "run", example("alipay-two-sockets.js"), "-p", "my", "--embedded");
    assertThat(my.status()).as(my.toString()).isZero();
    assertThat(my.out()).contains("socketTask1 got: socketTask1 says hi", "socketTask2 got: socketTask2 says hi",
        "socketTask1 closed", "socketTask2 closed");

    Cli uni = Cli.run("", "run", example("uni-promise.js"), "-p", "uni", "--embedded");
    assertThat(uni.status()).as(uni.toString()).isZero();
    assertThat(uni.out()).contains("connected: connectSocket:ok", "received: ping", "closed: 1000");

    Cli taro = Cli.run("", "run", example("taro-module.mjs"), "-p", "taro", "--embedded");
    assertThat(taro.status()).as(taro.toString()).isZero();
    assertThat(taro.out()).contains("onMessage: xxx", "onClose: 1000 normal closure");
  }

  @Test
  void anUncaughtErrorExitsWithOneAndItsFileAndLine() throws IOException {
    Path script = Files.writeString(dir.resolve("bad.js"), "setTimeout(() => {\n  wx.offSocketOpen();\n}, 1);\n");

    Cli cli = Cli.run("", "run", script.toString(), "-p", "wx");

    assertThat(cli.status()).as(cli.toString()).isEqualTo(1);
    assertThat(cli.err()).contains("Uncaught TypeError").contains("offSocketOpen is not a function")
        .contains(script + ":2").contains("1 uncaught error");
  }

  @Test
  void aSyntaxErrorExitsWithOneAndItsFileAndLine() throws IOException {
    Path script = Files.writeString(dir.resolve("syntax.js"), "// ok\nwx.connectSocket({url: );\n");

    Cli cli = Cli.run("", "run", script.toString(), "-p", "wx");

    assertThat(cli.status()).as(cli.toString()).isEqualTo(1);
    assertThat(cli.err()).contains("SyntaxError").contains(script + ":2");
  }

  @Test
  void aScriptStillRunningAtTheTimeoutIsCancelled() throws IOException {
    Path script = Files.writeString(dir.resolve("forever.js"), "setInterval(() => {}, 10);\n");

    Cli cli = Cli.run("", "run", script.toString(), "-p", "uni", "--timeout", "300ms");

    assertThat(cli.status()).as(cli.toString()).isEqualTo(1);
    assertThat(cli.err()).contains("still running after PT0.3S (--timeout): cancelled");
  }

  @Test
  void targetIsOnlyForUniAndTaro() {
    Cli cli = Cli.run("", "run", example("echo-wx.js"), "-p", "wx", "--target", "h5");

    assertThat(cli.status()).as(cli.toString()).isEqualTo(2);
    assertThat(cli.err()).contains("--target is for uni and taro, not wx");
  }
}
