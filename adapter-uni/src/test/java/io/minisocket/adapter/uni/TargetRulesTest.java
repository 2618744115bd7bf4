package io.minisocket.adapter.uni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minisocket.core.ConnectOptions;
import io.minisocket.core.ErrorKind;
import io.minisocket.core.OpenEvent;
import io.minisocket.core.SocketResult;
import io.minisocket.core.SocketTask;
import io.minisocket.core.spi.Policies.UnsupportedOption;
import io.minisocket.testkit.MockWebSocketServer;
import io.minisocket.testkit.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The per-target rules of the uni-app documentation's option table and notes: which options take effect, the wss
 * rule and the limit of simultaneous sockets.
 */
class TargetRulesTest extends UniE2eTest {

  /**
   * The documentation's table, one row per target.
   *
   * @param target    the target
   * @param header    header takes effect ("小程序、App 2.9.6+")
   * @param method    method takes effect ("仅微信小程序支持")
   * @param protocols protocols take effect ("App、H5、微信小程序、百度小程序、抖音小程序、飞书小程序")
   * @param multiple  multiple takes effect ("仅支付宝小程序支持")
   * @param wss       wss:// required ("小程序中必须是 wss:// 协议")
   * @param limit     simultaneous sockets, 0 where none is documented
   */
  record Rules(UniPlatform target, boolean header, boolean method, boolean protocols, boolean multiple, boolean wss,
      int limit) {
    @Override
    public String toString() {
      return target.id();
    }
  }

  static Stream<Rules> rules() {
    return Stream.of(
        new Rules(UniPlatform.APP, true, false, true, false, false, 0),
        new Rules(UniPlatform.H5, false, false, true, false, false, 0),
        new Rules(UniPlatform.MP_WEIXIN, true, true, true, false, true, 5),
        new Rules(UniPlatform.MP_ALIPAY, true, false, false, true, true, 5),
        new Rules(UniPlatform.MP_BAIDU, true, false, true, false, true, 5),
        new Rules(UniPlatform.MP_QQ, true, false, false, false, true, 5),
        new Rules(UniPlatform.MP_TOUTIAO, true, false, true, false, true, 0),
        new Rules(UniPlatform.MP_LARK, true, false, true, false, true, 0));
  }

  @Test
  void everyTargetHasARow() {
    assertThat(rules().map(Rules::target)).containsExactlyInAnyOrder(UniPlatform.values());
  }

