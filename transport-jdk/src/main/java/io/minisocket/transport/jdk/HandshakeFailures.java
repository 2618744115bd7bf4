package io.minisocket.transport.jdk;

import io.minisocket.core.transport.ExplainingTrustManager;
import io.minisocket.core.transport.ExplainingTrustManager.UntrustedCertificateException;
import io.minisocket.core.transport.TransportFailure;
import io.minisocket.core.transport.TransportFailure.Kind;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocketHandshakeException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;

/** Maps what {@code java.net.http} reports for a failed opening handshake to a {@link TransportFailure}. */
final class HandshakeFailures {

  private static final int MAX_DEPTH = 16;

  private HandshakeFailures() {}

  /**
   * @param failure the cause of a failed {@code buildAsync} future
   * @param uri     where the handshake went, named in the messages
   * @return the classified failure, {@link Kind#IO} when nothing more specific matches
   */
  static TransportFailure classify(Throwable failure, URI uri) {
    Throwable top = unwrap(failure);
    Throwable c = top;
    for (int depth = 0; c != null && depth < MAX_DEPTH; depth++, c = c.getCause()) {
      TransportFailure f = classifyOne(c, top, uri);
      if (f != null) {
        return f;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return TransportFailure.of(Kind.IO, "opening handshake failed: " + describe(top), top);
  }

  private static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }

  private static TransportFailure classifyOne(Throwable c, Throwable top, URI uri) {
    if (c instanceof WebSocketHandshakeException handshake) {
      int status = handshake.getResponse() == null ? 0 : handshake.getResponse().statusCode();
      if (status != 101 && status >= 200 && status < 300) {
        return new TransportFailure(Kind.HANDSHAKE_INVALID,
            "server answered HTTP " + status + " instead of 101 Switching Protocols", status, top);
      }
      if (status != 101 && status != 0) {
        return new TransportFailure(Kind.HANDSHAKE_REJECTED,
            "server rejected the WebSocket upgrade with HTTP " + status, status, top);
      }
      String message = describe(c.getCause() == null ? c : c.getCause());
      if (message.toLowerCase(Locale.ROOT).contains("subprotocol")) {
        return TransportFailure.of(Kind.SUBPROTOCOL, message, top);
      }
      return TransportFailure.of(Kind.HANDSHAKE_INVALID, "invalid handshake response: " + message, top);
    }
    if (c instanceof HttpTimeoutException) {
      return TransportFailure.of(Kind.TIMEOUT, "timed out: " + describe(c), top);
    }
    if (c instanceof SSLException || c instanceof CertificateException || c instanceof CertPathValidatorException
        || c instanceof CertPathBuilderException) {
      return TransportFailure.of(Kind.TLS, "TLS failed: " + tlsReason(c), top);
    }
    if (c instanceof UnknownHostException || c instanceof UnresolvedAddressException) {
      return TransportFailure.of(Kind.UNKNOWN_HOST, "unknown host: " + uri.getHost(), top);
    }
    if (c instanceof ConnectException && !(c.getCause() instanceof UnresolvedAddressException)) {
      return TransportFailure.of(Kind.REFUSED, "connection refused: nothing listens at " + uri.getHost() + ":"
          + port(uri), top);
    }
    return null;
  }

  /**
   * The certificate check's own reason (self-signed, unknown issuer, expired, hostname mismatch; see
   * {@link ExplainingTrustManager}) when it is among the causes, else the first message.
   */
  private static String tlsReason(Throwable failure) {
    Throwable c = failure;
    for (int depth = 0; c != null && depth < MAX_DEPTH; depth++, c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof UntrustedCertificateException untrusted) {
        return untrusted.getMessage();
      }
    }
    return describe(failure);
  }

  private static int port(URI uri) {
    return uri.getPort() != -1 ? uri.getPort() : "wss".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private static String describe(Throwable t) {
    return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
  }
}
