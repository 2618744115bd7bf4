package io.minisocket.tck;

import io.minisocket.core.ErrorKind;
import io.minisocket.core.spi.PlatformProfile;
import io.minisocket.core.spi.ResultStyle;
import java.util.Objects;

/**
 * What a platform promises, as its documentation states it: the facts an {@link AdapterContractKit} checks the
 * adapter's {@link PlatformProfile} and behaviour against. Declare them from the platform's documents, not from the
 * profile: a profile that disagrees with them fails {@code required_profile_matchesTheDeclaredCapabilities}.
 * Everything else the kit needs (accepted options, policies, API names) it reads from the profile.
 *
 * <pre>{@code
 * Capabilities.builder().globalApi(true).connectionLimit(5).wssRequired(true).results(Results.ERR_MSG).build()
 * }</pre>
 *
 * <p>A capability that is declared absent is still tested: using it must fail clearly (Trino's model).
 */
public final class Capabilities {
  /** How a platform names its results. */
  public enum Results {
    /** {@code errMsg: "<api>:ok"} / {@code "<api>:fail <reason>"} (WeChat, uni-app, Taro, QQ). */
    ERR_MSG,
    /** Failures carry a numeric {@code error} and {@code errorMessage} (Alipay). */
    ERROR_CODES
  }

  private final boolean globalApi;
  private final int connectionLimit;
  private final boolean wssRequired;
  private final Results results;

  private Capabilities(Builder builder) {
    this.globalApi = builder.globalApi;
    this.connectionLimit = builder.connectionLimit;
    this.wssRequired = builder.wssRequired;
    this.results = builder.results;
  }

  /** @return a builder; every property must be set */
  public static Builder builder() {
    return new Builder();
  }

  /** @return whether the deprecated global socket API ({@code onSocketOpen}, {@code sendSocketMessage}, ...) exists */
  public boolean globalApi() {
    return globalApi;
  }

  /** @return the most sockets connecting or open at once; 0 for no limit */
  public int connectionLimit() {
    return connectionLimit;
  }

  /** @return whether {@code wss://} is required while the url check is on */
  public boolean wssRequired() {
    return wssRequired;
  }

  /** @return how results are named */
  public Results results() {
    return results;
  }

  /**
   * @param style a profile's result style
   * @return the naming it produces: {@link Results#ERROR_CODES} when its failures carry a numeric {@code error}
   */
  static Results of(ResultStyle style) {
    return style.failure("connectSocket", ErrorKind.UNKNOWN, "probe").error().isPresent()
        ? Results.ERROR_CODES : Results.ERR_MSG;
  }

  @Override
  public String toString() {
    return "Capabilities{globalApi=" + globalApi + ", connectionLimit=" + connectionLimit + ", wssRequired="
        + wssRequired + ", results=" + results + "}";
  }

  /** Builds {@link Capabilities}; every property must be declared. */
  public static final class Builder {
    private Boolean globalApi;
    private Integer connectionLimit;
    private Boolean wssRequired;
    private Results results;

    private Builder() {}

    /**
     * @param present whether the global socket API exists
     * @return this builder
     */
    public Builder globalApi(boolean present) {
      this.globalApi = present;
      return this;
    }

    /**
     * @param limit the most sockets connecting or open at once; 0 for no limit
     * @return this builder
     */
    public Builder connectionLimit(int limit) {
      this.connectionLimit = PlatformProfile.checkConnectionLimit(limit);
      return this;
    }

    /**
     * @param required whether {@code wss://} is required while the url check is on
     * @return this builder
     */
    public Builder wssRequired(boolean required) {
      this.wssRequired = required;
      return this;
    }

    /**
     * @param results how results are named
     * @return this builder
     */
    public Builder results(Results results) {
      this.results = Objects.requireNonNull(results, "results");
      return this;
    }

    /**
     * @return the capabilities
     * @throws IllegalStateException naming a property that was not declared
     */
    public Capabilities build() {
      if (globalApi == null) {
        throw new IllegalStateException("declare globalApi(true|false)");
      }
      if (connectionLimit == null) {
        throw new IllegalStateException("declare connectionLimit(n), 0 for no limit");
      }
      if (wssRequired == null) {
        throw new IllegalStateException("declare wssRequired(true|false)");
      }
      if (results == null) {
        throw new IllegalStateException("declare results(Results.ERR_MSG | Results.ERROR_CODES)");
      }
      return new Capabilities(this);
    }
  }
}
