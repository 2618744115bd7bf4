package io.minisocket.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoCommandTest {

  @Test
  void runsEveryPlatformAgainstTheEmbeddedServerAndShowsEachPlatformsShapes() {
    Cli cli = Cli.run("", "demo");

    assertThat(cli.status()).as(cli.toString()).isZero();
    String out = cli.out();
    assertThat(out).contains("wss://localhost:", "demo finished: all 4 platforms behaved as shown")
        .doesNotContain("FAILED");
    // the session: what differs is shown per platform, what is the same once for all of them
    assertThat(out)
        .containsPattern("connectSocket +wx +returns SocketTask +success \\{\"errMsg\":\"connectSocket:ok\"}")
        .containsPattern("\\s+my +returns SocketTask \\(multiple: true\\) +success")
        .containsPattern("\\s+uni +returns SocketTask \\(callbacks given\\) +success")
        .containsPattern("\\s+taro +returns Promise<SocketTask> +success")
        .containsPattern("send text +wx my uni taro +\"hello\" +success \\{\"errMsg\":\"sendSocketMessage:ok\"}")
        .containsPattern("\\s+my +isBuffer: true, \"AAEC/w==\" +success")
        .containsPattern("onMessage +wx my uni taro +text \"hello\"")
        .containsPattern("onMessage \\(binary\\) +wx my uni taro +ArrayBuffer 4 bytes 000102ff")
        .containsPattern("onClose +wx my uni taro +\\{\"code\":1000,\"reason\":\"bye\"}");
    // the refusals, each in its platform's shape
    assertThat(out)
        .containsPattern("ws:// url +wx uni taro +\\{\"errMsg\":\"connectSocket:fail url must use wss://\"}")
        .containsPattern("\\s+my +\\{\"error\":20,\"errorMessage\":\"请求 URL 不支持 ws，请使用 wss\"}")
        .contains("{\"errMsg\":\"connectSocket:fail url not in domain list\"}")
        .contains("{\"errMsg\":\"connectSocket:fail header 'Referer' cannot be set\"}")
        .contains("{\"error\":10,\"errorMessage\":\"网络连接没有打开，无法发送消息\"}")
        .contains("{\"errMsg\":\"sendSocketMessage:fail WebSocket is not connected\"}")
        .containsPattern("wx uni +limit 5: \\{\"errMsg\":\"connectSocket:fail exceed max concurrent count\"}")
        .contains("limit 5: {\"error\":1,\"errorMessage\":\"最多支持 5 个 WebSocket 实例\"}")
        .contains("limit 2: {\"errMsg\":\"connectSocket:fail 同时最多发起 2 个 socket 请求，更多请参考文档。\"}");
    assertThat(cli.err()).isEmpty();
  }

  @Test
  void noArgumentsRunTheDemo() {
    Cli cli = Cli.run("");

    assertThat(cli.status()).as(cli.toString()).isZero();
    assertThat(cli.out()).contains("== one session per platform", "demo finished: all 4 platforms behaved as shown");
  }
}
