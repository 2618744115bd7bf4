package io.minisocket.transport.vertx;

import io.netty.buffer.ByteBuf;
import io.netty.util.ByteProcessor;

/**
 * Checks that bytes fed in pieces are well-formed UTF-8 (Unicode Table 3-7: no overlong forms, no surrogates,
 * nothing above U+10FFFF), so that a text message split across frames — even inside a character — is checked as it
 * arrives. Not thread-safe: one per connection, used on its event loop.
 */
final class Utf8Validator implements ByteProcessor {
  private int needed; // continuation bytes still expected
  private int lower = 0x80;
  private int upper = 0xBF;
  private boolean valid = true;

  /** Starts a new message. */
  void reset() {
    needed = 0;
    lower = 0x80;
    upper = 0xBF;
    valid = true;
  }

  /**
   * @param bytes the next bytes of the message (not consumed)
   * @return whether everything fed so far can still be the start of well-formed UTF-8
   */
  boolean feed(ByteBuf bytes) {
    if (valid) {
      bytes.forEachByte(this);
    }
    return valid;
  }

  /** @return whether everything fed since {@link #reset()} is well-formed UTF-8 that ends at a character's end */
  boolean complete() {
    return valid && needed == 0;
  }

  @Override
  public boolean process(byte value) {
    int b = value & 0xFF;
    if (needed > 0) {
      if (b < lower || b > upper) {
        valid = false;
        return false;
      }
      lower = 0x80;
      upper = 0xBF;
      needed--;
      return true;
    }
    if (b < 0x80) {
      return true;
    }
    if (b >= 0xC2 && b <= 0xDF) {
      needed = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
      needed = 2;
      lower = b == 0xE0 ? 0xA0 : 0x80; // no overlong form
      upper = b == 0xED ? 0x9F : 0xBF; // no surrogate
    } else if (b >= 0xF0 && b <= 0xF4) {
      needed = 3;
      lower = b == 0xF0 ? 0x90 : 0x80; // no overlong form
      upper = b == 0xF4 ? 0x8F : 0xBF; // nothing above U+10FFFF
    } else {
      valid = false;
      return false;
    }
    return true;
  }
}
