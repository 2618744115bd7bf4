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
public class ConnectSampler extends MiniSocketSampler {
  private static final long serialVersionUID = 1L;

  /** Property: {@code wx}, {@code my}, {@code uni}, {@code taro} or a custom {@link SamplerPlatform}'s id. */
  public static final String PLATFORM = "platform";
  /** Property: the address, {@code wss://...} (or {@code ws://} where the platform or the configuration allows). */
  public static final String URL = "url";
  /** Property: request headers, one {@code Name: value} per line. */
  public static final String HEADERS = "headers";
  /** Property: sub-protocols, comma-separated. */
  public static final String PROTOCOLS = "protocols";
  /**
   * Property: the platform's settings, {@code key=value} lines: wx {@code baseLibraryVersion},
   * {@code connectionLimit}; my {@code maxSockets}; uni {@code target} ({@code mp-weixin}, ...),
   * {@code connectionLimit}; taro {@code target} ({@code weapp}, ...), {@code connectionLimit}.
   */
  public static final String SETTINGS = "settings";
  /**
   * Property: the app configuration as JSON, app.json style ({@code {"networkTimeout":{"connectSocket":5000},
   * "urlCheck":false,"socketDomains":["example.com"]}}); blank for the platform's default.
   */
  public static final String CONFIG = "config";
  /** Property: a PEM file of certificates to trust instead of the JDK's trust store. */
  public static final String TRUST_PEM = "trustPem";
  /** Property: {@code true} to accept every certificate (development only). */
  public static final String TRUST_ALL = "trustAll";
  /**
   * Property: {@code thread} (the default) for a facade per virtual user — each JMeter thread is its own
   * mini-program, so the platform's limits (5 sockets on WeChat) apply per thread — or {@code engine} for one facade
   * shared by every thread of this JMeter engine that connects with the same platform, settings, configuration and
   * trust: the limits then apply to them together, as to one mini-program.
   */
  public static final String FACADE = "facade";

  private String platform = "";
  private String url = "";
  private String headers = "";
  private String protocols = "";
  private String settings = "";
  private String config = "";
  private String trustPem = "";
  private String trustAll = "";
  private String facade = "";

  @Override
  void sample(VirtualUser user, SampleResult result) {
    result.setSamplerData(text(platform) + " connectSocket " + text(url));
    user.connect(new ConnectSpec(text(platform), text(url), text(headers), text(protocols), text(settings),
        text(config), text(trustPem), bool(TRUST_ALL, trustAll), shared(), timeoutMillis()), result);
  }

  private boolean shared() {
    String scope = text(facade).toLowerCase(Locale.ROOT);
    return switch (scope) {
      case "", "thread" -> false;
      case "engine" -> true;
      default -> throw new IllegalArgumentException(FACADE + " must be thread or engine, got '" + scope + "'");
    };
  }

  /** @return {@link #PLATFORM} */
  public String getPlatform() {
    return platform;
  }

  /** @param platform {@code wx}, {@code my}, {@code uni}, {@code taro} or a custom platform's id */
  public void setPlatform(String platform) {
    this.platform = platform;
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

  /** @return {@link #SETTINGS} */
  public String getSettings() {
    return settings;
  }

  /** @param settings {@code key=value} lines */
  public void setSettings(String settings) {
    this.settings = settings;
  }

  /** @return {@link #CONFIG} */
  public String getConfig() {
    return config;
  }

  /** @param config the app configuration as JSON */
  public void setConfig(String config) {
    this.config = config;
  }

  /** @return {@link #TRUST_PEM} */
  public String getTrustPem() {
    return trustPem;
  }

  /** @param trustPem a PEM file of certificates to trust */
  public void setTrustPem(String trustPem) {
    this.trustPem = trustPem;
  }

  /** @return {@link #TRUST_ALL} */
  public String getTrustAll() {
    return trustAll;
  }

  /** @param trustAll {@code true} to accept every certificate */
  public void setTrustAll(String trustAll) {
    this.trustAll = trustAll;
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
