package io.minisocket.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minisocket.testkit.RecordedClose;
import org.junit.jupiter.api.Test;

/** Close frame bodies (RFC 6455 sections 5.5.1 and 7.4): read, checked, and answered. */
class CloseFramesTest {

  @Test
  void readsCodeAndReasonOrNoStatus() {
    CloseFrames.Received close = CloseFrames.parse(CloseFrames.body(4000, "bye ✓"));
    assertThat(close.code()).isEqualTo(4000);
    assertThat(close.reason()).isEqualTo("bye ✓");
    assertThat(close.problem()).isNull();
    assertThat(CloseFrames.parse(new byte[0]).code()).isEqualTo(RecordedClose.NO_STATUS);
  }

  @Test
  void aOneByteBodyOrAReasonThatIsNotUtf8IsAProtocolError() {
    assertThat(CloseFrames.parse(new byte[] {3}).problem().code()).isEqualTo(1002);
    CloseFrames.Received badReason = CloseFrames.parse(new byte[] {0x03, (byte) 0xE8, (byte) 0xC3, 0x28});
    assertThat(badReason.code()).as("the code is still read").isEqualTo(1000);
    assertThat(badReason.problem().code()).isEqualTo(1007);
  }

  @Test
  void answersWithTheSameCodeOr1002ForOneAClientMayNotSend() {
    assertThat(CloseFrames.answer(new byte[0], RecordedClose.NO_STATUS)).isEmpty();
    assertThat(CloseFrames.answer(CloseFrames.body(1000, "x"), 1000)).containsExactly(0x03, 0xE8);
    assertThat(CloseFrames.answer(CloseFrames.body(4999, ""), 4999)).containsExactly(0x13, 0x87);
    for (int reserved : new int[] {999, 1004, 1005, 1006, 1015, 2999, 5000}) {
      assertThat(CloseFrames.answer(CloseFrames.body(reserved, ""), reserved)).as("answer to %s", reserved)
          .containsExactly(0x03, 0xEA);
    }
  }

  @Test
  void aTestMaySendAnyTwoByteCodeWithAShortReason() {
    CloseFrames.check(0, "");
    CloseFrames.check(0xFFFF, "x".repeat(123));
    assertThatThrownBy(() -> CloseFrames.check(0x10000, "")).hasMessageContaining("two bytes");
    assertThatThrownBy(() -> CloseFrames.check(1000, "x".repeat(124))).hasMessageContaining("123");
  }
}
