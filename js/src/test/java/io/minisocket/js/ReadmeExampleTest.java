package io.minisocket.js;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minisocket.adapter.wx.Wx;
import io.minisocket.adapter.wx.WxSettings;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The README's example, as written there: a Java test calling a mini-program's socket module. */
class ReadmeExampleTest extends ScriptFixture {

  @Test
  void javaCallsTheScriptsExportedFunction() throws Exception {
    String url = server.url();
    // --- README ---
    JsScript.Builder builder = JsScript.builder();
    Wx wx = Wx.create(transport, WxSettings.builder().config(config()).eventLoop(builder.loop()).build());
    try (JsScript script = builder.wx(wx).build()) {
      script.load(Path.of("examples/echo-module.js"));
      Object reply = script.call("echo", url, "hi").get(10, TimeUnit.SECONDS);
      assertThat(reply).isEqualTo("hi");
      // --- end ---
      assertThatThrownBy(() -> script.call("echo", "ws://localhost:1/", "x").get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class).cause().isInstanceOf(JsException.class)
          .hasMessageContaining("connectSocket:fail");
      assertThat(script.awaitIdle(WAIT)).isTrue();
    }
    assertThat(wx.runtime().tasks()).isEmpty();
  }
}
