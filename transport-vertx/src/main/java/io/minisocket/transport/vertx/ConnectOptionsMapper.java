package io.minisocket.transport.vertx;

import io.minisocket.core.transport.ConnectRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;

/** Turns a {@link ConnectRequest} into Vert.x {@link WebSocketConnectOptions}. */
final class ConnectOptionsMapper {

  private ConnectOptionsMapper() {}

  /**
   * @param request       the request
   * @param timeoutMillis the budget for TCP connect and the opening handshake
   * @return the options
   * @throws IllegalArgumentException if the URI is not a usable ws/wss URI
   */
  static WebSocketConnectOptions map(ConnectRequest request, long timeoutMillis) {
    URI uri = request.uri();
    String scheme = uri.getScheme();
    boolean ssl = "wss".equalsIgnoreCase(scheme);
    if (!ssl && !"ws".equalsIgnoreCase(scheme)) {
      throw new IllegalArgumentException("not a ws:// or wss:// URI: " + uri);
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("no host in " + uri);
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = uri.getPort() == -1 ? (ssl ? 443 : 80) : uri.getPort();
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (uri.getRawQuery() != null) {
      path = path + "?" + uri.getRawQuery();
    }
    WebSocketConnectOptions options = new WebSocketConnectOptions()
        .setHost(host)
        .setPort(port)
        .setSsl(ssl)
        .setURI(path)
        .setConnectTimeout(timeoutMillis)
        .setTimeout(timeoutMillis)
        .setMethod(HttpMethod.valueOf(request.method().toUpperCase(Locale.ROOT)));
    boolean origin = false;
    for (Map.Entry<String, String> h : request.headers().entrySet()) {
      options.addHeader(h.getKey(), h.getValue());
      origin |= "origin".equalsIgnoreCase(h.getKey());
    }
    // Netty adds a default Origin header unless told not to; Vert.x then removes *every* Origin, so only allow it
    // when the caller supplied one.
    options.setAllowOriginHeader(origin);
    if (!request.protocols().isEmpty()) {
      options.setSubProtocols(new ArrayList<>(request.protocols()));
    }
    return options;
  }
}
