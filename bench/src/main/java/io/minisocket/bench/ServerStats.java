package io.minisocket.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Asks the echo server ({@code GET /stats}) how many WebSockets are open. */
final class ServerStats {
  private static final long IDLE_WAIT_SECONDS = 60;

  private ServerStats() {}

  /** @return the number of WebSockets the echo server has open now */
  static int open(URI server) throws IOException {
    URI stats = URI.create("http://" + server.getHost() + ":" + server.getPort() + "/stats");
    HttpURLConnection http = (HttpURLConnection) stats.toURL().openConnection();
    try (InputStream in = http.getInputStream()) {
      String body = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      return Integer.parseInt(body.substring(body.indexOf('=') + 1));
    } finally {
      http.disconnect();
    }
  }

  /** Waits until the echo server has no WebSocket open (those of an earlier run are closed). */
  static void awaitIdle(URI server) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(IDLE_WAIT_SECONDS);
    int open;
    while ((open = open(server)) > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(open + " WebSockets still open on the echo server after "
            + IDLE_WAIT_SECONDS + " s");
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
  }
}
