package io.minisocket.js;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.minisocket.adapter.uni.Uni;
import io.minisocket.adapter.wx.Wx;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad scripts get a clear message with their file:line and leave no socket, context or thread behind. */
class BadScriptsTest extends ScriptFixture {
  @TempDir
  Path dir;

  @Test
  void aSyntaxErrorNamesTheFileAndLine() {
    Path bad = file(dir, "bad.js", "const a = 1;\nconst b = ;\n");
    JsScript script = start(builder());
    assertThatThrownBy(() -> script.load(bad)).isInstanceOfSatisfying(JsException.class, e -> {
      assertThat(e.error().location()).isEqualTo(bad + ":2");
      assertThat(e.error().message()).startsWith("SyntaxError");
    });
  }

  @Test
  void anErrorThrownByTheTopLevelReachesTheCallerWithItsStack() {
    Path lib = file(dir, "lib.js", "module.exports = function fail() {\n  throw new RangeError('too far');\n};\n");
    Path main = file(dir, "main.js", "const fail = require('./lib');\nfail();\n");
    JsScript script = start(builder());
    assertThatThrownBy(() -> script.load(main)).isInstanceOfSatisfying(JsException.class, e -> {
      assertThat(e.error().message()).isEqualTo("RangeError: too far");
      assertThat(e.error().location()).isEqualTo(lib + ":2");
      assertThat(e.error().stack()).first().isEqualTo("fail (" + lib + ":2)");
      assertThat(e.error().describe()).contains("at fail (" + lib + ":2)").contains(main + ":2");
    });
  }

  @Test
  void anErrorThrownInACallbackIsReportedAndTheScriptGoesOn() {
    JsScript.Builder b = builder();
    JsScript script = start(b.wx(wx(b)));
    Path main = file(dir, "main.js", """
        const task = wx.connectSocket({url: SERVER_URL});
        task.onOpen(() => {
          null.boom();
        });
        task.onOpen(() => task.send({data: 'still here'}));
        task.onMessage((res) => {
          console.log(res.data);
          setTimeout(() => task.close(), 0);
          wx.offSocketOpen();
        });
        """);
    script.load(main);
    assertThat(script.awaitIdle(WAIT)).isTrue();
    assertThat(console).contains("still here");
    assertThat(script.errors()).hasSize(2);
    assertThat(script.errors().get(0).message()).startsWith("TypeError").contains("boom");
    assertThat(script.errors().get(0).location()).isEqualTo(main + ":3");
    assertThat(script.errors().get(1).message()).startsWith("TypeError").endsWith("offSocketOpen is not a function");
    assertThat(script.errors().get(1).location()).isEqualTo(main + ":9");
    assertThat(console).anySatisfy(line -> assertThat(line).startsWith("error: Uncaught TypeError"));
  }

  @Test
  void anUnhandledRejectionIsReported() {
    JsScript.Builder b = builder();
    Uni uni = uni(b);
    JsScript script = start(b.uni(uni));
    script.load(file(dir, "main.js", "uni.connectSocket({url: 42});\n"));
    assertThat(script.awaitIdle(WAIT)).isTrue();
    assertThat(script.errors()).singleElement().satisfies(error ->
        assertThat(error.message()).contains("connectSocket:fail url must be a string, got number"));
  }

  @Test
  void aCallbackThatNeverReturnsIsCancelledAtTheTimeoutAndNothingIsLeftOpen() {
    JsScript.Builder b = builder();
    Wx wx = wx(b);
    JsScript script = start(b.wx(wx));
    script.load(file(dir, "main.js", """
        const task = wx.connectSocket({url: SERVER_URL});
        task.onOpen(() => { console.log('spinning'); while (true) {} });
        """));
    await().atMost(WAIT).until(() -> console.contains("spinning"));
    assertThat(script.awaitIdle(Duration.ofMillis(300))).isFalse();
    assertThat(script.errors()).singleElement().satisfies(error ->
        assertThat(error.message()).contains("cancelled"));
    script.close();
    assertThat(wx.runtime().tasks()).isEmpty();
    assertThat(b.loop().isClosed()).isTrue();
    await().atMost(WAIT).until(() -> Thread.getAllStackTraces().keySet().stream()
        .noneMatch(t -> t.getName().equals(b.loop().name())));
  }

  @Test
  void aTopLevelThatNeverReturnsIsCancelledAtTheTimeout() {
    JsScript script = start(builder().timeout(Duration.ofMillis(500)));
    assertThatThrownBy(() -> script.load(file(dir, "main.js", "for (;;) {}\n")))
        .isInstanceOfSatisfying(JsException.class, e -> assertThat(e.error().message()).contains("cancelled"));
  }

  @Test
  void facadesMustBeOnTheScriptsLoop() {
    JsScript.Builder other = builder();
    Wx wx = wx(other);
    assertThatThrownBy(() -> builder().wx(wx)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("eventLoop(builder.loop())");
    wx.close();
  }
}
