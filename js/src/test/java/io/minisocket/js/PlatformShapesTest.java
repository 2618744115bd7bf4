package io.minisocket.js;

import static org.assertj.core.api.Assertions.assertThat;

import io.minisocket.adapter.taro.Taro;
import io.minisocket.adapter.taro.TaroSettings;
import io.minisocket.adapter.taro.TaroTarget;
import io.minisocket.adapter.uni.Uni;
import io.minisocket.adapter.uni.UniSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each platform global in its exact JavaScript shape, end to end against the echo server. */
class PlatformShapesTest extends ScriptFixture {
  @TempDir
  Path dir;

  private JsScript runFile(JsScript.Builder builder, String code) {
    JsScript script = start(builder);
    script.load(file(dir, "main.js", code));
    runToIdle(script);
    return script;
  }

  @Test
  void wxTaskHasReadyStateAndConstantsAndSendsAndReceivesArrayBuffers() {
    JsScript.Builder b = builder();
    runFile(b.wx(wx(b)), """
        const task = wx.connectSocket({url: SERVER_URL});
        console.log(task.CONNECTING, task.OPEN, task.CLOSING, task.CLOSED, task.readyState <= task.OPEN);
        task.onOpen(() => {
          console.log('open', task.readyState);
          task.send({data: new Uint8Array([1, 2, 255]).buffer});
        });
        task.onMessage((res) => {
          console.log(res.data instanceof ArrayBuffer, Array.from(new Uint8Array(res.data)).join(','));
          task.close({code: 1000, reason: 'done'});
          console.log('closing', task.readyState >= task.CLOSING);
        });
        task.onClose((res) => console.log('closed', task.readyState, res.code, res.reason));
        """);
    // readyState is read live (the transport's view): CONNECTING, or on a loaded machine already OPEN
    assertThat(console).containsExactly("0 1 2 3 true", "open 1", "true 1,2,255", "closing true",
        "closed 3 1000 done");
    // readyState is CLOSING after close(), or already CLOSED: core moves it on the transport's thread, not the
    // loop's, so a fast close handshake can end while the callback still runs
    assertThat(server.received()).anySatisfy(m -> assertThat(m).isEqualTo(new byte[] {1, 2, (byte) 255}));
  }

  @Test
  void aMissingApiIsUndefinedAndCallingItIsATypeError() {
    JsScript.Builder b = builder();
    runFile(b.wx(wx(b)), """
        console.log(typeof wx.offSocketOpen, typeof wx.connectSocket, typeof wx.onSocketOpen);
        try {
          wx.offSocketOpen(() => {});
        } catch (e) {
          console.log(e instanceof TypeError, e.message);
        }
        """);
    assertThat(console).hasSize(2);
    assertThat(console.get(0)).isEqualTo("undefined function function");
    assertThat(console.get(1)).startsWith("true ").endsWith(".offSocketOpen is not a function");
  }

  @Test
  void aTargetWithoutTheGlobalApiHasNoGlobalApi() {
    JsScript.Builder b = builder();
    Taro h5 = Taro.create(transport, TaroSettings.builder().target(TaroTarget.H5).eventLoop(b.loop())
        .config(config()).build());
    runFile(b.taro(h5), "console.log(typeof Taro.connectSocket, typeof Taro.onSocketOpen, typeof Taro.closeSocket);");
    assertThat(console).containsExactly("function undefined undefined");
  }

  @Test
  void aWrongOptionTypeFailsAsFromJava() {
    JsScript.Builder b = builder();
    runFile(b.wx(wx(b)), """
        const task = wx.connectSocket({url: 42, fail: (res) => console.log(JSON.stringify(res)),
            complete: () => console.log('complete')});
        console.log('returned', task.readyState);
        """);
    assertThat(console).containsExactly("returned 3",
        "{\"errMsg\":\"connectSocket:fail url must be a string, got number\"}", "complete");
  }

  @Test
  void alipayTakesBase64WithIsBufferGivesBase64BackAndHasOffMethods() {
    JsScript.Builder b = builder();
    runFile(b.my(my(b)), """
        console.log(my.connectSocket({url: '', multiple: true, fail: (res) => console.log(JSON.stringify(res))})
            .readyState);
        const task = my.connectSocket({url: SERVER_URL, multiple: true});
        console.log(typeof task.offOpen, typeof task.offMessage, typeof task.offError, typeof task.offClose);
        const dropped = (res) => console.log('dropped listener ran');
        task.onMessage(dropped);
        task.onMessage((res) => {
          console.log(res.isBuffer, res.data);
          task.close();
        });
        task.offMessage(dropped);
        task.onOpen(() => task.send({data: 'AAEC/w==', isBuffer: true}));
        """);
    assertThat(console).hasSize(4);
    // fail runs after the top level has returned, as in JavaScript
    assertThat(console.subList(0, 2)).containsExactly("3", "function function function function");
    assertThat(console.get(2)).startsWith("{\"error\":3,\"errorMessage\":");
    assertThat(console.get(3)).isEqualTo("true AAEC/w==");
    assertThat(server.received()).anySatisfy(m -> assertThat(m).isEqualTo(new byte[] {0, 1, 2, (byte) 255}));
  }

  @Test
  void alipayWithoutMultipleReturnsUndefinedAndDrivesTheGlobalSocket() {
    JsScript.Builder b = builder();
    runFile(b.my(my(b)), """
        console.log(my.connectSocket({url: SERVER_URL}));
        my.onSocketOpen(() => my.sendSocketMessage({data: 'hi'}));
        my.onSocketMessage(() => console.log('removed by offSocketMessage()'));
        my.offSocketMessage();
        my.onSocketMessage((res) => { console.log(res.isBuffer, res.data); my.closeSocket(); });
        my.onSocketClose((res) => console.log('closed', res.code));
        """);
    assertThat(console).containsExactly("undefined", "false hi", "closed 1000");
  }

