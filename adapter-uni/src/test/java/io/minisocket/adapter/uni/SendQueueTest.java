package io.minisocket.adapter.uni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minisocket.core.CloseEvent;
import io.minisocket.core.ConnectOptions;
import io.minisocket.core.ErrorKind;
import io.minisocket.core.SendOptions;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.SocketResult;
import io.minisocket.core.SocketTask;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The send queue's bound against a server that stops reading: on the App more than 16 MiB queued closes the
 * connection ("出于性能的权衡，在Android端底层实现上发送队列占用的内存不能超过16M，一旦超过将导致连接被关闭"); elsewhere
 * only the send that does not fit fails.
 */
class SendQueueTest extends UniE2eTest {
  private static final int MIB = 1024 * 1024;
  private static final Pattern QUEUED = Pattern.compile("(\\d+) bytes queued");

  private SocketTask openTask(Uni uni) {
    SocketTask task = uni.connectSocket(ConnectOptions.builder().url(url("/")).complete(r -> { }).build()).task();
    await().atMost(WAIT).until(() -> task.readyState() == SocketTask.OPEN);
    return task;
  }

  /** An open task of a {@link Uni} with the given queue bound, to the server that has stopped reading. */
  private SocketTask taskToAPausedReader(UniPlatform target, long maxQueueBytes) {
    Uni uni = uni(UniSettings.of(target), SocketConfig.builder().maxQueueBytes(maxQueueBytes).build());
    server.pauseReading();
    return openTask(uni);
  }

  /** Sends chunks until one is refused for the queue bound; every send's complete is counted. */
  private static SocketResult fillQueue(SocketTask task, int chunkSize, int maxChunks) {
    AtomicInteger completed = new AtomicInteger();
    byte[] chunk = new byte[chunkSize];
    CompletableFuture<SocketResult> refused = new CompletableFuture<>();
    int sent = 0;
    while (sent < maxChunks && !refused.isDone() && task.readyState() == SocketTask.OPEN) {
      task.send(SendOptions.builder().data(chunk)
          .fail(r -> {
            if (r.kind().orElse(null) == ErrorKind.QUEUE_FULL) {
              refused.complete(r);
            }
          })
          .complete(r -> completed.incrementAndGet())
          .build());
      sent++;
    }
    SocketResult result = get(refused);
    int total = sent;
    await().atMost(WAIT).until(() -> completed.get() == total);
    return result;
  }

  @Test
  void appClosesTheConnectionWhenMoreThan16MiBAreQueued() {
    assertThat(SocketConfig.defaults().maxQueueBytes()).isEqualTo(16L * MIB);
    Uni uni = uni(UniPlatform.APP);
    server.pauseReading();
    SocketTask task = openTask(uni);
    CompletableFuture<SocketResult> error = new CompletableFuture<>();
    CompletableFuture<CloseEvent> closed = new CompletableFuture<>();
    task.onError(error::complete);
    task.onClose(closed::complete);

    SocketResult refused = fillQueue(task, MIB, 64);

    assertThat(refused.errMsg()).startsWith("sendSocketMessage:fail The queue memory exceeds 16 MiB and the "
        + "connection will be closed").contains("the bound of 16777216 bytes");
    Matcher queued = QUEUED.matcher(refused.errMsg());
    assertThat(queued.find()).isTrue();
    assertThat(Long.parseLong(queued.group(1))).as("bytes queued when the send was refused")
        .isGreaterThan(15L * MIB).isLessThanOrEqualTo(16L * MIB);
    assertThat(get(error).errMsg()).startsWith("The queue memory exceeds 16 MiB and the connection will be closed");
    assertThat(get(closed).code()).isEqualTo(1006);
    assertThat(task.readyState()).isEqualTo(SocketTask.CLOSED);
    assertThat(uni.runtime().tasks()).isEmpty();
  }

  @Test
  void appMessageNamesAConfiguredBound() {
    SocketTask task = taskToAPausedReader(UniPlatform.APP, 256 * 1024);

    SocketResult refused = fillQueue(task, 64 * 1024, 1024);

    assertThat(refused.errMsg()).startsWith("sendSocketMessage:fail The queue memory exceeds 256 KiB and the "
        + "connection will be closed");
    await().atMost(WAIT).until(() -> task.readyState() == SocketTask.CLOSED);
  }

  @Test
  void miniProgramsOnlyRefuseTheSendThatDoesNotFit() {
    SocketTask task = taskToAPausedReader(UniPlatform.MP_WEIXIN, 256 * 1024);

    SocketResult refused = fillQueue(task, 64 * 1024, 1024);

    assertThat(refused.errMsg()).startsWith("sendSocketMessage:fail send queue is full");
    assertThat(task.readyState()).isEqualTo(SocketTask.OPEN);
    server.resumeReading();
    CompletableFuture<SocketResult> later = new CompletableFuture<>();
    await().atMost(WAIT).until(() -> task.queuedBytes() == 0);
    task.send(SendOptions.builder().data("after the queue drained").success(later::complete).build());
    assertThat(get(later).errMsg()).isEqualTo("sendSocketMessage:ok");
  }
}
