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

  @Override
  void sample(VirtualUser user, SampleResult result) {
    result.setSamplerData(text(PLATFORM) + " connectSocket " + text(URL));
    user.connect(new ConnectSpec(text(PLATFORM), text(URL), getPropertyAsString(HEADERS), text(PROTOCOLS),
        getPropertyAsString(SETTINGS), text(CONFIG), text(TRUST_PEM), booleanProperty(TRUST_ALL), shared(),
        timeoutMillis()), result);
  }

  private boolean shared() {
    String facade = text(FACADE).toLowerCase(Locale.ROOT);
    return switch (facade) {
      case "", "thread" -> false;
      case "engine" -> true;
      default -> throw new IllegalArgumentException(FACADE + " must be thread or engine, got '" + facade + "'");
    };
  }

  /** @param platform {@code wx}, {@code my}, {@code uni}, {@code taro} or a custom platform's id */
  public void setPlatform(String platform) {
    setProperty(PLATFORM, platform);
  }

  /** @param url the address */
  public void setUrl(String url) {
    setProperty(URL, url);
  }

  /** @param headers one {@code Name: value} per line */
  public void setHeaders(String headers) {
    setProperty(HEADERS, headers);
  }

  /** @param protocols comma-separated */
  public void setProtocols(String protocols) {
    setProperty(PROTOCOLS, protocols);
  }

  /** @param settings {@code key=value} lines */
  public void setSettings(String settings) {
    setProperty(SETTINGS, settings);
  }

  /** @param config the app configuration as JSON */
  public void setConfig(String config) {
    setProperty(CONFIG, config);
  }

  /** @param pemFile a PEM file of certificates to trust */
  public void setTrustPem(String pemFile) {
    setProperty(TRUST_PEM, pemFile);
  }

  /** @param trustAll {@code true} to accept every certificate */
  public void setTrustAll(String trustAll) {
    setProperty(TRUST_ALL, trustAll);
  }

  /** @param facade {@code thread} or {@code engine} */
  public void setFacade(String facade) {
    setProperty(FACADE, facade);
  }
}