  @Test
  void uniWithoutCallbacksReturnsAPromiseThatResolvesOrRejects() {
    JsScript.Builder b = builder();
    runFile(b.uni(uni(b)), """
        const promise = uni.connectSocket({url: SERVER_URL});
        console.log(promise instanceof Promise);
        promise.then((res) => { console.log(JSON.stringify(res)); uni.closeSocket(); });
        uni.connectSocket({url: 42}).catch((err) => console.log('rejected', err.errMsg));
        """);
    assertThat(console).containsExactlyInAnyOrder("true", "{\"errMsg\":\"connectSocket:ok\"}",
        "rejected connectSocket:fail url must be a string, got number");
    assertThat(console.get(0)).isEqualTo("true");
  }

  @Test
  void uniInTheVue2StyleResolvesWithErrAndRes() {
    JsScript.Builder b = builder();
    Uni uni = Uni.create(transport, UniSettings.builder().promiseStyle(UniSettings.PromiseStyle.VUE2)
        .eventLoop(b.loop()).config(config()).build());
    runFile(b.uni(uni), """
        uni.connectSocket({url: SERVER_URL}).then(([err, res]) => {
          console.log(err, JSON.stringify(res));
          uni.closeSocket();
        });
        """);
    assertThat(console).containsExactly("null {\"errMsg\":\"connectSocket:ok\"}");
  }

  @Test
  void taroResolvesWithTheTaskAndRejectsWithTheFailResult() {
    JsScript.Builder b = builder();
    runFile(b.taro(taro(b)), """
        Taro.connectSocket({url: SERVER_URL}).then((task) => {
          console.log(task.errMsg, typeof task.send, task.readyState <= task.OPEN);
          task.onOpen(() => task.close());
          task.onClose((res) => console.log('closed', res.code));
        });
        Taro.connectSocket({url: 'http://localhost/'}).catch((err) => console.log('rejected', err.errMsg));
        """);
    assertThat(console).hasSize(3);
    assertThat(console).contains("connectSocket:ok function true", "closed 1000");
    assertThat(console).anySatisfy(line -> assertThat(line).startsWith("rejected connectSocket:fail"));
  }

  @Test
  void timersRunInOrderAndCanBeCleared() {
    runFile(builder(), """
        const ticks = [];
        setTimeout(() => console.log('first'), 0);
        setTimeout((a, b) => console.log('timeout', a, b), 30, 'x', 'y');
        const cleared = setTimeout(() => console.log('never'), 10);
        clearTimeout(cleared);
        const interval = setInterval(() => {
          ticks.push(ticks.length);
          if (ticks.length === 3) {
            clearInterval(interval);
            console.log('ticks', ticks.join(','));
          }
        }, 5);
        console.log('sync');
        """);
    // 'first' (due at once, set first) runs before the others; the 30 ms timeout and the third 5 ms tick may come in
    // either order on a loaded machine (the interpreted top level itself can take that long)
    assertThat(console.subList(0, 2)).containsExactly("sync", "first");
    assertThat(console.subList(2, 4)).containsExactlyInAnyOrder("ticks 0,1,2", "timeout x y");
  }

  @Test
  void requireLoadsRelativeFilesOnceAndCallReachesExports() {
    file(dir, "greeting.js", "let loads = 0;\nmodule.exports = { hello: (name) => 'hello ' + name, loads: () => ++loads };\n");
    JsScript script = start(builder());
    script.load(file(dir, "main.js", """
        const a = require('./greeting');
        const b = require('./greeting.js');
        console.log(a === b, a.loads(), b.loads());
        try { require('./missing'); } catch (e) { console.log(e instanceof TypeError, e.message.startsWith("Cannot find module './missing'")); }
        exports.greet = (name) => a.hello(name);
        exports.later = (value) => new Promise((resolve) => setTimeout(() => resolve({value, list: [1, 2]}), 5));
        """));
    assertThat(script.call("greet", "js").join()).isEqualTo("hello js");
    assertThat(script.call("later", "v").join()).isEqualTo(java.util.Map.of("value", "v", "list", List.of(1, 2)));
    assertThat(console).containsExactly("true 1 2", "true true");
  }

  @Test
  void compiledTaroCodeRequiresTheTaroPackage() {
    JsScript.Builder b = builder();
    runFile(b.taro(taro(b)), """
        const _taro = require('@tarojs/taro');
        console.log(_taro.default === Taro, _taro.connectSocket === Taro.connectSocket);
        """);
    assertThat(console).containsExactly("true true");
  }

  @Test
  void everyCallbackRunsOnTheScriptsLoopThread() {
    List<String> threads = new CopyOnWriteArrayList<>();
    JsScript.Builder b = JsScript.builder().global("SERVER_URL", server.url())
        .console((level, text) -> threads.add(Thread.currentThread().getName()));
    JsScript script = start(b.wx(wx(b)));
    script.load(file(dir, "main.js", """
        const task = wx.connectSocket({url: SERVER_URL, success: () => console.log('success')});
        task.onOpen(() => { console.log('open'); task.send({data: 'x', complete: () => console.log('sent')}); });
        task.onMessage(() => { console.log('message'); task.close(); });
        task.onClose(() => setTimeout(() => console.log('closed'), 1));
        """));
    assertThat(script.awaitIdle(WAIT)).isTrue();
    assertThat(threads).hasSize(5).allSatisfy(name -> assertThat(name).isEqualTo(b.loop().name()));
    b.loop().close();
  }
}
