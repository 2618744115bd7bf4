package io.minisocket.js;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmokeTest extends ScriptFixture {
  @TempDir
  Path dir;

  @Test
  void wxEcho() {
    JsScript.Builder builder = builder();
    JsScript script = start(builder.wx(wx(builder)));
    script.load(file(dir, "echo.js", """
        const task = wx.connectSocket({url: SERVER_URL, success: (res) => console.log('connect', JSON.stringify(res))});
        console.log('state', task.readyState, task.OPEN);
        task.onOpen((res) => { console.log('open', typeof res.header); task.send({data: 'hello', success: r => console.log('sent', r.errMsg)}); });
        task.onMessage((res) => { console.log('message', res.data); task.close(); });
        task.onClose((res) => console.log('close', res.code, res.reason));
        console.log(typeof wx.offSocketOpen);
        """));
    runToIdle(script);
    assertThat(console).containsExactly("state 0 1", "undefined", "connect {\"errMsg\":\"connectSocket:ok\"}",
        "open object", "sent sendSocketMessage:ok", "message hello", "close 1000 normal closure");
  }
}
