package io.minisocket.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minisocket.core.spi.PlatformProfile;
import io.minisocket.core.spi.Policies.GlobalHandlers;
import io.minisocket.core.spi.Policies.GlobalSocketChoice;
import io.minisocket.core.spi.Policies.SecondGlobalConnect;
import io.minisocket.core.testing.FakeTransport;
import io.minisocket.core.testing.Recorder;
import io.minisocket.core.transport.Frame;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The deprecated global socket API: onSocketX handlers, sendSocketMessage and closeSocket on the global socket. */
class GlobalSocketApiTest {
  private final FakeTransport transport = new FakeTransport();
  private final Recorder rec = new Recorder();

  private SocketRuntime runtime(PlatformProfile.Builder profile) {
    return SocketRuntime.builder(profile.build(), transport).build();
  }

  private void listenGlobally(GlobalSocketApi api) {
    api.onSocketOpen(e -> rec.consumer("global-open").accept(new SocketResult("open", null, e.protocol(), null, null)));
    api.onSocketMessage(e -> rec.consumer("global-message").accept(
        new SocketResult("m", null, e.text(), null, null)));
    api.onSocketClose(e -> rec.consumer("global-close").accept(
        new SocketResult("c", null, e.code() + "", null, null)));
  }

  @Test
  void handlersRegisteredBeforeConnectFollowTheGlobalSocketAndSendAndCloseActOnIt() {
    SocketRuntime runtime = runtime(TestProfiles.builder("uni"));
    GlobalSocketApi api = runtime.globalApi();
    listenGlobally(api);
    api.sendSocketMessage(SendOptions.builder().data("too early").callbacks(rec.callbacks("early")).build());
    rec.awaitLine("early:fail sendSocketMessage:fail WebSocket is not connected");

    runtime.connectGlobalSocket(ConnectOptions.of("wss://a.example"));
    runtime.connectSocket(ConnectOptions.of("wss://b.example")); // a task, not the global socket
    transport.connections().get(0).open();
    transport.connections().get(1).open();
    transport.connections().get(1).receive(Frame.text("not global"));
    transport.connections().get(0).receive(Frame.text("global"));
    rec.awaitLine("global-message global");
    assertThat(rec.lines()).containsExactly("early:fail sendSocketMessage:fail WebSocket is not connected",
        "early:complete", "global-open chat", "global-message global");

    api.sendSocketMessage(SendOptions.builder().data("hi").callbacks(rec.callbacks("send")).build());
    rec.awaitLine("send:success sendSocketMessage:ok");
    assertThat(transport.connections().get(0).sent()).containsExactly(Frame.text("hi"));
    api.closeSocket(CloseOptions.builder().code(3000).callbacks(rec.callbacks("close")).build());
    rec.awaitLine("close:success closeSocket:ok");
    assertThat(transport.connections().get(0).closeCode()).isEqualTo(3000);
    transport.connections().get(0).serverClose(3000, "");
    rec.awaitLine("global-close 3000");
    api.closeSocket(CloseOptions.builder().callbacks(rec.callbacks("again")).build());
    rec.awaitLine("again:fail closeSocket:fail WebSocket is not connected");
  }

  @Test
  void closeSocketBeforeOpenDoesNotLeakTheConnection() {
    SocketRuntime runtime = runtime(TestProfiles.builder("wx"));
    runtime.connectGlobalSocket(ConnectOptions.of("wss://a.example"));
    runtime.globalApi().closeSocket(CloseOptions.defaults());
    assertThat(transport.last().abortCalls()).isEqualTo(1);
    assertThat(runtime.globalSocket()).isEmpty();
  }

