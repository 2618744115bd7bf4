package io.minisocket.jmeter;

/**
 * A sampler that speaks through a platform's facade: the properties that choose and configure it, shared by
 * {@link ConnectSampler} and {@link JsScenarioSampler}. See {@link MiniSocketSampler} for the lifecycle, threading and
 * what is never lost.
 */
public abstract class PlatformSampler extends MiniSocketSampler {
  private static final long serialVersionUID = 1L;

  /**
   * Property: {@code wx}, {@code my}, {@code uni}, {@code taro} or (for {@link ConnectSampler}) a custom
   * {@link SamplerPlatform}'s id.
   */
  public static final String PLATFORM = "platform";
  /**
   * Property: the platform's settings, {@code key=value} lines: wx {@code baseLibraryVersion},
   * {@code connectionLimit}; my {@code connectionLimit} (older name {@code maxSockets}); uni {@code target}
   * ({@code mp-weixin}, ...), {@code connectionLimit}; taro {@code target} ({@code weapp}, ...),
   * {@code connectionLimit}.
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

  private String platform = "";
  private String settings = "";
  private String config = "";
  private String trustPem = "";
  private String trustAll = "";

  /** @return {@link #PLATFORM} */
  public String getPlatform() {
    return platform;
  }

  /** @param platform the platform's id */
  public void setPlatform(String platform) {
    this.platform = platform;
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

  /** @return whether {@link #TRUST_ALL} is {@code true} */
  boolean trustAllCertificates() {
    return bool(TRUST_ALL, trustAll);
  }
}
