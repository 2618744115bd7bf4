package io.minisocket.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgressTest {
  private static final LoadSecond TWELFTH = new LoadSecond(12, 300, 1000, 998, 3, 0, 0.4, 2.5);
  private static final LoadSecond THIRTEENTH = new LoadSecond(13, 299, 1000, 1000, 1, 2, 0.4, 2.5);

  private final StringWriter terminal = new StringWriter();

  private Progress progress(Progress.Mode mode, int width) {
    return new Progress(new PrintWriter(terminal), mode, width, 300, Duration.ofMinutes(1));
  }

  @Test
  void theLineSaysElapsedAndRemainingTimeOpenConnectionsRatesAndErrors() {
    assertThat(progress(Progress.Mode.PLAIN, 80).line(TWELFTH, null))
        .isEqualTo("12s of 1m, 48s left  open 300/300  sent 1000/s  echoed 998/s  errors 0  in flight 3");
    LoadSecond late = new LoadSecond(61, 0, 0, 0, 0, 0, null, null);
    assertThat(progress(Progress.Mode.PLAIN, 80).line(late, "interrupted, ending"))
        .startsWith("1m1s of 1m (interrupted, ending)  open 0/300");
  }

  @Test
  void onATerminalOneLineIsRewrittenInPlaceCutToTheWidthAndEndedByANewLine() {
    Progress line = progress(Progress.Mode.LINE, 40);

    line.show(TWELFTH, null);
    line.show(THIRTEENTH, "ending");
    line.end();

    String[] shown = terminal.toString().split("\r", -1);
    assertThat(shown).hasSize(3);
    assertThat(shown[0]).isEmpty();
    assertThat(shown[1]).isEqualTo("12s of 1m, 48s left  open 300/300  sent\u001b[K");
    assertThat(shown[2]).isEqualTo("13s of 1m (ending)  open 299/300  sent \u001b[K" + System.lineSeparator());
    assertThat(shown[1].replace("\u001b[K", "")).hasSize(39);
  }

  @Test
  void aShortLineIsNotPaddedAndAnEndWithoutALineWritesNothing() {
    Progress line = progress(Progress.Mode.LINE, 200);
    line.end();
    assertThat(terminal.toString()).isEmpty();

    line.show(TWELFTH, null);
    assertThat(terminal.toString()).isEqualTo("\r" + line.line(TWELFTH, null) + "\u001b[K");
  }

  @Test
  void withoutATerminalEachSecondIsALineOfItsOwn() {
    Progress plain = progress(Progress.Mode.PLAIN, 40);

    plain.show(TWELFTH, null);
    plain.show(THIRTEENTH, null);
    plain.end();

    assertThat(terminal.toString().lines()).containsExactly(plain.line(TWELFTH, null), plain.line(THIRTEENTH, null));
    assertThat(terminal.toString()).doesNotContain("\r", "\u001b");
  }

  @Test
  void noneShowsNothing() {
    Progress none = progress(Progress.Mode.NONE, 80);

    none.show(TWELFTH, null);
    none.end();

    assertThat(terminal.toString()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(nullValues = "null", textBlock = """
      120,  120
      ' 60 ', 60
      null, 80
      wide, 80
      5,    80
      """)
  void theWidthComesFromColumnsWhenItMakesSense(String columns, int width) {
    assertThat(Progress.width(columns)).isEqualTo(width);
  }
}
