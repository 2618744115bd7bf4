package io.minisocket.cli;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/** How {@code connect --binary} reads binary messages from stdin and shows binary messages received. */
enum BinaryFormat {
  /** Hexadecimal, e.g. {@code 00ff10}; whitespace ignored. */
  HEX {
    @Override
    byte[] decode(String text) {
      return HexFormat.of().parseHex(text.replaceAll("\\s", ""));
    }

    @Override
    String encode(byte[] bytes) {
      return HexFormat.of().formatHex(bytes);
    }
  },
  /** Standard Base64 (RFC 4648), e.g. {@code AP8Q}; whitespace ignored. */
  BASE64 {
    @Override
    byte[] decode(String text) {
      return Base64.getDecoder().decode(text.replaceAll("\\s", ""));
    }

    @Override
    String encode(byte[] bytes) {
      return Base64.getEncoder().encodeToString(bytes);
    }
  };

  /**
   * @param text one line of input
   * @return the bytes
   * @throws IllegalArgumentException when the text is not in this format
   */
  abstract byte[] decode(String text);

  abstract String encode(byte[] bytes);

  String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads {@code --binary}. */
  static final class Converter extends EnumConverter<BinaryFormat> {
    Converter() {
      super(BinaryFormat.class, BinaryFormat::id, "hex or base64");
    }
  }
}
