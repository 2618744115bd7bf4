package io.minisocket.core.transport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Which certificates a {@code wss} client trusts instead of the JDK's default trust store: a PEM file, or a PKCS#12
 * or JKS trust store with its password. Every transport's options accept one, and
 * {@link #fromSystemProperties()} reads it from the {@code minisocket.tls.*} system properties, so that transports
 * made without code ({@code Wx.create()} and the other facades find them with {@link java.util.ServiceLoader})
 * can be told what to trust:
 *
 * <pre>{@code java -Dminisocket.tls.trustPem=server-cert.pem -jar app.jar}</pre>
 *
 * <p>Immutable; nothing is read from the file until a transport is created with it ({@link #trustManager}).
 */
public final class TrustSource {

  /** System property: a PEM file of certificates to trust. */
  public static final String PEM_PROPERTY = "minisocket.tls.trustPem";
  /** System property: a trust store file to trust (used when {@value #PEM_PROPERTY} is not set). */
  public static final String STORE_PROPERTY = "minisocket.tls.trustStore";
  /** System property: the trust store's password. */
  public static final String STORE_PASSWORD_PROPERTY = "minisocket.tls.trustStorePassword";
  /** System property: the trust store's format, {@code PKCS12} (the default) or {@code JKS}. */
  public static final String STORE_TYPE_PROPERTY = "minisocket.tls.trustStoreType";

  /** Every system property {@link #fromSystemProperties()} reads. */
  public static final List<String> PROPERTIES =
      List.of(PEM_PROPERTY, STORE_PROPERTY, STORE_PASSWORD_PROPERTY, STORE_TYPE_PROPERTY);

  /** The format of the trusted file. */
  public enum Format {
    /** One or more {@code -----BEGIN CERTIFICATE-----} blocks. */
    PEM,
    /** A PKCS#12 trust store ({@code .p12}, {@code .pfx}). */
    PKCS12,
    /** A Java key store ({@code .jks}). */
    JKS
  }

  private final Path file;
  private final Format format;
  private final String password;

  private TrustSource(Path file, Format format, String password) {
    this.file = Objects.requireNonNull(file, "file");
    this.format = format;
    this.password = password;
  }

  /**
   * @param pemFile a file with one or more PEM certificates
   * @return a source trusting them
   */
  public static TrustSource pem(Path pemFile) {
    return new TrustSource(pemFile, Format.PEM, null);
  }

  /**
   * @param storeFile the trust store file
   * @param password  its password, or {@code null} for a store without integrity password
   * @param format    {@link Format#PKCS12} or {@link Format#JKS}
   * @return a source trusting the store's certificates
   * @throws IllegalArgumentException if {@code format} is {@link Format#PEM}
   */
  public static TrustSource store(Path storeFile, String password, Format format) {
    if (Objects.requireNonNull(format, "format") == Format.PEM) {
      throw new IllegalArgumentException("a trust store is PKCS12 or JKS; use pem(file) for a PEM file");
    }
    return new TrustSource(storeFile, format, password);
  }

  /**
   * Reads {@value #PEM_PROPERTY}, or else {@value #STORE_PROPERTY} with {@value #STORE_PASSWORD_PROPERTY} and
   * {@value #STORE_TYPE_PROPERTY}.
   *
   * @return the trust the system properties name, or empty when they name none (blank counts as unset)
   * @throws IllegalArgumentException if {@value #STORE_TYPE_PROPERTY} is neither {@code PKCS12} nor {@code JKS}
   */
  public static Optional<TrustSource> fromSystemProperties() {
    return fromProperties(System::getProperty);
  }

  /**
   * As {@link #fromSystemProperties()}, from any property lookup (for example a configuration file's entries).
   *
   * @param properties gives a property's value by name, or {@code null} when it is unset
   * @return the trust the properties name, or empty
   * @throws IllegalArgumentException if {@value #STORE_TYPE_PROPERTY} is neither {@code PKCS12} nor {@code JKS}
   */
  public static Optional<TrustSource> fromProperties(UnaryOperator<String> properties) {
    String pem = properties.apply(PEM_PROPERTY);
    if (pem != null && !pem.isBlank()) {
      return Optional.of(pem(Path.of(pem.trim())));
    }
    String store = properties.apply(STORE_PROPERTY);
    if (store == null || store.isBlank()) {
      return Optional.empty();
    }
    String type = Objects.requireNonNullElse(properties.apply(STORE_TYPE_PROPERTY), Format.PKCS12.name()).trim();
    Format format = Arrays.stream(Format.values())
        .filter(f -> f != Format.PEM && f.name().equals(type.toUpperCase(Locale.ROOT)))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(STORE_TYPE_PROPERTY + " must be PKCS12 or JKS, got " + type));
    return Optional.of(store(Path.of(store.trim()), properties.apply(STORE_PASSWORD_PROPERTY), format));
  }

  /** @return the trusted file */
  public Path file() {
    return file;
  }

  /** @return its format */
  public Format format() {
    return format;
  }

  /** @return the trust store's password, or {@code null} (always for a PEM file) */
  public String password() {
    return password;
  }

  /**
   * The JDK's certificate checks (PKIX path building and, when the TLS engine asks, host name verification) over
   * the certificates a source names; transports wrap it in an {@link ExplainingTrustManager}.
   *
   * @param source what to trust, or {@code null} for the JDK's default trust store
   * @return a trust manager that trusts exactly those certificates
   * @throws IllegalArgumentException if the file cannot be read, holds no certificate, or the store cannot be
   *     opened (wrong password or format); the message names the file
   */
  public static X509ExtendedTrustManager trustManager(TrustSource source) {
    try {
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(source == null ? null : source.load());
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509ExtendedTrustManager x509) {
          return x509;
        }
      }
      throw new IllegalStateException("the JDK's " + factory.getAlgorithm() + " trust manager factory made no "
          + "X509ExtendedTrustManager");
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot set up certificate trust: " + e.getMessage(), e);
    }
  }

  private KeyStore load() {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read trust file " + file, e);
    }
    try (InputStream in = new ByteArrayInputStream(bytes)) {
      if (format != Format.PEM) {
        KeyStore store = KeyStore.getInstance(format.name());
        store.load(in, password == null ? null : password.toCharArray());
        return store;
      }
      Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
          .generateCertificates(in);
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException("no certificate in " + file);
      }
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate certificate : certificates) {
        store.setCertificateEntry("trusted-" + i++, certificate);
      }
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException(format == Format.PEM ? "not a PEM certificate file: " + file
          : "cannot load " + format + " trust store " + file, e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrustSource t && file.equals(t.file) && format == t.format
        && Objects.equals(password, t.password);
  }

  @Override
  public int hashCode() {
    return Objects.hash(file, format, password);
  }

  /** @return the file and its format; never the password */
  @Override
  public String toString() {
    return format + " " + file;
  }
}
