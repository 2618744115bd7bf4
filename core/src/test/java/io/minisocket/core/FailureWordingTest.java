package io.minisocket.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.minisocket.core.spi.PlatformProfile;
import io.minisocket.core.spi.Policies.QueueUntilOpen;
import io.minisocket.core.spi.ResultStyle;
import io.minisocket.core.testing.FakeTransport;
import io.minisocket.core.testing.Recorder;
import io.minisocket.core.transport.TransportFailure;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How a failure's kind and detail become the platform's text: the detail joins the profile's wording of the kind
 * once, in the way that fits what the detail is, whether the profile has its own words or core's defaults.
 */
class FailureWordingTest {
  private static final String BAD_METHOD = "method must be one of OPTIONS, GET, HEAD, POST, PUT, DELETE, TRACE, "
      + "CONNECT, got 'FETCH'";

  private final FakeTransport transport = new FakeTransport();
  private final Recorder rec = new Recorder();

  private static PlatformProfile.Builder ownWords() {
    return PlatformProfile.builder("own").message(ErrorKind.INVALID_OPTION, "参数错误")
        .message(ErrorKind.REFUSED, "连接被拒绝").message(ErrorKind.NOT_OPEN, "网络连接没有打开");
  }

  private SocketRuntime runtime(PlatformProfile.Builder profile) {
    return SocketRuntime.builder(profile.build(), transport).build();
  }

  private SocketResult badMethod(PlatformProfile.Builder profile) {
    runtime(profile).connectSocket(ConnectOptions.builder().url("wss://a.example").method("FETCH")
        .callbacks(rec.callbacks("connect")).build());
    rec.awaitLine("connect:complete");
    return rec.results().get(0);
  }

  @Test
  void badInputIsSaidByItsDetailAloneOrAfterThePlatformsOwnWording() {
    assertThat(badMethod(PlatformProfile.builder("core")).errMsg()).isEqualTo("connectSocket:fail " + BAD_METHOD);
    Recorder own = new Recorder();
    runtime(ownWords()).connectSocket(ConnectOptions.builder().url("wss://a.example").method("FETCH")
        .callbacks(own.callbacks("connect")).build());
    own.awaitLine("connect:complete");
    assertThat(own.results().get(0).errMsg()).isEqualTo("connectSocket:fail 参数错误 (" + BAD_METHOD + ")");
  }

  @Test
  void aTransportFailureIsTheWordingWithItsReasonInParentheses() {
    Recorder core = new Recorder();
    core.listen(runtime(PlatformProfile.builder("core")).connectSocket(ConnectOptions.of("wss://a.example")));
    Recorder own = new Recorder();
    own.listen(runtime(ownWords()).connectSocket(ConnectOptions.of("wss://a.example")));
    transport.connections().forEach(c -> c.fail(TransportFailure.of(TransportFailure.Kind.REFUSED, "ECONNREFUSED",
        null)));
    core.awaitLine("close 1006 abnormal closure");
    own.awaitLine("close 1006 abnormal closure");
    assertThat(core.lines()).containsExactly("error connection refused (ECONNREFUSED)", "close 1006 abnormal closure");
    assertThat(own.lines()).containsExactly("error 连接被拒绝 (ECONNREFUSED)", "close 1006 abnormal closure");
  }

  @Test
  void aQueuedSendEndedByACloseContinuesTheWordingAfterAColon() {
    SocketTask task = runtime(ownWords().queueUntilOpen(QueueUntilOpen.QUEUE))
        .connectSocket(ConnectOptions.of("wss://a.example"));
    task.send(SendOptions.builder().data("queued").callbacks(rec.callbacks("send")).build());
    task.close(CloseOptions.defaults());
    rec.awaitLine("send:complete");
    assertThat(rec.lines()).containsExactly(
        "send:fail sendSocketMessage:fail 网络连接没有打开: closed before the message was sent", "send:complete");
  }

  @Test
  void aSendWhileNotOpenUsesThePlatformsWordsForItInsteadOfTheKindsWording() {
    SocketTask core = runtime(PlatformProfile.builder("core")).connectSocket(ConnectOptions.of("wss://a.example"));
    SocketTask uni = runtime(ownWords().sendWhenNotOpenWording("Error: SocketTask.readyState is not OPEN"))
        .connectSocket(ConnectOptions.of("wss://a.example"));
    core.send(SendOptions.builder().data("x").callbacks(rec.callbacks("core")).build());
    rec.awaitLine("core:complete");
    uni.send(SendOptions.builder().data("x").callbacks(rec.callbacks("uni")).build());
    rec.awaitLine("uni:complete");
    assertThat(rec.lines()).containsExactly("core:fail sendSocketMessage:fail WebSocket is not connected",
        "core:complete", "uni:fail sendSocketMessage:fail Error: SocketTask.readyState is not OPEN (readyState 0)",
        "uni:complete");
  }

  @Test
  void numericCodesCarryTheSameReasonAsErrorMessageWithoutAnyApiName() {
    SocketResult result = badMethod(ownWords().resultStyle(ResultStyle.errorCodes(Map.of(), 1)));
    assertThat(result.toMap()).containsExactly(Map.entry("error", 1),
        Map.entry("errorMessage", "参数错误 (" + BAD_METHOD + ")"));
    assertThat(result.errorKind()).isEqualTo(ErrorKind.INVALID_OPTION);
  }
}
