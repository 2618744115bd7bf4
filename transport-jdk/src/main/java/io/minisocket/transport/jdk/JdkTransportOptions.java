package io.minisocket.transport.jdk;

import io.minisocket.core.transport.TrustSource;
import java.nio.file.Path;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * Settings of a {@link JdkTransport}. Immutable; build with {@link #builder()} or take {@link #defaults()}.
 *
 * <p>Trust: by default a {@code wss} server must present a certificate that the JDK's default trust store trusts,
 * for the host name in the URI. For test servers, trust a given PEM certificate ({@link Builder#trustPem}) or a
 * PKCS#12/JKS trust store ({@link Builder#trustStore}), or pass a ready {@link SSLContext}
 * ({@link Builder#sslContext}); {@link Builder#trustAll} switches verification off and is for development only.
 */
public final class JdkTransportOptions {

  /** Default {@link #writeQueueMaxSize()}: 1 MiB. */
  public static final int DEFAULT_WRITE_QUEUE_MAX_SIZE = 1024 * 1024;
  /** Default {@link #maxMessageSize()}: 64 MiB. */
  public static final int DEFAULT_MAX_MESSAGE_SIZE = 64 * 1024 * 1024;
  /** Default {@link #closingTimeoutMillis()}: 10 seconds. */
  public static final long DEFAULT_CLOSING_TIMEOUT_MILLIS = 10_000;

  private static final JdkTransportOptions DEFAULTS = new Builder().build();

  /** The format of a trust store file. */
  public enum TrustStoreType {
    /** A PKCS#12 file ({@code .p12}, {@code .pfx}). */
    PKCS12,
    /** A Java key store ({@code .jks}). */
    JKS
  }

  private final TrustSource trust;
  private final SSLContext sslContext;
  private final boolean trustAll;
  private final boolean verifyHost;
  private final int writeQueueMaxSize;
  private final int maxMessageSize;
  private final long closingTimeoutMillis;

  private JdkTransportOptions(Builder b) {
    this.trust = b.trust;
    this.sslContext = b.sslContext;
    this.trustAll = b.trustAll;
    this.verifyHost = b.verifyHost;
    this.writeQueueMaxSize = b.writeQueueMaxSize;
    this.maxMessageSize = b.maxMessageSize;
    this.closingTimeoutMillis = b.closingTimeoutMillis;
  }

  /** @return the default settings (JDK trust store, host verification on) */
  public static JdkTransportOptions defaults() {
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
  public static JdkTransportOptions fromSystemProperties() {
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
    b.sslContext = sslContext;
    b.trustAll = trustAll;
    b.verifyHost = verifyHost;
    b.writeQueueMaxSize = writeQueueMaxSize;
    b.maxMessageSize = maxMessageSize;
    b.closingTimeoutMillis = closingTimeoutMillis;
    return b;
  }

  /** @return the certificates trusted instead of the JDK's default trust store, or {@code null} for that default */
  public TrustSource trust() {
    return trust;
  }

  /** @return the caller's TLS context, or {@code null} to build one from the trust settings */
  public SSLContext sslContext() {
    return sslContext;
  }

  /** @return whether every server certificate is accepted without checks (development only) */
  public boolean trustAll() {
    return trustAll;
  }

  /** @return whether the server certificate must match the host of a {@code wss} URI (ignored with trust-all) */
  public boolean verifyHost() {
    return verifyHost;
  }

  /** @return the number of sent-but-not-yet-written bytes above which a connection reports its write queue full */
  public int writeQueueMaxSize() {
    return writeQueueMaxSize;
  }

  /** @return the largest incoming message, in bytes, after its parts are reassembled */
  public int maxMessageSize() {
    return maxMessageSize;
  }

  /** @return how long, in milliseconds, a closing handshake may wait for the server before the socket is dropped */
  public long closingTimeoutMillis() {
    return closingTimeoutMillis;
  }

  @Override
  public String toString() {
    return "JdkTransportOptions{trust=" + (trust == null ? "JDK default" : trust)
        + ", sslContext=" + (sslContext != null) + ", trustAll=" + trustAll + ", verifyHost=" + verifyHost
        + ", writeQueueMaxSize=" + writeQueueMaxSize + ", maxMessageSize=" + maxMessageSize
        + ", closingTimeoutMillis=" + closingTimeoutMillis + "}";
  }

  /** Builds {@link JdkTransportOptions}; not thread-safe. */
  public static final class Builder {
    private TrustSource trust;
    private SSLContext sslContext;
    private boolean trustAll;
    private boolean verifyHost = true;
    private int writeQueueMaxSize = DEFAULT_WRITE_QUEUE_MAX_SIZE;
    private int maxMessageSize = DEFAULT_MAX_MESSAGE_SIZE;
    private long closingTimeoutMillis = DEFAULT_CLOSING_TIMEOUT_MILLIS;

    private Builder() {}

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
     * Uses the caller's TLS context for {@code wss}; the trust settings ({@link #trustPem}, {@link #trustStore},
     * {@link #trustAll}, {@link #verifyHost}) are then ignored, and the JDK client verifies host names with it.
     *
     * @param context the context, or {@code null} to build one from the trust settings
     * @return this builder
     */
    public Builder sslContext(SSLContext context) {
      this.sslContext = context;
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
     * How long a closing handshake waits for the server to answer before the socket is dropped (then the
     * connection ends with a failure).
     *
     * @param millis a positive number of milliseconds
     * @return this builder
     */
    public Builder closingTimeoutMillis(long millis) {
      if (millis <= 0) {
        throw new IllegalArgumentException("closingTimeoutMillis must be positive, got " + millis);
      }
      this.closingTimeoutMillis = millis;
      return this;
    }

    /** @return the options */
    public JdkTransportOptions build() {
      return new JdkTransportOptions(this);
    }

    private static int positive(int value, String name) {
      if (value <= 0) {
        throw new IllegalArgumentException(name + " must be positive, got " + value);
      }
      return value;
    }
  }
}
