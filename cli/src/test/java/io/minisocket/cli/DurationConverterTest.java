package io.minisocket.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {

  @ParameterizedTest
  @CsvSource(textBlock = """
      500ms,   PT0.5S,  0.5s
      10,      PT10S,   10s
      10s,     PT10S,   10s
      2m,      PT2M,    2m
      1h,      PT1H,    1h
      24H,     PT24H,   24h
      PT1H30M, PT1H30M, 1h30m
      """)
  void readsMillisecondsSecondsMinutesHoursAndIso(String text, String iso, String shown) {
    Duration duration = new DurationConverter().convert(text);

    assertThat(duration).isEqualTo(Duration.parse(iso));
    assertThat(DurationConverter.format(duration)).isEqualTo(shown);
  }

  @ParameterizedTest
  @ValueSource(strings = {"soon", "1d", "-1h", "h", "1.5h"})
  void refusesAnythingElseSayingWhatItExpects(String text) {
    assertThatThrownBy(() -> new DurationConverter().convert(text)).isInstanceOf(TypeConversionException.class)
        .hasMessage("expected a duration such as 500ms, 10s, 2m, 1h or PT1H30M, got '" + text + "'");
  }
}
