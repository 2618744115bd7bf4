package io.minisocket.core.internal;

import io.minisocket.core.ErrorKind;
import java.util.Objects;

/**
 * A failure as core finds it: its kind and a detail in core's own words (what exactly was wrong), never a platform's
 * words. {@link Wording} composes the platform's text from it; how the detail joins the platform's wording of the
 * kind depends on what the detail is, which the factory used says.
 *
 * @param kind   the failure kind
 * @param detail what exactly was wrong, or {@code null} for the platform's wording of the kind alone
 * @param join   how the detail joins the platform's wording
 */
public record Invalid(ErrorKind kind, String detail, Join join) {
  /** How a detail joins the platform's wording of its kind (see {@link Wording#reason}). */
  public enum Join {
    /**
     * The detail says on its own what was wrong (bad input): it stands alone, after the platform's own wording of
     * the kind in parentheses where the profile words the kind.
     */
    INPUT,
    /** The detail explains the kind: the wording, then the detail in parentheses. */
    EXPLAINED,
    /** The detail continues the wording: the wording, a colon, the detail. */
    CONTINUED,
    /**
     * A task's send while not open: the profile's words for that situation, then the detail in parentheses; the
     * wording of {@link ErrorKind#NOT_OPEN} alone where the profile has no such words.
     */
    SEND_WHEN_NOT_OPEN
  }

  /** Checks the parts. */
  public Invalid {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(join, "join");
  }

  /**
   * @param kind the failure kind
   * @return a failure worded by the platform's wording of its kind alone
   */
  public static Invalid of(ErrorKind kind) {
    return new Invalid(kind, null, Join.INPUT);
  }

  /**
   * @param kind   the failure kind
   * @param detail what was wrong with the input, complete on its own, or {@code null}
   * @return a failure of bad input ({@link Join#INPUT})
   */
  public static Invalid input(ErrorKind kind, String detail) {
    return new Invalid(kind, detail, Join.INPUT);
  }

  /**
   * @param kind   the failure kind
   * @param detail what explains it, e.g. the transport's reason
   * @return a failure worded {@code wording (detail)}
   */
  public static Invalid explained(ErrorKind kind, String detail) {
    return new Invalid(kind, detail, Join.EXPLAINED);
  }

  /**
   * @param kind   the failure kind
   * @param detail what follows the wording
   * @return a failure worded {@code wording: detail}
   */
  public static Invalid continued(ErrorKind kind, String detail) {
    return new Invalid(kind, detail, Join.CONTINUED);
  }

  /**
   * @param readyState the task's readyState code
   * @return the failure of a task's send while the task is not open ({@link Join#SEND_WHEN_NOT_OPEN})
   */
  public static Invalid sendWhenNotOpen(int readyState) {
    return new Invalid(ErrorKind.NOT_OPEN, "readyState " + readyState, Join.SEND_WHEN_NOT_OPEN);
  }
}
