package io.minisocket.adapter.uni;

import io.minisocket.core.SocketConfig;
import io.minisocket.core.spi.FacadeSettings;
import io.minisocket.core.spi.Policies.UnsupportedOption;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link Uni} behaves: the target platform whose rules apply, the Promise style (Vue 3 or Vue 2) and what an
 * option the target does not support does, plus what every facade's settings hold ({@link FacadeSettings}): the
 * limit of simultaneous sockets (default: the target's), the app configuration (manifest.json's
 * {@code networkTimeout.connectSocket}, the domain allow-list, the url check, the send queue bound) and the event loop.
 *
 * <p>Immutable; {@link #defaults()} is WeChat mini-program ({@code mp-weixin}), Vue 3 Promises, the target's limit,
 * unsupported options ignored (as uni-app does), {@link SocketConfig#defaults()}.
 */
public final class UniSettings extends FacadeSettings {
  /** What a {@code connectSocket} without success, fail or complete returns. */
  public enum PromiseStyle {
    /** uni-app on Vue 3: a Promise that resolves with the success result and rejects with the fail result. */
    VUE3,
    /** uni-app on Vue 2: a Promise that always resolves, with {@code [err, res]}. */
    VUE2
  }

  private static final UniSettings DEFAULTS = builder().build();

  private final UniPlatform target;
  private final PromiseStyle promiseStyle;
  private final UnsupportedOption unsupportedOption;

  private UniSettings(Builder b) {
    super(b, b.target.defaultConnectionLimit());
    this.target = b.target;
    this.promiseStyle = b.promiseStyle;
    this.unsupportedOption = b.unsupportedOption;
  }

  /** @return the defaults: mp-weixin, Vue 3, limit 5, unsupported options ignored */
  public static UniSettings defaults() {
    return DEFAULTS;
  }

  /** @return a builder holding the defaults */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The defaults for another target.
   *
   * @param target the platform the uni-app build runs on
   * @return the settings
   */
  public static UniSettings of(UniPlatform target) {
    return builder().target(target).build();
  }

  /** @return a builder holding these settings, to derive a variant (a limit not set follows the target) */
  public Builder toBuilder() {
    return copyInto(new Builder()).target(target).promiseStyle(promiseStyle).unsupportedOption(unsupportedOption);
  }

  /** @return the platform whose rules apply */
  public UniPlatform target() {
    return target;
  }

  /** @return the Promise style */
  public PromiseStyle promiseStyle() {
    return promiseStyle;
  }

  /** @return what an option the target does not support does */
  public UnsupportedOption unsupportedOption() {
    return unsupportedOption;
  }

  @Override
  protected List<Object> platformValues() {
    return List.of(target.id(), promiseStyle, unsupportedOption);
  }

  @Override
  protected List<String> platformNames() {
    return List.of("target", "promiseStyle", "unsupportedOption");
  }

  /** Builds {@link UniSettings}; setters reject impossible values at once. */
  public static final class Builder extends FacadeSettings.Builder<UniSettings, Builder> {
    private UniPlatform target = UniPlatform.MP_WEIXIN;
    private PromiseStyle promiseStyle = PromiseStyle.VUE3;
    private UnsupportedOption unsupportedOption = UnsupportedOption.IGNORE;

    private Builder() {
      super(SocketConfig.defaults());
    }

    /**
     * @param target the platform whose rules apply (default {@link UniPlatform#MP_WEIXIN})
     * @return this builder
     */
    public Builder target(UniPlatform target) {
      this.target = Objects.requireNonNull(target, "target");
      return this;
    }

    /**
     * @param style the Promise style (default {@link PromiseStyle#VUE3})
     * @return this builder
     */
    public Builder promiseStyle(PromiseStyle style) {
      this.promiseStyle = Objects.requireNonNull(style, "promiseStyle");
      return this;
    }

    /**
     * @param policy what an option the target does not support does: {@link UnsupportedOption#IGNORE} (default,
     *               as uni-app does) or {@link UnsupportedOption#REJECT} (fail the connect, naming the option)
     * @return this builder
     */
    public Builder unsupportedOption(UnsupportedOption policy) {
      this.unsupportedOption = Objects.requireNonNull(policy, "unsupportedOption");
      return this;
    }

    @Override
    protected Builder self() {
      return this;
    }

    /** @return the settings */
    @Override
    public UniSettings build() {
      return new UniSettings(this);
    }
  }
}
