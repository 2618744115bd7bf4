package io.minisocket.adapter.wx;

import static org.assertj.core.api.Assertions.assertThat;
import static io.minisocket.adapter.wx.Recorder.waiting;

import io.minisocket.core.ConnectOptions;
import io.minisocket.core.SocketTask;
import io.minisocket.testkit.Handshake;
import io.minisocket.testkit.RecordedClose;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The limit of simultaneous sockets, and the single replaced socket before base library 1.7.0. */
class LimitsTest extends EndToEndBase {

  private ConnectOptions connect(String label) {
    return ConnectOptions.builder().url(server.url()).callbacks(rec.callbacks(label)).build();
  }

  @Test
  void sixConcurrentConnectsWithLimitFive() throws Exception {
    Wx wx = wx();
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<SocketTask>> connects = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String label = "c" + i;
      connects.add(CompletableFuture.supplyAsync(() -> {
        awaitLatch(start);
        SocketTask task = wx.connectSocket(connect(label));
        task.onOpen(res -> rec.add("open"));
        return task;
      }));
    }
    start.countDown();
    for (CompletableFuture<SocketTask> connect : connects) {
      connect.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    rec.awaitCount("c", 12);
    assertThat(rec.lines().stream().filter(l -> l.contains(":success ") || l.contains(":fail ")).map(l -> l.substring(3)))
        .containsOnly("success connectSocket:ok", "fail connectSocket:fail exceed max concurrent count")
        .filteredOn(l -> l.startsWith("fail")).hasSize(1);
    rec.awaitCount("open", 5);
    assertThat(wx.runtime().tasks()).hasSize(5).allMatch(t -> t.readyState() == SocketTask.OPEN);
    assertThat(server.connectionCount()).isEqualTo(5);

    // a slot is free again as soon as a socket starts closing
    wx.runtime().tasks().get(0).close();
    wx.connectSocket(connect("again")).onOpen(res -> rec.add("open"));
    rec.awaitLine("again:success connectSocket:ok");
    rec.awaitCount("open", 6);
    assertThat(server.connectionCount()).isEqualTo(6);
  }

  private static void awaitLatch(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theLimitIsASettingAndCountsSocketsStillConnecting() {
    server.enqueue(Handshake.stallHandshake());
    server.enqueue(Handshake.stallHandshake());
    Wx wx = wx(settings().connectionLimit(2).build());
    SocketTask first = wx.connectSocket(connect("first"));
    wx.connectSocket(connect("second"));
    SocketTask third = wx.connectSocket(connect("third"));

    rec.awaitLine("third:fail connectSocket:fail exceed max concurrent count");
    rec.awaitLine("third:complete");
    assertThat(third.readyState()).isEqualTo(SocketTask.CLOSED);
    assertThat(first.readyState()).isEqualTo(SocketTask.CONNECTING);
    assertThat(rec.lines()).contains("first:success connectSocket:ok", "second:success connectSocket:ok");
  }

  /**
   * Before base library 1.7.0: "if a WebSocket connection exists, it is closed automatically and a new one is
   * created". The existing socket gets a normal close; the global API then drives the new one.
   */
  @Test
  void beforeBaseLibrary170ANewConnectClosesTheExistingSocketAndOpensTheNewOne() {
    Wx wx = wx(settings().baseLibraryVersion("1.6.0").build());
    wx.onSocketOpen(res -> rec.add("open"));
    wx.onSocketClose(res -> rec.add("close " + res.code() + " " + res.reason()));
    SocketTask first = wx.connectSocket(connect("first"));
    rec.awaitCount("open", 1);

    SocketTask second = wx.connectSocket(connect("second"));
    rec.awaitLine("second:success connectSocket:ok");
    RecordedClose close = server.awaitClose(WAIT);
    assertThat(close.connectionId()).isEqualTo(1);
    assertThat(close.code()).isEqualTo(1000);
    rec.awaitLine("close 1000 normal closure");
    rec.awaitCount("open", 2);
    waiting().until(() -> first.readyState() == SocketTask.CLOSED);
    assertThat(second.readyState()).isEqualTo(SocketTask.OPEN);
    assertThat(wx.runtime().tasks()).containsExactly(second);
    assertThat(wx.runtime().globalSocket()).contains(second);

    wx.sendSocketMessage(Map.of("data", "to the new socket", "success", rec.consumer("send")));
    rec.awaitLine("send sendSocketMessage:ok");
    assertThat(server.takeMessage(WAIT).connectionId()).isEqualTo(2);
  }

  @Test
  void beforeBaseLibrary170ASocketStillConnectingIsReplacedWithoutLeakingIt() {
    server.enqueue(Handshake.stallHandshake());
    Wx wx = wx(settings().baseLibraryVersion("1.6.0").build());
    SocketTask first = wx.connectSocket(connect("first"));
    server.takeRequest(WAIT);
    SocketTask second = wx.connectSocket(connect("second"));
    second.onOpen(res -> rec.add("open"));

    rec.awaitLine("open");
    assertThat(first.readyState()).isEqualTo(SocketTask.CLOSED);
    waiting().until(() -> !server.connections().get(0).isConnected());
    assertThat(rec.lines()).doesNotContain("second:fail connectSocket:fail exceed max concurrent count");
  }

  @Test
  void beforeBaseLibrary170ManyConnectsInARowNeverHitTheLimitAndLeaveOneSocket() {
    Wx wx = wx(settings().baseLibraryVersion("1.6.0").build());
    SocketTask last = null;
    for (int i = 0; i < 6; i++) {
      last = wx.connectSocket(connect("c" + i));
    }
    SocketTask survivor = last;
    waiting().until(() -> survivor.readyState() == SocketTask.OPEN);
    rec.awaitCount("c", 12);
    assertThat(rec.lines()).noneMatch(l -> l.contains(":fail"));
    waiting().until(() -> server.openConnections().size() <= 1);
    assertThat(wx.runtime().tasks()).containsExactly(survivor);
  }

  @Test
  void beforeBaseLibrary170AnInvalidConnectLeavesTheExistingSocketOpen() {
    Wx wx = wx(settings().baseLibraryVersion("1.6.0").build());
    SocketTask first = wx.connectSocket(connect("first"));
    first.onOpen(res -> rec.add("open"));
    rec.awaitLine("open");

    SocketTask invalid = wx.connectSocket(Map.of("url", "wss://example.qq.com/", "fail", rec.consumer("second")));
    rec.awaitLine("second connectSocket:fail url not in domain list");
    assertThat(invalid).isNotSameAs(first);
    assertThat(first.readyState()).isEqualTo(SocketTask.OPEN);
    assertThat(wx.runtime().globalSocket()).contains(first);
    assertThat(server.closes()).isEmpty();
  }
}
