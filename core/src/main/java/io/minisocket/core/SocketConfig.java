package io.minisocket.core;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The app-level configuration the platforms keep in app.json / manifest.json: the connect timeout
 * ({@code networkTimeout.connectSocket}, default 60 s), the url check (on by default: wss required where the
 * platform requires it, domain allow-list enforced), the socket domain allow-list (empty: any host), and the
 * send queue's byte bound (default 16 MiB).
 *
 * <p>Immutable; build in code with {@link #builder()} or read JSON with
 * {@link io.minisocket.core.json.JsonConfig}.
 */
public final class SocketConfig {
  /** The default connect timeout: 60 seconds, WeChat's {@code networkTimeout.connectSocket} default. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(60);
  /** The default send queue bound: 16 MiB. */
  public static final long DEFAULT_MAX_QUEUE_BYTES = 16L * 1024 * 1024;

  private static final SocketConfig DEFAULTS = builder().build();

  private final Duration connectTimeout;
  private final boolean urlCheck;
  private final List<String> socketDomains;
  private final long maxQueueBytes;

  private SocketConfig(Builder b) {
    this.connectTimeout = b.connectTimeout;
    this.urlCheck = b.urlCheck;
    this.socketDomains = List.copyOf(b.socketDomains);
    this.maxQueueBytes = b.maxQueueBytes;
  }

  /** @return the defaults: 60 s, url check on, any domain, 16 MiB */
  public static SocketConfig defaults() {
    return DEFAULTS;
  }

  /** @return a builder holding the defaults */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder holding this configuration's values */
  public Builder toBuilder() {
    return new Builder().connectTimeout(connectTimeout).urlCheck(urlCheck).socketDomains(socketDomains)
        .maxQueueBytes(maxQueueBytes);
  }

  /** @return how long a connect (TCP, TLS and handshake) may take */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** @return whether urls are checked (wss rule and domain allow-list) */
  public boolean urlCheck() {
    return urlCheck;
  }

  /**
   * @return the allowed socket domains, each a host ({@code example.com}) or an origin
   *     ({@code wss://example.com:8443}); empty means any host
   */
  public List<String> socketDomains() {
    return socketDomains;
  }

  /** @return the most bytes of messages a task queues before refusing sends */
  public long maxQueueBytes() {
    return maxQueueBytes;
  }

  @Override
  public String toString() {
    return "SocketConfig{connectTimeout=" + connectTimeout + ", urlCheck=" + urlCheck + ", socketDomains="
        + socketDomains + ", maxQueueBytes=" + maxQueueBytes + "}";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SocketConfig c && connectTimeout.equals(c.connectTimeout) && urlCheck == c.urlCheck
        && socketDomains.equals(c.socketDomains) && maxQueueBytes == c.maxQueueBytes;
  }

  @Override
  public int hashCode() {
    return Objects.hash(connectTimeout, urlCheck, socketDomains, maxQueueBytes);
  }

  /** Builds a {@link SocketConfig}; setters reject impossible values at once. */
  public static final class Builder {
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private boolean urlCheck = true;
    private List<String> socketDomains = List.of();
    private long maxQueueBytes = DEFAULT_MAX_QUEUE_BYTES;

    private Builder() {}

    /**
     * @param timeout how long a connect may take; positive
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("connectTimeout must be positive, got " + timeout);
      }
      this.connectTimeout = timeout;
      return this;
    }

    /**
     * @param check whether urls are checked (wss rule and domain allow-list)
     * @return this builder
     */
    public Builder urlCheck(boolean check) {
      this.urlCheck = check;
      return this;
    }

    /**
     * @param domains hosts or origins allowed while the url check is on; empty allows any host
     * @return this builder
     */
    public Builder socketDomains(List<String> domains) {
      for (String domain : Objects.requireNonNull(domains, "socketDomains")) {
        if (domain == null || domain.isBlank()) {
          throw new IllegalArgumentException("socketDomains must not contain empty entries: " + domains);
        }
      }
      this.socketDomains = domains.stream().map(d -> d.trim().toLowerCase(Locale.ROOT)).toList();
      return this;
    }

    /**
     * @param bytes the send queue's bound in bytes; positive
     * @return this builder
     */
    public Builder maxQueueBytes(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("maxQueueBytes must be positive, got " + bytes);
      }
      this.maxQueueBytes = bytes;
      return this;
    }

    /** @return the configuration */
    public SocketConfig build() {
      return new SocketConfig(this);
    }
  }
}
