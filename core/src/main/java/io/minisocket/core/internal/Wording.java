package io.minisocket.core.internal;

import io.minisocket.core.SocketResult;
import io.minisocket.core.spi.PlatformProfile;

/**
 * The one place where a platform's words meet core's details: composes a failure's text from its
 * {@linkplain Invalid kind and detail} and the profile (its wording of each kind, {@code sendWhenNotOpenWording},
 * {@code wrongTypeWording}), and shapes it with the profile's {@link io.minisocket.core.spi.ResultStyle}
 * ({@code errMsg "<api>:fail <reason>"} or Alipay's {@code error} and {@code errorMessage}). Nothing else joins a
 * wording and a detail, so nothing has to strip a doubled one.
 */
public final class Wording {
  private final PlatformProfile profile;

  /** @param profile the platform whose words are used */
  Wording(PlatformProfile profile) {
    this.profile = profile;
  }

  /**
   * @param api     the platform's API name, or {@code null} for an {@code onError} event
   * @param failure the failure
   * @return the failure in the platform's shape
   */
  SocketResult result(String api, Invalid failure) {
    return profile.resultStyle().failure(api, failure.kind(), reason(failure));
  }

  /**
   * The reason as the platform words it, without the API prefix. With no detail it is the profile's wording of the
   * kind ({@link PlatformProfile#message}); otherwise, by the failure's join:
   * {@code INPUT} the detail alone, or {@code wording (detail)} where the profile words the kind itself;
   * {@code EXPLAINED} {@code wording (detail)}; {@code CONTINUED} {@code wording: detail};
   * {@code SEND_WHEN_NOT_OPEN} {@code sendWhenNotOpenWording (detail)}, or the wording alone where the profile has
   * no such words.
   *
   * @param failure the failure
   * @return the reason
   */
  String reason(Invalid failure) {
    String wording = profile.message(failure.kind());
    String detail = failure.detail();
    if (detail == null) {
      return wording;
    }
    return switch (failure.join()) {
      case INPUT -> profile.words(failure.kind()) ? parenthesized(wording, detail) : detail;
      case EXPLAINED -> parenthesized(wording, detail);
      case CONTINUED -> wording + ": " + detail;
      case SEND_WHEN_NOT_OPEN -> profile.sendWhenNotOpenWording() == null
          ? wording : parenthesized(profile.sendWhenNotOpenWording(), detail);
    };
  }

  /**
   * The problem of a JavaScript-style option of the wrong type: led by the platform's words for it
   * ({@link PlatformProfile#wrongTypeWording}) where the profile has them, the detail in parentheses.
   *
   * @param profile  the platform's rules, or {@code null} for core's detail alone
   * @param name     the option, e.g. {@code url}
   * @param expected the JavaScript type expected, e.g. {@code String}
   * @param actual   the JavaScript type given, e.g. {@code Number}
   * @param detail   core's words, e.g. {@code url must be a string, got number}
   * @return the problem, for {@link io.minisocket.core.Callbacks.Builder#problem}
   */
  public static String wrongType(PlatformProfile profile, String name, String expected, String actual,
      String detail) {
    String wording = profile == null ? null : profile.wrongTypeWording(name, expected, actual);
    return wording == null ? detail : parenthesized(wording, detail);
  }

  private static String parenthesized(String wording, String detail) {
    return wording + " (" + detail + ")";
  }
}
