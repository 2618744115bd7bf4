package io.minisocket.transport.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import io.minisocket.core.transport.TransportFailure;
import io.minisocket.core.transport.TransportFailure.Kind;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import io.vertx.core.MultiMap;
import io.vertx.core.VertxException;
import io.vertx.core.http.UpgradeRejectedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class FailureClassifierTest {

  private static TransportFailure classify(Throwable t) {
    return FailureClassifier.classify(t);
  }

  @Test
  void connectErrors() {
    assertThat(classify(new ConnectException("Connection refused")).kind()).isEqualTo(Kind.REFUSED);
    assertThat(classify(new ConnectTimeoutException("connection timed out")).kind()).isEqualTo(Kind.TIMEOUT);
    assertThat(classify(new UnknownHostException("nowhere.invalid")).kind()).isEqualTo(Kind.UNKNOWN_HOST);
    assertThat(classify(new VertxException(new UnknownHostException("x"))).kind()).isEqualTo(Kind.UNKNOWN_HOST);
  }

  @Test
  void tlsErrorsAlsoWhenWrapped() {
    assertThat(classify(new DecoderException(new SSLHandshakeException("PKIX path building failed"))).kind())
        .isEqualTo(Kind.TLS);
    assertThat(classify(new VertxException(new CertificateException("bad"))).kind()).isEqualTo(Kind.TLS);
    assertThat(classify(new SslHandshakeTimeoutException("handshake timed out after 500ms")).kind())
        .isEqualTo(Kind.TIMEOUT);
  }

  @Test
  void upgradeAnswers() {
    TransportFailure rejected = classify(new UpgradeRejectedException("no", 403, MultiMap.caseInsensitiveMultiMap(), null));
    assertThat(rejected.kind()).isEqualTo(Kind.HANDSHAKE_REJECTED);
    assertThat(rejected.httpStatus()).isEqualTo(403);
    TransportFailure ok = classify(new UpgradeRejectedException("no", 200, MultiMap.caseInsensitiveMultiMap(), null));
    assertThat(ok.kind()).isEqualTo(Kind.HANDSHAKE_INVALID);
    assertThat(ok.httpStatus()).isEqualTo(200);
    assertThat(classify(new UpgradeRejectedException("redirect", 302, null, null)).kind())
        .isEqualTo(Kind.HANDSHAKE_REJECTED);
  }

  @Test
  void nettyHandshakeChecks() {
    assertThat(classify(new WebSocketClientHandshakeException("Invalid subprotocol. Actual: x. Expected one of: y"))
        .kind()).isEqualTo(Kind.SUBPROTOCOL);
    assertThat(classify(new WebSocketClientHandshakeException("Invalid challenge. Actual: a. Expected: b")).kind())
        .isEqualTo(Kind.HANDSHAKE_INVALID);
    assertThat(classify(new WebSocketHandshakeException("Connection closed while handshake in process")).kind())
        .isEqualTo(Kind.IO);
  }

  @Test
  void everythingElseIsIo() {
    TransportFailure f = classify(new IOException("Connection reset by peer"));
    assertThat(f.kind()).isEqualTo(Kind.IO);
    assertThat(f.message()).contains("reset");
    assertThat(f.cause()).isInstanceOf(IOException.class);
    assertThat(classify(new IllegalStateException()).message()).isNotBlank();
  }
}
