package io.minisocket.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.minisocket.core.transport.TransportFailure;
import io.minisocket.core.transport.TransportFailure.Kind;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/**
 * The classification of what {@code java.net.http} throws, for the failures a test cannot provoke without the
 * machine's DNS (the others run end to end in the contract kit).
 */
class HandshakeFailuresTest {
  private static final URI TARGET = URI.create("wss://chat.example.test/room");

  private static TransportFailure classify(Throwable t) {
    return HandshakeFailures.classify(new CompletionException(t), TARGET);
  }

  @Test
  void anUnresolvableHostIsUnknownHostAndNamed() {
    ConnectException e = new ConnectException();
    e.initCause(new UnresolvedAddressException());
    TransportFailure f = classify(e);
    assertThat(f.kind()).isEqualTo(Kind.UNKNOWN_HOST);
    assertThat(f.message()).isEqualTo("unknown host: chat.example.test");
  }

  @Test
  void aRefusedConnectionNamesTheAddress() {
    TransportFailure f = classify(new ConnectException());
    assertThat(f.kind()).isEqualTo(Kind.REFUSED);
    assertThat(f.message()).isEqualTo("connection refused: nothing listens at chat.example.test:443");
  }

  @Test
  void timeoutsAndTlsFailuresAreClassifiedInsideWrappers() {
    assertThat(classify(new HttpConnectTimeoutException("HTTP connect timed out")).kind()).isEqualTo(Kind.TIMEOUT);
    assertThat(classify(new SSLHandshakeException("PKIX path building failed")).message())
        .isEqualTo("TLS failed: PKIX path building failed");
  }

  @Test
  void anythingElseIsIoAndSaysWhat() {
    TransportFailure f = classify(new IllegalStateException("odd"));
    assertThat(f.kind()).isEqualTo(Kind.IO);
    assertThat(f.message()).isEqualTo("opening handshake failed: odd");
  }
}
