package io.minisocket.adapter.taro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minisocket.core.ConnectOptions;
import io.minisocket.core.ErrorKind;
import io.minisocket.core.SocketResult;
import io.minisocket.core.SocketTask;
import io.minisocket.core.spi.Policies.ConnectResultTiming;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The deprecated global socket API follows Taro's support table: weapp, alipay and swan have it; h5 and rn do not. */
class TaroGlobalApiTest extends EndToEnd {

  @Test
  void theSupportTableHasATickForTheMiniProgramTargetsOnly() {
    assertThat(TaroTarget.values()).filteredOn(TaroTarget::globalApi)
        .containsExactly(TaroTarget.WEAPP, TaroTarget.ALIPAY, TaroTarget.SWAN);
    assertThat(TaroTarget.values()).extracting(TaroTarget::taroEnv)
        .containsExactly("weapp", "alipay", "swan", "h5", "rn");
  }

  @ParameterizedTest
  @EnumSource(value = TaroTarget.class, names = {"WEAPP", "ALIPAY", "SWAN"})
  void onTargetsWithATickTheGlobalApiDrivesTheOldestSocket(TaroTarget target) throws Exception {
    Log log = new Log();
    Taro taro = taro(TaroSettings.builder().target(target).build());
    taro.sendSocketMessage(Map.of("data", "too early", "fail", log.result("early:fail")));
    log.awaitLine("early:fail sendSocketMessage:fail WebSocket is not connected");

    taro.onSocketOpen(log.open("onSocketOpen"));
    taro.onSocketMessage(log.message("first onSocketMessage"));
    taro.onSocketMessage(log.message("second onSocketMessage"));
    taro.onSocketError(log.result("onSocketError"));
    taro.onSocketClose(log.close("onSocketClose"));
    SocketTask task = taro.connectSocket(ConnectOptions.of(tls.url())).get(10, TimeUnit.SECONDS);
    log.awaitLine("onSocketOpen");

    taro.sendSocketMessage(Map.of("data", "hi " + target, "success", log.result("send:success")));
    log.awaitLine("second onSocketMessage hi " + target);
    if (target == TaroTarget.ALIPAY) { // my.onSocketMessage adds a handler; wx and swan keep the last one
      log.awaitLine("first onSocketMessage hi " + target);
    } else {
      assertThat(log.lines()).doesNotContain("first onSocketMessage hi " + target);
    }
    assertThat(log.lines()).contains("send:success sendSocketMessage:ok");

    taro.closeSocket(Map.of("code", 1000, "success", log.result("close:success")));
    log.awaitLine("onSocketClose 1000 normal closure");
    assertThat(log.lines()).contains("close:success closeSocket:ok").noneMatch(l -> l.startsWith("onSocketError"));
    assertThat(task.readyState()).isEqualTo(SocketTask.CLOSED);
  }

  @ParameterizedTest
  @EnumSource(value = TaroTarget.class, names = {"H5", "RN"})
  void onTargetsWithoutATickTheGlobalApiFailsClearlyAndLeavesSocketsAlone(TaroTarget target) throws Exception {
    Log log = new Log();
    Taro taro = taro(TaroSettings.builder().target(target)
        .connectResultTiming(ConnectResultTiming.ON_OPEN).build());
    SocketTask task = taro.connectSocket(ConnectOptions.of(plain.url())).get(10, TimeUnit.SECONDS);
    String platform = "Taro (" + target.taroEnv() + ")";

    List<Runnable> handlers = List.of(() -> taro.onSocketOpen(log.open("open")),
        () -> taro.onSocketMessage(log.message("message")), () -> taro.onSocketError(log.result("error")),
        () -> taro.onSocketClose(log.close("close")));
    List<String> refusals = new ArrayList<>();
    for (Runnable handler : handlers) {
      assertThatThrownBy(handler::run).isInstanceOf(UnsupportedOperationException.class)
          .satisfies(e -> refusals.add(e.getMessage()));
    }
    assertThat(refusals).containsExactly("onSocketOpen is not supported on " + platform,
        "onSocketMessage is not supported on " + platform, "onSocketError is not supported on " + platform,
        "onSocketClose is not supported on " + platform);

    List<SocketResult> failures = new ArrayList<>();
    taro.sendSocketMessage(Map.of("data", "hi", "fail", log.result("send:fail"),
        "complete", (java.util.function.Consumer<SocketResult>) failures::add));
    taro.closeSocket(Map.of("fail", log.result("close:fail"), "complete", log.result("close:complete")));
    String closeFail = "closeSocket:fail closeSocket is not supported on " + platform;
    log.awaitLine("close:complete " + closeFail);
    assertThat(log.lines()).containsExactly(
        "send:fail sendSocketMessage:fail sendSocketMessage is not supported on " + platform,
        "close:fail " + closeFail, "close:complete " + closeFail);
    assertThat(failures).singleElement().satisfies(r -> assertThat(r.kind()).contains(ErrorKind.UNSUPPORTED));
    assertThat(task.readyState()).isEqualTo(SocketTask.OPEN);
    assertThat(plain.received()).doesNotContain("hi");
  }
}
