package io.minisocket.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a duration: {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, a plain number of seconds, or ISO-8601
 * {@code PT1H30M}.
 */
final class DurationConverter implements ITypeConverter<Duration> {
  private static final Pattern SIMPLE = Pattern.compile("(\\d+)(ms|s|m|h)?");

  /**
   * @param duration a duration
   * @return it for messages, e.g. {@code 10s}, {@code 1m30s}, {@code 1h}, {@code 0.5s}
   */
  static String format(Duration duration) {
    return duration.toString().substring(2).toLowerCase(Locale.ROOT);
  }

  @Override
  public Duration convert(String value) {
    Matcher matcher = SIMPLE.matcher(value.trim().toLowerCase(Locale.ROOT));
    try {
      if (matcher.matches()) {
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        return switch (unit) {
          case "ms" -> Duration.ofMillis(amount);
          case "m" -> Duration.ofMinutes(amount);
          case "h" -> Duration.ofHours(amount);
          default -> Duration.ofSeconds(amount);
        };
      }
      return Duration.parse(value.trim().toUpperCase(Locale.ROOT));
    } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
      throw new TypeConversionException(
          "expected a duration such as 500ms, 10s, 2m, 1h or PT1H30M, got '" + value + "'");
    }
  }
}
