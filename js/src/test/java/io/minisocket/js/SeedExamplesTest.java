package io.minisocket.js;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minisocket.adapter.my.My;
import io.minisocket.adapter.uni.Uni;
import io.minisocket.adapter.wx.Wx;
import io.minisocket.core.ReadyState;
import io.minisocket.core.SendOptions;
import io.minisocket.core.spi.PlatformFacade;
import io.minisocket.testkit.MockWebSocketServer;
import io.minisocket.testkit.RecordedRequest;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every JavaScript example of the platform documents, verbatim but for the url, run against the echo server on
 * 127.0.0.1, each checked to do what its document says.
 */
class SeedExamplesTest extends ScriptFixture {

  private void awaitConsole(String line) {
    await().atMost(WAIT).untilAsserted(() -> assertThat(console).contains(line));
  }

  private static void awaitOpen(PlatformFacade facade) {
    await().atMost(WAIT).until(() -> facade.runtime().tasks().stream().anyMatch(t -> t.state() == ReadyState.OPEN));
  }

  /** Closing the script closes its facades: nothing stays connected. */
  private static void closeAndCheckNothingOpen(JsScript script, PlatformFacade facade) {
    script.close();
    assertThat(facade.runtime().tasks()).isEmpty();
  }

  private static String refusedUrl() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return "wss://localhost:" + socket.getLocalPort() + "/";
    }
  }

  private JsScript run(String seed, PlatformFacade facade, JsScript.Builder builder) {
    JsScript script = start(builder);
    script.load(resource("seeds/" + seed + ".js"));
    return script;
  }

  /** The connect examples send what they say: their header and sub-protocol, with GET. */
  @ParameterizedTest
  @ValueSource(strings = {"uni-connect", "uni-legacy-connect", "wx-connect"})
  void theConnectExamplesSendTheirHeaderAndSubProtocol(String seed) {
    try (MockWebSocketServer mock = MockWebSocketServer.builder().tls(server.certificate()).start()) {
      JsScript.Builder b = builder().global("SERVER_URL", mock.url());
      PlatformFacade facade = seed.startsWith("wx") ? wx(b) : uni(b);
      JsScript script = run(seed, facade, seed.startsWith("wx") ? b.wx((Wx) facade) : b.uni((Uni) facade));
      RecordedRequest request = mock.takeRequest(WAIT);
      assertThat(request.method()).isEqualTo("GET");
      assertThat(request.header("content-type")).isEqualTo("application/json");
      assertThat(request.subProtocols()).containsExactly("protocol1");
      script.close();
    }
  }

  // ---- uni-app (000 and the older 001) ----

  @ParameterizedTest
  @ValueSource(strings = {"uni", "uni-legacy"})
  void uniConnectOpensTheGlobalSocket(String doc) {
    JsScript.Builder b = builder();
    Uni uni = uni(b);
    JsScript script = run(doc + "-connect", uni, b.uni(uni));
    awaitOpen(uni);
    closeAndCheckNothingOpen(script, uni);
  }

  @ParameterizedTest
  @ValueSource(strings = {"uni", "uni-legacy"})
  void uniConnectWithCompleteReturnsATask(String doc) {
    JsScript.Builder b = builder();
    Uni uni = uni(b);
    JsScript script = run(doc + "-connect-task", uni, b.uni(uni));
    awaitOpen(uni);
    assertThat(script.call("eval", "typeof socketTask.onOpen + ' ' + socketTask.readyState").join())
        .isEqualTo("function 1");
    closeAndCheckNothingOpen(script, uni);
  }

  @ParameterizedTest
  @ValueSource(strings = {"uni", "uni-legacy"})
  void uniOnSocketOpenLogs(String doc) {
    JsScript.Builder b = builder();
    Uni uni = uni(b);
    JsScript script = run(doc + "-on-socket-open", uni, b.uni(uni));
    awaitConsole(doc.equals("uni") ? "WebSocket连接已打开！" : "WebSocket连接已打开!");
    closeAndCheckNothingOpen(script, uni);
  }

  @ParameterizedTest
  @ValueSource(strings = {"uni", "uni-legacy"})
  void uniOnSocketErrorLogsWhenTheServerRefuses(String doc) throws IOException {
    JsScript.Builder b = builder();
    Uni uni = uni(b);
    JsScript script = run(doc + "-on-socket-error", uni, b.uni(uni).global("SERVER_URL", refusedUrl()));
    awaitConsole(doc.equals("uni") ? "WebSocket连接打开失败，请检查！" : "WebSocket连接打开失败,请检查!");
    assertThat(script.awaitIdle(WAIT)).isTrue();
    assertThat(console).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"uni", "uni-legacy"})
  void uniSendSocketMessageQueuesUntilOpenThenSends(String doc) {
    JsScript.Builder b = builder();
    Uni uni = uni(b);
    JsScript script = run(doc + "-send-socket-message", uni, b.uni(uni));
    String first = doc + " queued " + System.nanoTime();
    String second = doc + " direct " + System.nanoTime();
    script.call("sendSocketMessage", first).join();
    awaitOpen(uni);
    await().atMost(WAIT).until(() -> server.received().contains(first));
    script.call("sendSocketMessage", second).join();
    await().atMost(WAIT).until(() -> server.received().contains(second));
    assertThat(server.received().indexOf(first)).isLessThan(server.received().indexOf(second));
    closeAndCheckNothingOpen(script, uni);
  }

  @ParameterizedTest
  @ValueSource(strings = {"uni", "uni-legacy"})
  void uniOnSocketMessageLogsWhatTheServerSent(String doc) {
    JsScript.Builder b = builder();
    Uni uni = uni(b);
    JsScript script = run(doc + "-on-socket-message", uni, b.uni(uni));
    awaitOpen(uni);
    uni.sendSocketMessage(SendOptions.of("ping"));
    awaitConsole(doc.equals("uni") ? "收到服务器内容：ping" : "收到服务器内容:ping");
    closeAndCheckNothingOpen(script, uni);
  }

  @ParameterizedTest
  @ValueSource(strings = {"uni", "uni-legacy"})
  void uniOnSocketCloseLogsAfterClosingOnOpen(String doc) {
    JsScript.Builder b = builder();
    Uni uni = uni(b);
    JsScript script = run(doc + "-on-socket-close", uni, b.uni(uni));
    runToIdle(script);
    assertThat(console).containsExactly(doc.equals("uni") ? "WebSocket 已关闭！" : "WebSocket 已关闭!");
    assertThat(uni.runtime().tasks()).isEmpty();
  }

  // ---- WeChat (002) ----

  @Test
  void wxConnectOpensASocket() {
    JsScript.Builder b = builder();
    Wx wx = wx(b);
    JsScript script = run("wx-connect", wx, b.wx(wx));
    awaitOpen(wx);
    closeAndCheckNothingOpen(script, wx);
  }

  @Test
  void wxOnSocketOpenLogs() {
    JsScript.Builder b = builder();
    Wx wx = wx(b);
    JsScript script = run("wx-on-socket-open", wx, b.wx(wx));
    awaitConsole("WebSocket连接已打开！");
    closeAndCheckNothingOpen(script, wx);
  }

  @Test
  void wxOnSocketErrorLogsOpenOrFailure() throws IOException {
    JsScript.Builder b = builder();
    Wx wx = wx(b);
    JsScript script = run("wx-on-socket-error", wx, b.wx(wx));
    awaitConsole("WebSocket连接已打开！");
    closeAndCheckNothingOpen(script, wx);
    console.clear();

    JsScript.Builder b2 = builder();
    Wx refused = wx(b2);
    JsScript failing = run("wx-on-socket-error", refused, b2.wx(refused).global("SERVER_URL", refusedUrl()));
    assertThat(failing.awaitIdle(WAIT)).isTrue();
    assertThat(console).containsExactly("WebSocket连接打开失败，请检查！");
    failing.close();
  }

  @Test
  void wxSendSocketMessageQueuesUntilOpenThenSends() {
    JsScript.Builder b = builder();
    Wx wx = wx(b);
    JsScript script = run("wx-send-socket-message", wx, b.wx(wx));
    String first = "wx queued " + System.nanoTime();
    String second = "wx direct " + System.nanoTime();
    script.call("sendSocketMessage", first).join();
    await().atMost(WAIT).until(() -> server.received().contains(first));
    script.call("sendSocketMessage", second).join();
    await().atMost(WAIT).until(() -> server.received().contains(second));
    assertThat(server.received().indexOf(first)).isLessThan(server.received().indexOf(second));
    closeAndCheckNothingOpen(script, wx);
  }

  @Test
  void wxOnSocketMessageLogsWhatTheServerSent() {
    JsScript.Builder b = builder();
    Wx wx = wx(b);
    JsScript script = run("wx-on-socket-message", wx, b.wx(wx));
    awaitOpen(wx);
    wx.sendSocketMessage(SendOptions.of("ping"));
    awaitConsole("收到服务器内容：ping");
    closeAndCheckNothingOpen(script, wx);
  }

  @Test
  void wxOnSocketCloseLogsAfterClosingOnOpen() {
    JsScript.Builder b = builder();
    Wx wx = wx(b);
    JsScript script = run("wx-on-socket-close", wx, b.wx(wx));
    runToIdle(script);
    assertThat(console).containsExactly("WebSocket 已关闭！");
  }

  // ---- Taro (003), an ES module importing @tarojs/taro ----

  @Test
  void taroConnectSendsAndClosesOnTheEcho() {
    JsScript.Builder b = builder();
    var taro = taro(b);
    JsScript script = run("taro-connect", taro, b.taro(taro));
    runToIdle(script);
    assertThat(console).containsExactly("connect success", "onOpen", "onMessage:  {\"data\":\"xxx\"}",
        "onClose:  {\"code\":1000,\"reason\":\"normal closure\"}");
  }

  // ---- Alipay (004) ----

  @Test
  void myConnectSocketSingleInstanceSucceeds() {
    JsScript.Builder b = builder();
    My my = my(b);
    JsScript script = run("my-single-instance", my,
        b.my(my).global("data", Map.of("websocketServer", server.url())));
    awaitConsole("WebSocket 连接成功");
    awaitOpen(my);
    closeAndCheckNothingOpen(script, my);
  }

  @Test
  void myTwoInstancesInThePageStandInTappedInTheDocumentedOrder() {
    JsScript.Builder b = builder();
    My my = my(b);
    JsScript script = start(b.my(my));
    script.load(resource("seeds/page-standin.js"));
    script.load(resource("seeds/my-multiple-instances.js"));
    script.call("tap", "connectSocket1").join();
    script.call("tap", "connectSocket2").join();
    awaitConsole("socketTask1: 监听到连接开启");
    awaitConsole("socketTask2: 监听到连接开启");
    script.call("tap", "onSocketMessage").join();
    awaitConsole("开启监听");
    script.call("tap", "sendSocketMessage1").join();
    script.call("tap", "sendSocketMessage2").join();
    awaitConsole("socketTask1: 监听到收到服务器内容：\"socketTask1 发送的消息\"");
    awaitConsole("socketTask2: 监听到收到服务器内容：\"socketTask2 发送的消息\"");
    // the page's last two methods: the second onSocketClose (it replaces the first) and closeSocket
    script.call("tap", "onSocketClose").join();
    script.call("tap", "closeSocket").join();
    runToIdle(script);
    assertThat(console).filteredOn(line -> line.equals("关闭连接")).hasSize(2);
    assertThat(console).filteredOn(line -> line.startsWith("监听到 socketTask2 已关闭！")).hasSize(1);
    assertThat(console).noneMatch(line -> line.startsWith("监听到 socketTask1"));
  }

  @Test
  void alipaysTwoInstancesNeverSeeAnUnassignedTaskOverManyRuns() {
    JsScript.Builder b = builder();
    My my = my(b);
    JsScript script = start(b.my(my));
    script.load(resource("seeds/page-standin.js"));
    script.load(resource("seeds/my-multiple-instances.js"));
    int runs = 10;
    for (int run = 1; run <= runs; run++) {
      int opened = run;
      script.call("tap", "connectSocket1").join();
      script.call("tap", "connectSocket2").join();
      await().atMost(WAIT).until(() -> count("socketTask1: 监听到连接开启") == opened
          && count("socketTask2: 监听到连接开启") == opened);
      script.call("tap", "closeSocket").join();
      await().atMost(WAIT).until(() -> count("关闭连接") == 2 * opened);
    }
    runToIdle(script); // success reads socketTask1/2 right after connectSocket returned: it is always assigned
    assertThat(my.runtime().tasks()).isEmpty();
  }

  private long count(String line) {
    return console.stream().filter(line::equals).count();
  }
}