  @Test
  void replacingHandlersKeepOnlyTheLastAndAddingHandlersKeepAllUntilOff() {
    SocketRuntime wx = runtime(TestProfiles.builder("wx"));
    wx.globalApi().onSocketMessage(e -> rec.consumer("first").accept(wx.profile().resultStyle().success("m")));
    wx.globalApi().onSocketMessage(e -> rec.consumer("second").accept(wx.profile().resultStyle().success("m")));
    wx.connectGlobalSocket(ConnectOptions.of("wss://a.example"));
    transport.last().open();
    transport.last().receive(Frame.text("x"));
    rec.awaitLine("second m:ok");
    assertThat(rec.lines()).containsExactly("second m:ok");

    Recorder my = new Recorder();
    SocketRuntime alipay = runtime(TestProfiles.builder("my").globalHandlers(GlobalHandlers.ADD));
    Consumer<MessageEvent> a = e -> my.consumer("a").accept(alipay.profile().resultStyle().success("m"));
    Consumer<MessageEvent> b = e -> my.consumer("b").accept(alipay.profile().resultStyle().success("m"));
    alipay.globalApi().onSocketMessage(a);
    alipay.globalApi().onSocketMessage(b);
    alipay.connectGlobalSocket(ConnectOptions.of("wss://a.example"));
    transport.last().open();
    transport.last().receive(Frame.text("1"));
    my.awaitLine("b m:ok");
    alipay.globalApi().offSocketMessage(a);
    transport.last().receive(Frame.text("2"));
    my.awaitCount(3);
    assertThat(my.lines()).containsExactly("a m:ok", "b m:ok", "b m:ok");
  }

  @Test
  void withFirstLiveTaskTheOldestOpenTaskIsGlobalAndTheNextTakesOver() {
    SocketRuntime wx = runtime(TestProfiles.builder("wx").globalSocketChoice(GlobalSocketChoice.FIRST_LIVE_TASK));
    listenGlobally(wx.globalApi());
    SocketTask first = wx.connectSocket(ConnectOptions.of("wss://a.example"));
    SocketTask second = wx.connectSocket(ConnectOptions.of("wss://b.example"));
    assertThat(wx.globalSocket()).containsSame(first);
    transport.connections().get(0).open();
    transport.connections().get(1).open();
    rec.awaitLine("global-open chat");
    transport.connections().get(0).serverClose(1000, "");
    rec.awaitLine("global-close 1000");
    assertThat(wx.globalSocket()).containsSame(second);
    transport.connections().get(1).receive(Frame.text("now global"));
    rec.awaitLine("global-message now global");
    assertThat(rec.count("global-open")).isEqualTo(1);
  }

  @Test
  void aReplacedGlobalSocketStillReportsItsCloseAndTheNewOneTakesOverTheHandlers() {
    SocketRuntime legacy = runtime(TestProfiles.builder("wx-legacy").connectionLimit(1)
        .secondGlobalConnect(SecondGlobalConnect.REPLACE));
    listenGlobally(legacy.globalApi());
    legacy.connectGlobalSocket(ConnectOptions.of("wss://a.example"));
    transport.last().open();
    rec.awaitLine("global-open chat");
    SocketTask second = legacy.connectGlobalSocket(ConnectOptions.of("wss://b.example"));
    assertThat(legacy.globalSocket()).containsSame(second);
    transport.connections().get(0).serverClose(1000, "");
    rec.awaitLine("global-close 1000");
    transport.connections().get(1).open();
    transport.connections().get(1).receive(Frame.text("from the new one"));
    rec.awaitLine("global-message from the new one");
    assertThat(rec.lines()).containsExactly("global-open chat", "global-close 1000", "global-open chat",
        "global-message from the new one");
  }

  @Test
  void aPlatformWithoutTheGlobalApiFailsItClearly() {
    SocketRuntime douyin = runtime(TestProfiles.builder("mp-toutiao").globalApi(false));
    assertThatThrownBy(() -> douyin.globalApi().onSocketOpen(e -> { }))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("onSocketOpen is not supported on mp-toutiao");
    assertThatThrownBy(() -> douyin.globalApi().offSocketClose(null))
        .hasMessage("onSocketClose is not supported on mp-toutiao");
    douyin.globalApi().sendSocketMessage(SendOptions.builder().data("x").callbacks(rec.callbacks("send")).build());
    rec.awaitLine("send:complete");
    assertThat(rec.lines()).contains("send:fail sendSocketMessage:fail sendSocketMessage is not supported on "
        + "mp-toutiao");
    assertThat(rec.results().get(0).errorKind()).isEqualTo(ErrorKind.UNSUPPORTED);
  }
}
