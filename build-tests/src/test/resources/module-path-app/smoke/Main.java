package smoke;

import io.minisocket.adapter.wx.Wx;
import io.minisocket.core.ConnectOptions;
import io.minisocket.core.SendOptions;
import io.minisocket.core.SocketTask;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Connects to args[0] with Wx.create() (the transport found by ServiceLoader), sends "hello", prints the echo. */
public final class Main {
  public static void main(String[] args) throws Exception {
    CountDownLatch echoed = new CountDownLatch(1);
    try (Wx wx = Wx.create()) {
      SocketTask task = wx.connectSocket(ConnectOptions.builder().url(args[0])
          .fail(res -> System.out.println("connectSocket " + res.toMap())).build());
      task.onOpen(res -> task.send(SendOptions.builder().data("hello").build()));
      task.onMessage(res -> {
        System.out.println("echo: " + res.data());
        echoed.countDown();
      });
      task.onError(res -> System.out.println("onError " + res.toMap()));
      if (!echoed.await(20, TimeUnit.SECONDS)) {
        System.out.println("no echo within 20 s");
        System.exit(1);
      }
    }
  }
}
