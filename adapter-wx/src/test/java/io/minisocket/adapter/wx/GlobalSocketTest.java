package io.minisocket.adapter.wx;

import static org.assertj.core.api.Assertions.assertThat;
import static io.minisocket.adapter.wx.Recorder.waiting;

import io.minisocket.core.SocketTask;
import io.minisocket.testkit.RecordedMessage;
import io.minisocket.testkit.Script;
import io.minisocket.testkit.ServerConnection;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The global socket API on base library 1.7.0 and later: it follows the oldest task that is not closed. */
class GlobalSocketTest extends EndToEndBase {

  @Test
  void theGlobalSocketIsTheFirstTaskNotClosedAndMovesOnWhenItCloses() {
    Wx wx = wx();
    wx.onSocketMessage(res -> rec.add("global message " + res.text()));
    wx.onSocketClose(res -> rec.add("global close " + res.code()));
    SocketTask first = wx.connectSocket(Map.of("url", server.url()));
    ServerConnection one = server.takeConnection(WAIT);
    SocketTask second = wx.connectSocket(Map.of("url", server.url()));
    ServerConnection two = server.takeConnection(WAIT);
    waiting().until(() -> first.readyState() == SocketTask.OPEN && second.readyState() == SocketTask.OPEN);
    assertThat(wx.runtime().globalSocket()).contains(first);

    wx.sendSocketMessage(Map.of("data", "to the global socket", "success", rec.consumer("send")));
    RecordedMessage received = server.takeMessage(WAIT);
    assertThat(received.connectionId()).isEqualTo(one.id());
    rec.awaitLine("global message to the global socket");
    two.send("from the second task");
    one.send("from the first task");
    rec.awaitLine("global message from the first task");
    assertThat(rec.lines()).doesNotContain("global message from the second task");

    wx.closeSocket(Map.of("code", 4000, "success", rec.consumer("close")));
    rec.awaitLine("close closeSocket:ok");
    rec.awaitLine("global close 4000");
    waiting().until(() -> wx.runtime().globalSocket().equals(Optional.of(second)));
    wx.sendSocketMessage(Map.of("data", "now to the second", "success", rec.consumer("send")));
    assertThat(server.takeMessage(WAIT).connectionId()).isEqualTo(two.id());
    two.send("second is global now");
    rec.awaitLine("global message second is global now");
  }

  @Test
  void eachOnSocketHandlerReplacesThePreviousOne() {
    server.enqueue(Script.echo().sendOnOpen("hello"));
    Wx wx = wx();
    wx.onSocketOpen(res -> rec.add("open 1"));
    wx.onSocketOpen(res -> rec.add("open 2"));
    wx.onSocketMessage(res -> rec.add("message 1"));
    wx.onSocketMessage(res -> rec.add("message 2"));
    wx.onSocketError(res -> rec.add("error 1"));
    wx.onSocketError(res -> rec.add("error 2"));
    wx.onSocketClose(res -> rec.add("close 1"));
    wx.onSocketClose(res -> rec.add("close 2"));
    wx.connectSocket(Map.of("url", server.url()));
    rec.awaitLine("message 2");
    server.takeConnection(WAIT).reset();

    rec.awaitLine("close 2");
    assertThat(rec.lines()).containsExactly("open 2", "message 2", "error 2", "close 2");
  }

  @Test
  void aTaskSeesItsOwnEventsWhetherOrNotItIsTheGlobalSocket() {
    server.enqueue(Script.echo().sendOnOpen("one"));
    server.enqueue(Script.echo().sendOnOpen("two"));
    Wx wx = wx();
    wx.onSocketMessage(res -> rec.add("global " + res.text()));
    SocketTask first = wx.connectSocket(Map.of("url", server.url()));
    first.onMessage(res -> rec.add("first " + res.text()));
    rec.awaitLine("first one");
    SocketTask second = wx.connectSocket(Map.of("url", server.url()));
    second.onMessage(res -> rec.add("second " + res.text()));

    rec.awaitLine("second two");
    assertThat(rec.lines()).containsExactlyInAnyOrder("global one", "first one", "second two");
  }

  @Test
  void sendSocketMessageAndCloseSocketWithoutASocketFail() {
    Wx wx = wx();
    wx.sendSocketMessage(Map.of("data", "x", "fail", rec.consumer("send"), "complete", rec.consumer("send done")));
    wx.closeSocket(Map.of("fail", rec.consumer("close")));
    rec.awaitLine("send done sendSocketMessage:fail WebSocket is not connected");
    rec.awaitLine("close closeSocket:fail WebSocket is not connected");
    assertThat(rec.lines()).startsWith("send sendSocketMessage:fail WebSocket is not connected");
  }
}
