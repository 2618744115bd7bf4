package io.minisocket.adapter.uni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minisocket.core.ConnectOptions;
import io.minisocket.core.SocketResult;
import io.minisocket.core.SocketTask;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The README section's example, run against the test server. */
class ReadmeExampleTest extends UniE2eTest {

  @Test
  void readmeExample() {
    List<String> printed = new CopyOnWriteArrayList<>();
    try (Uni uni = Uni.create(transport, UniSettings.of(UniPlatform.MP_WEIXIN))) {
      SocketTask task = uni.connectSocket(ConnectOptions.builder()
          .url(url("/socket"))
          .protocols("chat")
          .complete(res -> printed.add(res.errMsg()))
          .build()).task();
      task.onOpen(res -> task.send("hello"));
      task.onMessage(res -> printed.add("got " + res.data()));

      uni.onSocketOpen(res -> uni.sendSocketMessage(Map.of("data", "hello, global")));
      uni.onSocketMessage(res -> printed.add("global got " + res.data()));
      SocketResult ok = uni.connectSocket(Map.of("url", url("/socket"))).promise().join();

      assertThat(ok.errMsg()).isEqualTo("connectSocket:ok");
      await().atMost(WAIT).until(() -> printed.size() == 3);
      assertThat(printed).containsExactlyInAnyOrder("connectSocket:ok", "got hello", "global got hello, global");
    }
  }
}