  /** A task-mode connect (so no target treats it as the global socket) on Alipay's multi-instance path. */
  private static ConnectOptions.Builder task(Rules rules, String url) {
    ConnectOptions.Builder b = ConnectOptions.builder().url(url).complete(r -> { });
    return rules.multiple() ? b.multiple(true) : b;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void headerAndProtocolsReachTheServerWhereTheTargetSupportsThem(Rules rules) {
    Uni uni = uni(rules.target());
    CompletableFuture<OpenEvent> opened = new CompletableFuture<>();

    SocketTask task = uni.connectSocket(task(rules, url("/"))
        .header("X-Token", "abc").protocols("chat").build()).task();
    task.onOpen(opened::complete);

    RecordedRequest request = server.takeRequest(WAIT);
    assertThat(request.header("X-Token")).isEqualTo(rules.header() ? "abc" : null);
    assertThat(request.subProtocols()).isEqualTo(rules.protocols() ? List.of("chat") : List.of());
    assertThat(get(opened).protocol()).isEqualTo(rules.protocols() ? "chat" : "");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void methodIsCheckedOnlyWhereTheTargetSupportsIt(Rules rules) {
    Uni uni = uni(rules.target());
    CompletableFuture<SocketResult> result = new CompletableFuture<>();

    uni.connectSocket(task(rules, url("/")).method("FETCH").complete(result::complete).build());

    if (rules.method()) {
      assertThat(get(result).errMsg()).isEqualTo("connectSocket:fail method must be one of OPTIONS, GET, HEAD, "
          + "POST, PUT, DELETE, TRACE, CONNECT, got 'FETCH'");
    } else {
      assertThat(get(result).errMsg()).isEqualTo("connectSocket:ok");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void wssIsRequiredOnMiniPrograms(Rules rules) {
    Uni uni = uni(rules.target());
    CompletableFuture<SocketResult> result = new CompletableFuture<>();
    try (MockWebSocketServer plain = MockWebSocketServer.builder().start()) {

      uni.connectSocket(task(rules, plain.url("/")).complete(result::complete).build());

      if (rules.wss()) {
        assertThat(get(result).errMsg()).isEqualTo("connectSocket:fail url must use wss://");
        assertThat(plain.connectionCount()).isZero();
      } else {
        assertThat(get(result).errMsg()).isEqualTo("connectSocket:ok");
        assertThat(plain.takeRequest(WAIT).path()).isEqualTo("/");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void unsupportedOptionsFailWhenSetToReject(Rules rules) {
    Uni uni = uni(UniSettings.builder().target(rules.target()).unsupportedOption(UnsupportedOption.REJECT).build());
    List<UnaryOperator<ConnectOptions.Builder>> options = List.of(
        b -> b.header("X-Token", "abc"), b -> b.method("GET"), b -> b.protocols("chat"), b -> b.multiple(true));
    List<Boolean> supported = List.of(rules.header(), rules.method(), rules.protocols(), rules.multiple());
    List<String> names = List.of("header", "method", "protocols", "multiple");

    for (int i = 0; i < options.size(); i++) {
      CompletableFuture<SocketResult> result = new CompletableFuture<>();
      uni.connectSocket(options.get(i).apply(task(rules, url("/")))
          .complete(result::complete).build());
      SocketResult res = get(result);
      if (supported.get(i)) {
        assertThat(res.errMsg()).as(names.get(i)).isEqualTo("connectSocket:ok");
      } else {
        assertThat(res.errMsg()).as(names.get(i)).isEqualTo("connectSocket:fail option '" + names.get(i)
            + "' is not supported on uni-app (" + rules.target().id() + ")");
        assertThat(res.kind()).contains(ErrorKind.UNSUPPORTED);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void limitOfSimultaneousSockets(Rules rules) {
    Uni uni = uni(rules.target());
    int allowed = rules.limit() == 0 ? 8 : rules.limit();
    List<SocketTask> tasks = new ArrayList<>();
    for (int i = 0; i < allowed; i++) {
      tasks.add(uni.connectSocket(task(rules, url("/" + i)).build()).task());
    }
    await().atMost(WAIT).until(() -> tasks.stream().allMatch(t -> t.readyState() == SocketTask.OPEN));
    CompletableFuture<SocketResult> next = new CompletableFuture<>();

    uni.connectSocket(task(rules, url("/next")).complete(next::complete).build());

    if (rules.limit() == 0) {
      assertThat(get(next).errMsg()).isEqualTo("connectSocket:ok");
    } else {
      assertThat(get(next).errMsg()).isEqualTo("connectSocket:fail exceed max concurrent count");
      assertThat(get(next).kind()).contains(ErrorKind.LIMIT_EXCEEDED);
      tasks.get(0).close();
      CompletableFuture<SocketResult> afterClose = new CompletableFuture<>();
      uni.connectSocket(task(rules, url("/after-close")).complete(afterClose::complete).build());
      assertThat(get(afterClose).errMsg()).isEqualTo("connectSocket:ok");
    }
  }

  @Test
  void theGlobalSocketCountsTowardsTheLimit() {
    Uni uni = uni(UniPlatform.MP_QQ);
    for (int i = 0; i < 5; i++) {
      uni.connectSocket(ConnectOptions.builder().url(url("/" + i)).complete(r -> { }).build());
    }

    Throwable rejection = awaitFailure(uni.connectSocket(ConnectOptions.of(url("/global"))).promise());

    assertThat(rejection).hasMessage("connectSocket:fail exceed max concurrent count");
  }

  @ParameterizedTest
  @EnumSource(value = UniPlatform.class, names = {"MP_WEIXIN", "APP"})
  void theLimitCanBeOverridden(UniPlatform target) {
    Uni uni = uni(UniSettings.builder().target(target).connectionLimit(2).build());
    uni.connectSocket(ConnectOptions.builder().url(url("/1")).complete(r -> { }).build());
    uni.connectSocket(ConnectOptions.builder().url(url("/2")).complete(r -> { }).build());
    CompletableFuture<SocketResult> third = new CompletableFuture<>();

    uni.connectSocket(ConnectOptions.builder().url(url("/3")).complete(third::complete).build());

    assertThat(get(third).errMsg()).isEqualTo("connectSocket:fail exceed max concurrent count");
  }
}
