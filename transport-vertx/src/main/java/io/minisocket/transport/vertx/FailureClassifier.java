package io.minisocket.transport.vertx;

import io.minisocket.core.transport.ExplainingTrustManager;
import io.minisocket.core.transport.ExplainingTrustManager.UntrustedCertificateException;
import io.minisocket.core.transport.TransportFailure;
import io.minisocket.core.transport.TransportFailure.Kind;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import io.vertx.core.http.UpgradeRejectedException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/** Maps what Vert.x and Netty throw while opening a WebSocket to a {@link TransportFailure}. */
final class FailureClassifier {

  private static final int MAX_DEPTH = 16;
  /** The JDK's wording for a TLS alert the peer sent: "Received fatal alert: handshake_failure". */
  private static final Pattern ALERT = Pattern.compile("Received fatal alert: (\\w+)");
  private static final Map<String, String> ALERT_HINTS = Map.of(
      "certificate_required", " (it requires a client certificate)",
      "bad_certificate", " (it refused the client certificate, or needs one)",
      "handshake_failure", " (no protocol version or cipher suite in common, or a client certificate is needed)",
      "protocol_version", " (no TLS version in common)",
      "unknown_ca", " (it does not trust the client certificate's issuer)");

  private FailureClassifier() {}

  /**
   * @param failure the cause of a failed connect future
   * @return the classified failure, {@link Kind#IO} when nothing more specific matches
   */
  static TransportFailure classify(Throwable failure) {
    Throwable c = failure;
    for (int depth = 0; c != null && depth < MAX_DEPTH; depth++, c = c.getCause()) {
      TransportFailure f = classifyOne(c, failure);
      if (f != null) {
        return f;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return TransportFailure.of(Kind.IO, describe(failure), failure);
  }

  private static TransportFailure classifyOne(Throwable c, Throwable top) {
    if (c instanceof UpgradeRejectedException rejected) {
      int status = rejected.getStatus();
      if (status >= 200 && status < 300) {
        return new TransportFailure(Kind.HANDSHAKE_INVALID,
            "server answered HTTP " + status + " instead of 101 Switching Protocols", status, top);
      }
      return new TransportFailure(Kind.HANDSHAKE_REJECTED,
          "server rejected the WebSocket upgrade with HTTP " + status, status, top);
    }
    if (c instanceof WebSocketHandshakeException) {
      String message = String.valueOf(c.getMessage());
      String lower = message.toLowerCase(Locale.ROOT);
      if (lower.contains("subprotocol")) {
        return TransportFailure.of(Kind.SUBPROTOCOL, message, top);
      }
      if (lower.contains("connection closed")) {
        return TransportFailure.of(Kind.IO, "server closed the connection during the opening handshake", top);
      }
      return TransportFailure.of(Kind.HANDSHAKE_INVALID, "invalid handshake response: " + message, top);
    }
    if (c instanceof SslHandshakeTimeoutException) {
      return TransportFailure.of(Kind.TIMEOUT, "TLS handshake timed out", top);
    }
    if (c instanceof SSLException || c instanceof CertificateException || c instanceof CertPathValidatorException
        || c instanceof CertPathBuilderException) {
      return TransportFailure.of(Kind.TLS, "TLS failed: " + tlsReason(c), top);
    }
    if (c instanceof ConnectTimeoutException || c instanceof SocketTimeoutException || c instanceof TimeoutException) {
      return TransportFailure.of(Kind.TIMEOUT, "timed out: " + describe(c), top);
    }
    if (c instanceof UnknownHostException) {
      return TransportFailure.of(Kind.UNKNOWN_HOST, "unknown host: " + describe(c), top);
    }
    if (c instanceof ConnectException) {
      return TransportFailure.of(Kind.REFUSED, "connection refused: " + describe(c), top);
    }
    return null;
  }

  /**
   * Why TLS failed, as specific as the causes allow: the certificate check's own reason (self-signed, unknown
   * issuer, expired, hostname mismatch; see {@link ExplainingTrustManager}), else the alert the server sent, else the
   * first message.
   */
  private static String tlsReason(Throwable failure) {
    String alert = null;
    Throwable c = failure;
    for (int depth = 0; c != null && depth < MAX_DEPTH; depth++, c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof UntrustedCertificateException untrusted) {
        return untrusted.getMessage();
      }
      Matcher m = ALERT.matcher(String.valueOf(c.getMessage()));
      if (alert == null && m.find()) {
        alert = "handshake alert " + m.group(1) + " from the server" + ALERT_HINTS.getOrDefault(m.group(1), "");
      }
    }
    return alert != null ? alert : describe(failure);
  }

  private static String describe(Throwable t) {
    return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
  }
}
