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
    for (String platform : new String[] {"wx", "my", "uni", "taro"}) {
      assertThat(out).containsPattern("\\s" + platform + "\\s+returns .*connectSocket:ok")
          .containsPattern("(?m)\\s" + platform + "\\s+text \"hello from " + platform + "\"")
          .containsPattern("(?m)\\s" + platform + "\\s+ArrayBuffer 4 bytes 000102ff")
          .containsPattern("(?m)\\s" + platform + "\\s+\\{\"code\":1000,\"reason\":\"bye\"}");
    }
    // the same refusals, each in its platform's shape
    assertThat(out)
        .containsPattern("(?m)ws:// url\\s+wx\\s+\\{\"errMsg\":\"connectSocket:fail url must use wss://\"}")
        .contains("{\"error\":20,\"errorMessage\":\"请求 URL 不支持 ws，请使用 wss\"}")
        .contains("{\"errMsg\":\"connectSocket:fail url not in domain list\"}")
        .contains("{\"errMsg\":\"connectSocket:fail header 'Referer' cannot be set\"}")
        .contains("{\"error\":10,\"errorMessage\":\"网络连接没有打开，无法发送消息\"}")
        .contains("{\"errMsg\":\"sendSocketMessage:fail WebSocket is not connected\"}")
        .contains("limit 5: {\"errMsg\":\"connectSocket:fail exceed max concurrent count\"}")
        .contains("limit 5: {\"error\":1,\"errorMessage\":\"最多支持 5 个 WebSocket 实例\"}")
        .contains("limit 2: {\"errMsg\":\"connectSocket:fail 同时最多发起 2 个 socket 请求，更多请参考文档。\"}")
        .contains("isBuffer: true, \"AAEC/w==\"")
        .contains("returns Promise<SocketTask>");
    assertThat(cli.err()).isEmpty();
  }

  @Test
  void noArgumentsRunTheDemo() {
    Cli cli = Cli.run("");

    assertThat(cli.status()).as(cli.toString()).isZero();
    assertThat(cli.out()).contains("== one session per platform", "demo finished: all 4 platforms behaved as shown");
  }
}
