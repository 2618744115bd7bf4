package io.minisocket.adapter.uni;

import io.minisocket.core.spi.Policies.UnsupportedOption;
import io.minisocket.core.loop.EventLoop;
import io.minisocket.core.spi.PlatformProfile;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link Uni} behaves: the target platform whose rules apply, the Promise style (Vue 3 or Vue 2), the limit of
 * simultaneous sockets and what an option the target does not support does.
 *
 * <p>Immutable; {@link #defaults()} is WeChat mini-program ({@code mp-weixin}), Vue 3 Promises, the target's limit,
 * unsupported options ignored (as uni-app does).
 */
public final class UniSettings {
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
  private final int connectionLimit;
  private final UnsupportedOption unsupportedOption;
  private final EventLoop eventLoop;

  private UniSettings(Builder b) {
    this.target = b.target;
    this.promiseStyle = b.promiseStyle;
    this.connectionLimit = b.connectionLimit == null ? b.target.defaultConnectionLimit() : b.connectionLimit;
    this.unsupportedOption = b.unsupportedOption;
    this.eventLoop = b.eventLoop;
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

  /** @return the platform whose rules apply */
  public UniPlatform target() {
    return target;
  }

  /** @return the Promise style */
  public PromiseStyle promiseStyle() {
    return promiseStyle;
  }

  /** @return the most sockets connecting or open at once; 0 for no limit */
  public int connectionLimit() {
    return connectionLimit;
  }

  /** @return what an option the target does not support does */
  public UnsupportedOption unsupportedOption() {
    return unsupportedOption;
  }

  /**
   * @return the event loop a facade with these settings runs all its callbacks, listeners and promise completions
   *     on; empty (the default) when it runs them on the transport's threads and the common pool
   */
  public Optional<EventLoop> eventLoop() {
    return Optional.ofNullable(eventLoop);
  }

  @Override
  public String toString() {
    return "UniSettings{target=" + target.id() + ", promiseStyle=" + promiseStyle + ", connectionLimit="
        + connectionLimit + ", unsupportedOption=" + unsupportedOption + "}";
  }

  /** Builds {@link UniSettings}; setters reject impossible values at once. */
  public static final class Builder {
    private UniPlatform target = UniPlatform.MP_WEIXIN;
    private PromiseStyle promiseStyle = PromiseStyle.VUE3;
    private Integer connectionLimit;
    private UnsupportedOption unsupportedOption = UnsupportedOption.IGNORE;
    private EventLoop eventLoop;

    private Builder() {}

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
     * Overrides the target's limit of simultaneous sockets ({@link UniPlatform#defaultConnectionLimit()}).
     *
     * @param limit the most sockets connecting or open at once; 0 for no limit
     * @return this builder
     */
    public Builder connectionLimit(int limit) {
      this.connectionLimit = PlatformProfile.checkConnectionLimit(limit);
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

    /**
     * Creates the facade on an event loop: all its callbacks, listeners and promise completions then run on the
     * loop's thread, one at a time, never before the code that caused them has returned, as in JavaScript (see
     * {@link EventLoop}). Default: none.
     *
     * @param loop the loop, which stays the caller's to close (after the facade); {@code null} for none
     * @return this builder
     */
    public Builder eventLoop(EventLoop loop) {
      this.eventLoop = loop;
      return this;
    }

    /** @return the settings */
    public UniSettings build() {
      return new UniSettings(this);
    }
  }
}
