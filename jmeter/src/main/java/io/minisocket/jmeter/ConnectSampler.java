package io.minisocket.jmeter;

import io.minisocket.jmeter.internal.ConnectSpec;
import io.minisocket.jmeter.internal.VirtualUser;
import java.util.Locale;
import org.apache.jmeter.samplers.SampleResult;

/**
 * Opens the thread's socket with the platform's {@code connectSocket}. The sample succeeds when the socket opens;
 * its response code is the platform's {@code errMsg} ({@code connectSocket:ok}) or Alipay's {@code error} code, its
 * response message the platform's result object ({@code {"errMsg":"connectSocket:fail exceed max concurrent
 * count"}}), its connect time and latency the time to {@code onOpen}, its response headers the handshake's.
 *
 * <p>Properties: {@link #PLATFORM}, {@link #URL}, {@link #HEADERS}, {@link #PROTOCOLS}, {@link #SETTINGS},
 * {@link #CONFIG}, {@link #TRUST_PEM}, {@link #TRUST_ALL}, {@link #FACADE}, {@link #TIMEOUT_MS}. See
 * {@link MiniSocketSampler} for the lifecycle.
 */
public class ConnectSampler extends PlatformSampler {
  private static final long serialVersionUID = 1L;

  /** Property: the address, {@code wss://...} (or {@code ws://} where the platform or the configuration allows). */
  public static final String URL = "url";
  /** Property: request headers, one {@code Name: value} per line. */
  public static final String HEADERS = "headers";
  /** Property: sub-protocols, comma-separated. */
  public static final String PROTOCOLS = "protocols";
  /**
   * Property: {@code thread} (the default) for a facade per virtual user — each JMeter thread is its own
   * mini-program, so the platform's limits (5 sockets on WeChat) apply per thread — or {@code engine} for one facade
   * shared by every thread of this JMeter engine that connects with the same platform, settings, configuration and
   * trust: the limits then apply to them together, as to one mini-program.
   */
  public static final String FACADE = "facade";

  private String url = "";
  private String headers = "";
  private String protocols = "";
  private String facade = "";

  @Override
  void sample(VirtualUser user, SampleResult result) {
    result.setSamplerData(text(getPlatform()) + " connectSocket " + text(url));
    user.connect(new ConnectSpec(text(getPlatform()), text(url), text(headers), text(protocols), text(getSettings()),
        text(getConfig()), text(getTrustPem()), trustAllCertificates(), shared(), timeoutMillis()), result);
  }

  private boolean shared() {
    String scope = text(facade).toLowerCase(Locale.ROOT);
    return switch (scope) {
      case "", "thread" -> false;
      case "engine" -> true;
      default -> throw new IllegalArgumentException(FACADE + " must be thread or engine, got '" + scope + "'");
    };
  }



  /** @return {@link #URL} */
  public String getUrl() {
    return url;
  }

  /** @param url the address */
  public void setUrl(String url) {
    this.url = url;
  }

  /** @return {@link #HEADERS} */
  public String getHeaders() {
    return headers;
  }

  /** @param headers one {@code Name: value} per line */
  public void setHeaders(String headers) {
    this.headers = headers;
  }

  /** @return {@link #PROTOCOLS} */
  public String getProtocols() {
    return protocols;
  }

  /** @param protocols comma-separated */
  public void setProtocols(String protocols) {
    this.protocols = protocols;
  }









  /** @return {@link #FACADE} */
  public String getFacade() {
    return facade;
  }

  /** @param facade {@code thread} or {@code engine} */
  public void setFacade(String facade) {
    this.facade = facade;
  }
}
