package io.minisocket.testkit.internal;

import java.io.IOException;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/** The pings a connection sent and the pongs it received; each pong completes the oldest waiting ping. */
final class PingTracker {
  private final Queue<CompletableFuture<byte[]>> pending = new ConcurrentLinkedQueue<>();
  private final List<byte[]> pongs = new CopyOnWriteArrayList<>();

  CompletableFuture<byte[]> expectPong() {
    CompletableFuture<byte[]> pong = new CompletableFuture<>();
    pending.add(pong);
    return pong;
  }

  void forget(CompletableFuture<byte[]> pong, IOException why) {
    pending.remove(pong);
    pong.completeExceptionally(why);
  }

  void pongReceived(byte[] payload) {
    pongs.add(payload);
    CompletableFuture<byte[]> oldest = pending.poll();
    if (oldest != null) {
      oldest.complete(payload.clone());
    }
  }

  List<byte[]> pongs() {
    return List.copyOf(pongs);
  }

  void failPending(IOException why) {
    for (CompletableFuture<byte[]> pong; (pong = pending.poll()) != null; ) {
      pong.completeExceptionally(why);
    }
  }
}
