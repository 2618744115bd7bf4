package io.minisocket.cli;

import java.util.Arrays;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads an option's value as one of an enum's constants, by the constant's id and ignoring case; anything else is
 * refused with a message that says what the option takes.
 *
 * @param <E> the enum
 */
abstract class EnumConverter<E extends Enum<E>> implements ITypeConverter<E> {
  private final Class<E> type;
  private final Function<E, String> id;
  private final String expected;

  /**
   * @param type     the enum
   * @param id       how a constant is written on the command line
   * @param expected what the option takes, for the message, e.g. {@code hex or base64}
   */
  EnumConverter(Class<E> type, Function<E, String> id, String expected) {
    this.type = type;
    this.id = id;
    this.expected = expected;
  }

  @Override
  public E convert(String value) {
    return Arrays.stream(type.getEnumConstants()).filter(constant -> id.apply(constant).equalsIgnoreCase(value))
        .findFirst().orElseThrow(() -> new TypeConversionException("expected " + expected + ", got '" + value + "'"));
  }
}
