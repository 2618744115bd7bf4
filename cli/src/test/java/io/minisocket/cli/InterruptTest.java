package io.minisocket.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InterruptTest {
  private final Interrupt interrupt = new Interrupt();
  private final AtomicInteger ran = new AtomicInteger();

  @Test
  void theActionRunsOnceWhenTheEndIsRequestedHoweverOften() {
    interrupt.whenRequested(ran::incrementAndGet);
    assertThat(ran).hasValue(0);

    interrupt.request();
    interrupt.request();

    assertThat(ran).hasValue(1);
    assertThat(interrupt.isRequested()).isTrue();
  }

  @Test
  void aRequestMadeBeforeTheCommandRegisteredIsNotLost() {
    interrupt.request();

    interrupt.whenRequested(ran::incrementAndGet);

    assertThat(ran).hasValue(1);
  }

  @Test
  void aRequestAfterTheCommandFinishedRunsNothing() {
    interrupt.whenRequested(ran::incrementAndGet);
    interrupt.finished();

    interrupt.request(); // System.exit at the end of a normal run runs the shutdown hook too

    assertThat(ran).hasValue(0);
    assertThat(interrupt.isRequested()).isFalse();
  }
}
