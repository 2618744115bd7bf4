package io.minisocket.core.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code minisocket.tls.*} properties every transport reads its trust from, when made without code. */
class TrustSourceTest {

  private static TrustSource read(Map<String, String> properties) {
    return TrustSource.fromProperties(properties::get).orElse(null);
  }

  @Test
  void aPemFileWinsOverATrustStore() {
    assertThat(read(Map.of(TrustSource.PEM_PROPERTY, "server.pem", TrustSource.STORE_PROPERTY, "trust.p12")))
        .isEqualTo(TrustSource.pem(Path.of("server.pem")));
  }

  @Test
  void aTrustStoreIsPkcs12UnlessTheTypeSaysJksInAnyCase() {
    assertThat(read(Map.of(TrustSource.STORE_PROPERTY, "trust.p12")))
        .isEqualTo(TrustSource.store(Path.of("trust.p12"), null, TrustSource.Format.PKCS12));
    assertThat(read(Map.of(TrustSource.STORE_PROPERTY, "trust.jks", TrustSource.STORE_PASSWORD_PROPERTY, "changeit",
        TrustSource.STORE_TYPE_PROPERTY, " jks ")))
        .isEqualTo(TrustSource.store(Path.of("trust.jks"), "changeit", TrustSource.Format.JKS));
  }

  @Test
  void blankOrMissingPropertiesNameNoTrust() {
    assertThat(TrustSource.fromProperties(name -> null)).isEmpty();
    assertThat(read(Map.of(TrustSource.PEM_PROPERTY, " ", TrustSource.STORE_PROPERTY, ""))).isNull();
  }

  @Test
  void anUnknownOrPemStoreTypeIsNamed() {
    assertThatThrownBy(() -> read(Map.of(TrustSource.STORE_PROPERTY, "trust.p12",
        TrustSource.STORE_TYPE_PROPERTY, "PEM")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("minisocket.tls.trustStoreType must be PKCS12 or JKS, got PEM");
    assertThatThrownBy(() -> TrustSource.store(Path.of("x.pem"), null, TrustSource.Format.PEM))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("use pem(file)");
  }

  @Test
  void thePasswordIsNeverPrinted() {
    assertThat(TrustSource.store(Path.of("trust.p12"), "secret", TrustSource.Format.PKCS12).toString())
        .isEqualTo("PKCS12 trust.p12").doesNotContain("secret");
  }
}
