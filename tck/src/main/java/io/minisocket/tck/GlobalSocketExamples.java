package io.minisocket.tck;

import io.minisocket.core.loop.EventLoop;
import io.minisocket.core.spi.PlatformFacade;
import io.minisocket.testkit.EchoServer;
import io.minisocket.testkit.Handshake;
import io.minisocket.testkit.MockWebSocketServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The examples of the deprecated global socket API that WeChat's (seed 002) and uni-app's (seed 000) documents share
 * almost word for word — {@code connectSocket} with header, protocols and method; {@code onSocketOpen};
 * {@code onSocketError}; {@code sendSocketMessage} with the sample's hand-written queue; {@code onSocketMessage};
 * {@code onSocketClose} with {@code closeSocket} inside {@code onSocketOpen} — transcribed literally, run on an
 * {@link EventLoop} against local servers ({@code ws://}, an echo server that speaks {@code protocol1}, and one that
 * refuses every handshake with 403).
 *
 * <p>On the loop the examples run as in a mini-program: a handler registered on the line after
 * {@code connectSocket} sees the open, and the sample's queue needs no lock.
 */
public final class GlobalSocketExamples {
  private static final int EXAMPLES = 5;

  private GlobalSocketExamples() {}

  /**
   * Runs the examples round-robin, {@code runs} runs in all, {@code atOnce} at a time, each on a new facade, and
   * checks that each run logged exactly what its example should.
   *
   * @param loop          the loop the facades are created on
   * @param newFacade     makes a facade on the loop whose configuration lets {@code ws://127.0.0.1} through (url
   *                      check off); called on the loop, closed by the run
   * @param connectSocket the platform's {@code connectSocket(OBJECT)} (its return value is ignored, as the examples
   *                      ignore it)
   * @param runs          how many runs in all
   * @param atOnce        how many at a time (each run opens one socket)
   * @param timeout       the longest wait for all runs
   * @param <F>           the facade type
   * @throws InterruptedException when interrupted while waiting
   * @throws AssertionError       when a run logged something else, or something threw on the loop
   */
  public static <F extends PlatformFacade> void run(EventLoop loop, Supplier<F> newFacade,
      BiConsumer<F, Map<String, Object>> connectSocket, int runs, int atOnce, Duration timeout)
      throws InterruptedException {
    try (EchoServer echo = EchoServer.plain("protocol1");
         MockWebSocketServer refusing = MockWebSocketServer.builder().handshake(Handshake.rejectWith(403)).start()) {
      Map<Integer, ExampleConsole> logs = new ConcurrentHashMap<>();
      AtomicInteger started = new AtomicInteger();
      LoopRepetition.run(loop, runs, atOnce, timeout, next -> {
        int run = started.getAndIncrement();
        F facade = newFacade.get();
        Runnable finish = () -> {
          facade.close();
          next.run();
        };
        ExampleConsole console = new ExampleConsole(line -> { // the user closing once the example showed its part
          if (line.startsWith("WebSocket连接已打开") || line.startsWith("收到服务器内容") || line.equals("echo second")) {
            facade.closeSocket(Map.of());
          } else if (line.equals("WebSocket 已关闭！")) {
            finish.run(); // the onSocketClose example's own handler: another would replace it on WeChat
          }
        });
        logs.put(run, console);
        Example<F> example = new Example<>(facade, connectSocket, console, echo.url());
        switch (run % EXAMPLES) {
          case 0 -> example.connectSocket();
          case 1 -> example.onSocketError(refusing.url());
          case 2 -> example.sendSocketMessage();
          case 3 -> example.onSocketMessage();
          default -> example.onSocketClose();
        }
        if (run % EXAMPLES != EXAMPLES - 1) {
          facade.onSocketClose(res -> finish.run());
        }
      });
      List<List<String>> expected = List.of(List.of("WebSocket连接已打开！"), List.of("WebSocket连接打开失败，请检查！"),
          List.of("echo first", "echo second"), List.of("收到服务器内容：你好"), List.of("WebSocket 已关闭！"));
      logs.forEach((run, console) -> {
        if (!console.lines().equals(expected.get(run % EXAMPLES))) {
          throw new AssertionError("run " + run + " logged " + console.lines() + ", expected "
              + expected.get(run % EXAMPLES));
        }
      });
    }
  }

  /** The examples' code, with {@code xx.} being the facade. */
  private static final class Example<F extends PlatformFacade> {
    private final F xx;
    private final BiConsumer<F, Map<String, Object>> connectSocket;
    private final ExampleConsole console;
    private final String url;

    Example(F xx, BiConsumer<F, Map<String, Object>> connectSocket, ExampleConsole console, String url) {
      this.xx = xx;
      this.connectSocket = connectSocket;
      this.console = console;
      this.url = url;
    }

    private void connectSocket(Map<String, Object> object) {
      connectSocket.accept(xx, object);
    }

    /** {@code connectSocket({url, header, protocols, method})} and {@code onSocketOpen}. */
    void connectSocket() {
      connectSocket(Map.of(
          "url", url,
          "header", Map.of("content-type", "application/json"),
          "protocols", List.of("protocol1"),
          "method", "GET"));
      xx.onSocketOpen(res -> console.log("WebSocket连接已打开！"));
    }

    /** {@code onSocketError}: here the server refuses the handshake. */
    void onSocketError(String refusingUrl) {
      connectSocket(Map.of("url", refusingUrl));
      xx.onSocketOpen(res -> console.log("WebSocket连接已打开！"));
      xx.onSocketError(res -> console.log("WebSocket连接打开失败，请检查！"));
    }

    /** {@code sendSocketMessage} with the sample's queue until {@code onSocketOpen}; the test logs the echoes. */
    void sendSocketMessage() {
      var page = new Object() {
        boolean socketOpen = false;
        List<String> socketMsgQueue = new ArrayList<>();

        void sendSocketMessage(String msg) {
          if (socketOpen) {
            xx.sendSocketMessage(Map.of("data", msg));
          } else {
            socketMsgQueue.add(msg);
          }
        }
      };
      connectSocket(Map.of("url", url));
      xx.onSocketOpen(res -> {
        page.socketOpen = true;
        for (int i = 0; i < page.socketMsgQueue.size(); i++) {
          page.sendSocketMessage(page.socketMsgQueue.get(i));
        }
        page.socketMsgQueue = new ArrayList<>();
      });
      page.sendSocketMessage("first");
      page.sendSocketMessage("second");
      xx.onSocketMessage(res -> console.log("echo " + res.data())); // the test watching the server's answers
    }

    /** {@code onSocketMessage}; the test makes the echo server say something once the socket is open. */
    void onSocketMessage() {
      connectSocket(Map.of("url", url));
      xx.onSocketMessage(res -> console.log("收到服务器内容：" + res.data()));
      xx.onSocketOpen(res -> xx.sendSocketMessage(Map.of("data", "你好")));
    }

    /** {@code onSocketClose}, with {@code closeSocket()} inside {@code onSocketOpen} as the timing note says. */
    void onSocketClose() {
      connectSocket(Map.of("url", url));
      xx.onSocketOpen(res -> xx.closeSocket(Map.of()));
      xx.onSocketClose(res -> console.log("WebSocket 已关闭！"));
    }
  }
}
