package io.minisocket.transport.vertx;

import io.minisocket.core.transport.TrustSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link VertxTransport}. Immutable; build with {@link #builder()} or take {@link #defaults()}.
 *
 * <p>Trust: by default a {@code wss} server must present a certificate that the JDK's default trust store trusts,
 * for the host name in the URI. For test servers, trust a given PEM certificate ({@link Builder#trustPem}) or a
 * PKCS#12/JKS trust store ({@link Builder#trustStore}); {@link Builder#trustAll} switches verification off and is
 * for development only.
 */
public final class VertxTransportOptions {

  /** Default {@link #writeQueueMaxSize()}: 1 MiB. */
  public static final int DEFAULT_WRITE_QUEUE_MAX_SIZE = 1024 * 1024;
  /** Default {@link #maxMessageSize()}: 64 MiB. */
  public static final int DEFAULT_MAX_MESSAGE_SIZE = 64 * 1024 * 1024;
  /** Default {@link #maxFrameSize()}: 16 MiB. */
  public static final int DEFAULT_MAX_FRAME_SIZE = 16 * 1024 * 1024;
  /** Default {@link #closingTimeoutMillis()}: 10 seconds. */
  public static final long DEFAULT_CLOSING_TIMEOUT_MILLIS = 10_000;

  private static final VertxTransportOptions DEFAULTS = builder().build();

  /** The format of a trust store file. */
  public enum TrustStoreType {
    /** A PKCS#12 file ({@code .p12}, {@code .pfx}). */
    PKCS12,
    /** A Java key store ({@code .jks}). */
    JKS
  }

  private final TrustSource trust;
  private final boolean trustAll;
  private final boolean verifyHost;
  private final boolean tcpNoDelay;
  private final int writeQueueMaxSize;
  private final int maxMessageSize;
  private final int maxFrameSize;
  private final long closingTimeoutMillis;
  private final Duration pingInterval;
  private final Duration idleTimeout;
  private final Path clientCertificatePem;
  private final Path clientKeyPem;
  private final String proxyHost;
  private final int proxyPort;
  private final String proxyUsername;
  private final String proxyPassword;

  private VertxTransportOptions(Builder b) {
    this.trust = b.trust;
    this.trustAll = b.trustAll;
    this.verifyHost = b.verifyHost;
    this.tcpNoDelay = b.tcpNoDelay;
    this.writeQueueMaxSize = b.writeQueueMaxSize;
    this.maxMessageSize = b.maxMessageSize;
    this.maxFrameSize = b.maxFrameSize;
    this.closingTimeoutMillis = b.closingTimeoutMillis;
    this.pingInterval = b.pingInterval;
    this.idleTimeout = b.idleTimeout;
    this.clientCertificatePem = b.clientCertificatePem;
    this.clientKeyPem = b.clientKeyPem;
    this.proxyHost = b.proxyHost;
    this.proxyPort = b.proxyPort;
    this.proxyUsername = b.proxyUsername;
    this.proxyPassword = b.proxyPassword;
  }

  /** @return the default settings (JDK trust store, host verification on, TCP_NODELAY on) */
  public static VertxTransportOptions defaults() {
    return DEFAULTS;
  }

  /**
   * The defaults plus the trust that the {@code minisocket.tls.*} system properties name
   * ({@link TrustSource#fromSystemProperties()}), for transports made without code: {@code Wx.create()} and the
   * other facades' {@code create()} find the transport with {@link java.util.ServiceLoader}, and its provider makes
   * it with these options. Without the properties: {@link #defaults()}.
   *
   * @return the options
   * @throws IllegalArgumentException if {@value TrustSource#STORE_TYPE_PROPERTY} is neither {@code PKCS12} nor
   *     {@code JKS}
   */
  public static VertxTransportOptions fromSystemProperties() {
    return builder().trust(TrustSource.fromSystemProperties().orElse(null)).build();
  }

  /** @return a builder starting from the defaults */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder starting from these settings */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.trust = trust;
    b.trustAll = trustAll;
    b.verifyHost = verifyHost;
    b.tcpNoDelay = tcpNoDelay;
    b.writeQueueMaxSize = writeQueueMaxSize;
    b.maxMessageSize = maxMessageSize;
    b.maxFrameSize = maxFrameSize;
    b.closingTimeoutMillis = closingTimeoutMillis;
    b.pingInterval = pingInterval;
    b.idleTimeout = idleTimeout;
    b.clientCertificatePem = clientCertificatePem;
    b.clientKeyPem = clientKeyPem;
    b.proxyHost = proxyHost;
    b.proxyPort = proxyPort;
    b.proxyUsername = proxyUsername;
    b.proxyPassword = proxyPassword;
    return b;
  }

  /** @return the certificates trusted instead of the JDK's default trust store, or {@code null} for that default */
  public TrustSource trust() {
    return trust;
  }

  /** @return whether every server certificate is accepted without checks (development only) */
  public boolean trustAll() {
    return trustAll;
  }

  /** @return whether the server certificate must match the host of a {@code wss} URI (ignored with trust-all) */
  public boolean verifyHost() {
    return verifyHost;
  }

  /** @return whether TCP_NODELAY is set on the sockets */
  public boolean tcpNoDelay() {
    return tcpNoDelay;
  }

  /** @return the number of written-but-not-yet-sent bytes above which a connection reports its write queue full */
  public int writeQueueMaxSize() {
    return writeQueueMaxSize;
  }

  /** @return the largest incoming message, in bytes, after fragments are reassembled */
  public int maxMessageSize() {
    return maxMessageSize;
  }

  /** @return the largest single frame, in bytes, accepted from the server and sent to it */
  public int maxFrameSize() {
    return maxFrameSize;
  }

  /** @return how long, in milliseconds, a closing handshake may wait for the server before the socket is dropped */
  public long closingTimeoutMillis() {
    return closingTimeoutMillis;
  }

  /** @return how often an open connection sends a ping frame; {@link Duration#ZERO} (the default) for never */
  public Duration pingInterval() {
    return pingInterval;
  }

  /**
   * @return how long an open connection may receive nothing (no message, ping, pong or close) before it fails;
   *     {@link Duration#ZERO} (the default) for no limit
   */
  public Duration idleTimeout() {
    return idleTimeout;
  }

  /** @return the PEM file of the client certificate (chain) presented to servers that ask for one, or null */
  public Path clientCertificatePem() {
    return clientCertificatePem;
  }

  /** @return the PEM file of the client certificate's private key, or {@code null} */
  public Path clientKeyPem() {
    return clientKeyPem;
  }

  /** @return the HTTP proxy's host, or {@code null} for a direct connection */
  public String proxyHost() {
    return proxyHost;
  }

  /** @return the HTTP proxy's port, or 0 without a proxy */
  public int proxyPort() {
    return proxyPort;
  }

  /** @return the user name for the proxy's Basic authentication, or {@code null} */
  public String proxyUsername() {
    return proxyUsername;
  }

  /** @return the password for the proxy's Basic authentication, or {@code null} */
  public String proxyPassword() {
    return proxyPassword;
  }

  @Override
  public String toString() {
    return "VertxTransportOptions{trust=" + (trust == null ? "JDK default" : trust)
        + ", trustAll=" + trustAll + ", verifyHost=" + verifyHost + ", tcpNoDelay=" + tcpNoDelay
        + ", writeQueueMaxSize=" + writeQueueMaxSize + ", maxMessageSize=" + maxMessageSize + ", maxFrameSize="
        + maxFrameSize + ", closingTimeoutMillis=" + closingTimeoutMillis + ", pingInterval=" + pingInterval
        + ", idleTimeout=" + idleTimeout + ", clientCertificatePem="
        + clientCertificatePem + ", proxy=" + (proxyHost == null ? "none" : proxyHost + ":" + proxyPort
        + (proxyUsername == null ? "" : " as " + proxyUsername)) + "}";
  }

  /** Builds {@link VertxTransportOptions}; not thread-safe. */
  public static final class Builder {
    private TrustSource trust;
    private boolean trustAll;
    private boolean verifyHost = true;
    private boolean tcpNoDelay = true;
    private int writeQueueMaxSize = DEFAULT_WRITE_QUEUE_MAX_SIZE;
    private int maxMessageSize = DEFAULT_MAX_MESSAGE_SIZE;
    private int maxFrameSize = DEFAULT_MAX_FRAME_SIZE;
    private long closingTimeoutMillis = DEFAULT_CLOSING_TIMEOUT_MILLIS;
    private Duration pingInterval = Duration.ZERO;
    private Duration idleTimeout = Duration.ZERO;
    private Path clientCertificatePem;
    private Path clientKeyPem;
    private String proxyHost;
    private int proxyPort;
    private String proxyUsername;
    private String proxyPassword;

    private Builder() {}

    /**
     * Sends a ping frame this often while a connection is open (the server answers with a pong), which keeps
     * proxies and load balancers from dropping a quiet connection and, with {@link #idleTimeout}, detects a dead one.
     *
     * @param interval a positive duration of at least a millisecond, or {@link Duration#ZERO} for no pings
     * @return this builder
     */
    public Builder pingInterval(Duration interval) {
      this.pingInterval = millisOrZero(interval, "pingInterval");
      return this;
    }

    /**
     * Fails an open connection that has received nothing (no message, ping, pong or close) for this long: the
     * connection ends with an error naming the timeout and the socket is dropped. With {@link #pingInterval} shorter
     * than this, a live server's pongs keep the connection open.
     *
     * @param timeout a positive duration of at least a millisecond, or {@link Duration#ZERO} for no limit
     * @return this builder
     */
    public Builder idleTimeout(Duration timeout) {
      this.idleTimeout = millisOrZero(timeout, "idleTimeout");
      return this;
    }

    /**
     * A client certificate for servers that require one (mutual TLS). Both files are read when the transport is
     * created; a missing or unreadable file fails {@link VertxTransport#create} then.
     *
     * @param certificatePem the client certificate, optionally followed by its chain, as PEM
     * @param keyPem         its private key as PEM (PKCS#8 {@code PRIVATE KEY}, or {@code RSA}/{@code EC PRIVATE KEY})
     * @return this builder
     */
    public Builder clientCertificate(Path certificatePem, Path keyPem) {
      this.clientCertificatePem = Objects.requireNonNull(certificatePem, "certificatePem");
      this.clientKeyPem = Objects.requireNonNull(keyPem, "keyPem");
      return this;
    }

    /**
     * Connects through an HTTP proxy with {@code CONNECT} (for {@code ws} and {@code wss}; TLS runs end to end
     * through the tunnel).
     *
     * @param host the proxy's host
     * @param port the proxy's port, 1 to 65535
     * @return this builder
     */
    public Builder httpProxy(String host, int port) {
      if (Objects.requireNonNull(host, "host").isBlank()) {
        throw new IllegalArgumentException("proxy host must not be blank");
      }
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("proxy port must be 1 to 65535: " + port);
      }
      this.proxyHost = host;
      this.proxyPort = port;
      return this;
    }

    /**
     * Basic authentication for the {@link #httpProxy HTTP proxy}.
     *
     * @param username the user name
     * @param password the password
     * @return this builder
     */
    public Builder proxyCredentials(String username, String password) {
      this.proxyUsername = Objects.requireNonNull(username, "username");
      this.proxyPassword = Objects.requireNonNull(password, "password");
      return this;
    }

    /**
     * Trusts what a {@link TrustSource} names (a PEM file or a trust store) instead of the JDK's default trust store,
     * as {@link #trustPem} or {@link #trustStore} would.
     *
     * @param source the certificates to trust, or {@code null} for the JDK's default trust store
     * @return this builder
     */
    public Builder trust(TrustSource source) {
      this.trust = source;
      return this;
    }

    /**
     * Trusts the certificate(s) in a PEM file instead of the JDK's default trust store. Replaces a trust store set
     * with {@link #trustStore}.
     *
     * @param pemFile a file with one or more {@code -----BEGIN CERTIFICATE-----} blocks, or {@code null} for none
     * @return this builder
     */
    public Builder trustPem(Path pemFile) {
      this.trust = pemFile == null ? null : TrustSource.pem(pemFile);
      return this;
    }

    /**
     * Trusts the certificates in a PKCS#12 or JKS trust store instead of the JDK's default trust store. Replaces a
     * PEM file set with {@link #trustPem}.
     *
     * @param path     the trust store file
     * @param password its password, may be {@code null} for a store without integrity password
     * @param type     its format
     * @return this builder
     */
    public Builder trustStore(Path path, String password, TrustStoreType type) {
      this.trust = TrustSource.store(path, password,
          TrustSource.Format.valueOf(Objects.requireNonNull(type, "type").name()));
      return this;
    }

    /**
     * Accepts any server certificate and skips host verification. <strong>Development only</strong>: this makes
     * {@code wss} open to man-in-the-middle attacks. Off by default.
     *
     * @param trustAll whether to accept every certificate
     * @return this builder
     */
    public Builder trustAll(boolean trustAll) {
      this.trustAll = trustAll;
      return this;
    }

    /**
     * Whether a {@code wss} server's certificate must match the URI's host (on by default).
     *
     * @param verifyHost whether to verify the host name
     * @return this builder
     */
    public Builder verifyHost(boolean verifyHost) {
      this.verifyHost = verifyHost;
      return this;
    }

    /**
     * Whether TCP_NODELAY is set (on by default: WebSocket messages are usually small and latency-sensitive).
     *
     * @param tcpNoDelay whether to disable Nagle's algorithm
     * @return this builder
     */
    public Builder tcpNoDelay(boolean tcpNoDelay) {
      this.tcpNoDelay = tcpNoDelay;
      return this;
    }

    /**
     * The high-water mark of a connection's write queue in bytes: above it
     * {@link io.minisocket.core.transport.Connection#writeQueueFull()} is true, and
     * {@link io.minisocket.core.transport.ConnectionEvents#writable()} follows when it drains to half of it.
     *
     * @param bytes a positive number of bytes
     * @return this builder
     */
    public Builder writeQueueMaxSize(int bytes) {
      this.writeQueueMaxSize = positive(bytes, "writeQueueMaxSize");
      return this;
    }

    /**
     * The largest incoming message after reassembly; a larger one fails the connection.
     *
     * @param bytes a positive number of bytes
     * @return this builder
     */
    public Builder maxMessageSize(int bytes) {
      this.maxMessageSize = positive(bytes, "maxMessageSize");
      return this;
    }

    /**
     * The largest single frame accepted from the server; outgoing messages larger than this are split into
     * fragments.
     *
     * @param bytes a positive number of bytes
     * @return this builder
     */
    public Builder maxFrameSize(int bytes) {
      this.maxFrameSize = positive(bytes, "maxFrameSize");
      return this;
    }

    /**
     * How long a closing handshake waits for the server to answer and close before the socket is dropped (then the
     * connection ends with a failure). Rounded up to whole seconds, as Vert.x counts it.
     *
     * @param millis a positive number of milliseconds
     * @return this builder
     */
    public Builder closingTimeoutMillis(long millis) {
      if (millis <= 0) {
        throw new IllegalArgumentException("closingTimeoutMillis must be positive: " + millis);
      }
      this.closingTimeoutMillis = millis;
      return this;
    }

    /**
     * @return the options
     * @throws IllegalStateException if proxy credentials are set without a proxy
     */
    public VertxTransportOptions build() {
      if (proxyUsername != null && proxyHost == null) {
        throw new IllegalStateException("proxyCredentials need an httpProxy");
      }
      return new VertxTransportOptions(this);
    }

    private static Duration millisOrZero(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || (!value.isZero() && value.toMillis() < 1)) {
        throw new IllegalArgumentException(name + " must be zero or at least 1 ms: " + value);
      }
      return value;
    }

    private static int positive(int value, String name) {
      if (value <= 0) {
        throw new IllegalArgumentException(name + " must be positive: " + value);
      }
      return value;
    }
  }
}
