package io.minisocket.core.transport;

/**
 * The UTF-8 length of text without encoding it: what a text frame's payload takes on the wire. A transport may use
 * it to check a size limit before encoding; {@link Frame#byteLength()} gives a text frame's (computed once).
 */
public final class Utf8 {
  private Utf8() {}

  /**
   * The number of bytes {@code s} takes in UTF-8 (a lone surrogate counts as the 1-byte '?' replacement).
   *
   * @param s the text
   * @return its UTF-8 length
   */
  public static long length(CharSequence s) {
    long bytes = 0;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else if (Character.isSurrogate(c)) {
        bytes += 1;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
