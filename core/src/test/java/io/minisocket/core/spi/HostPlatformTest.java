package io.minisocket.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.minisocket.core.Callbacks;
import io.minisocket.core.ConnectOption;
import io.minisocket.core.ConnectOptions;
import io.minisocket.core.ErrorKind;
import io.minisocket.core.SocketResult;
import io.minisocket.core.SocketRuntime;
import io.minisocket.core.SocketTask;
import io.minisocket.core.spi.Policies.GlobalHandlers;
import io.minisocket.core.spi.Policies.GlobalSocketChoice;
import io.minisocket.core.testing.FakeTransport;
import io.minisocket.core.testing.Recorder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HostPlatformTest {
  private final FakeTransport transport = new FakeTransport();

  @Test
  void aBuilderHoldsNoPlatformsFacts() {
    PlatformProfile neutral = PlatformProfile.builder("plain").build();
    assertThat(neutral.connectionLimit()).as("no limit").isZero();
    assertThat(neutral.wssRequired()).as("ws:// allowed, as the WebSocket standard").isFalse();
    assertThat(neutral.globalApi()).isFalse();
    for (ConnectOption option : ConnectOption.values()) {
      assertThat(neutral.accepts(option)).as(option.name()).isTrue();
    }
    assertThat(neutral.words(ErrorKind.LIMIT_EXCEEDED)).isFalse();
  }

  @Test
  void aGlobalApiWithoutItsHandlerPolicyIsRefusedSayingWhatIsMissing() {
    assertThatThrownBy(() -> PlatformProfile.builder("mine").globalApi(true).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'mine'").hasMessageContaining("globalHandlers");
    assertThatThrownBy(() -> HostPlatform.BROWSER.profile().toBuilder().globalApi(true).build())
        .as("a host without the global API lends no handler policy").isInstanceOf(IllegalStateException.class);
  }

  @Test
  void eachHostStatesItsOwnFacts() {
    assertThat(HostPlatform.WECHAT.profile().globalSocketChoice()).isEqualTo(GlobalSocketChoice.FIRST_LIVE_TASK);
    assertThat(HostPlatform.ALIPAY.profile().globalHandlers()).isEqualTo(GlobalHandlers.ADD);
    assertThat(HostPlatform.ALIPAY.defaultConfig().connectTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(HostPlatform.WECHAT.defaultConfig().connectTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(HostPlatform.DOUYIN.profile().globalApi()).isFalse();
    assertThat(HostPlatform.BROWSER.profile().wssRequired()).isFalse();
    assertThat(HostPlatform.BROWSER.profile().accepts(ConnectOption.HEADER)).isFalse();
    assertThat(HostPlatform.QQ.profile().accepts(ConnectOption.PROTOCOLS)).isFalse();
    assertThat(HostPlatform.UNI_APP.profile().queueOverflow()).isEqualTo(Policies.QueueOverflow.CLOSE_CONNECTION);
  }

  @Test
  void aLimitInTheWordingFollowsTheLimitOfTheDerivedProfile() {
    PlatformProfile three = HostPlatform.ALIPAY.profile().toBuilder().connectionLimit(3).build();
    assertThat(HostPlatform.ALIPAY.profile().message(ErrorKind.LIMIT_EXCEEDED)).isEqualTo("最多支持 5 个 WebSocket 实例");
    assertThat(three.message(ErrorKind.LIMIT_EXCEEDED)).isEqualTo("最多支持 3 个 WebSocket 实例");
    assertThat(three.toBuilder().connectionLimit(7).build().message(ErrorKind.LIMIT_EXCEEDED))
        .isEqualTo("最多支持 7 个 WebSocket 实例");
  }

  @Test
  void anOverlayReplacesTheHostsWordingAndName() {
    PlatformProfile overlay = HostPlatform.ALIPAY.profile().toBuilder().name("framework (alipay)")
        .resultStyle(ResultStyle.errMsg()).messages(java.util.Map.of(ErrorKind.URL_EMPTY, "no url")).build();
    assertThat(overlay.name()).isEqualTo("framework (alipay)");
    assertThat(overlay.message(ErrorKind.URL_EMPTY)).isEqualTo("no url");
    assertThat(overlay.words(ErrorKind.NOT_OPEN)).as("Alipay's texts are gone").isFalse();
    assertThat(overlay.globalHandlers()).as("the host's other facts stay").isEqualTo(GlobalHandlers.ADD);
  }

  @Test
  void aFacadeAnswersCallsItselfThroughItsHelpers() {
    try (Probe probe = new Probe(HostPlatform.ALIPAY.profile())) {
      Recorder rec = new Recorder();
      SocketResult failure = probe.failure("getSocketInfo", ErrorKind.UNSUPPORTED, null);
      assertThat(failure.error()).hasValue(1);
      probe.answer(rec.callbacks("info"), failure);
      assertThat(probe.success("getSocketInfo").errMsg()).isEqualTo("getSocketInfo:ok");
      await().until(() -> rec.lines().size() == 2);
      assertThat(rec.lines()).hasSize(2);
      assertThat(rec.results().get(0)).isSameAs(failure);
    }
  }

  @Test
  void aPromiseSettlesAfterCompleteWithTheTask() throws Exception {
    try (Probe probe = new Probe(HostPlatform.BROWSER.profile())) {
      List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
      CompletableFuture<SocketTask> promise = probe.promise(ConnectOptions.builder().url("ws://a.example")
          .success(r -> order.add("success")).complete(r -> order.add("complete")).build());
      SocketTask task = promise.get(10, TimeUnit.SECONDS);
      order.add("settled");
      assertThat(order).containsExactly("success", "complete", "settled");
      assertThat(probe.runtime().tasks()).containsExactly(task);
      CompletableFuture<SocketTask> refused = probe.promise(ConnectOptions.builder().url("").build());
      assertThat(refused).failsWithin(Duration.ofSeconds(10));
    }
  }

  /** The smallest facade: it opens sockets as a Promise and answers calls itself. */
  private final class Probe extends PlatformFacade {
    Probe(PlatformProfile profile) {
      super(SocketRuntime.builder(profile, transport).build(), null);
    }

    CompletableFuture<SocketTask> promise(ConnectOptions options) {
      return connectForPromise(options, false, (result, task, promise) -> {
        if (result.ok()) {
          promise.complete(task);
        } else {
          promise.completeExceptionally(new IllegalStateException(result.describe()));
        }
      });
    }

    void answer(Callbacks callbacks, SocketResult result) {
      deliver(callbacks, result);
    }
  }
}
