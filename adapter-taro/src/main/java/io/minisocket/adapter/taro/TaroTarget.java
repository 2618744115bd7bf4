package io.minisocket.adapter.taro;

import io.minisocket.core.spi.HostPlatform;
import java.util.Locale;

/**
 * The environment a Taro app is compiled for ({@code process.env.TARO_ENV}): a {@linkplain #host() host platform}
 * whose facts decide what Taro's support table says differs between them — whether the deprecated global socket API
 * ({@code Taro.onSocketOpen}, {@code Taro.sendSocketMessage}, ...) exists and whether its handlers replace or add up,
 * and whether {@code wss://} is required. Taro's overlay (see {@link TaroSettings}) adds the rest.
 */
public enum TaroTarget {
  /** WeChat mini-program ({@code weapp}): global API present, one handler per event, wss required. */
  WEAPP(HostPlatform.WECHAT),
  /** Alipay mini-program ({@code alipay}): global API present, handlers add up, wss required. */
  ALIPAY(HostPlatform.ALIPAY),
  /** Baidu smart program ({@code swan}): global API present, one handler per event, wss required. */
  SWAN(HostPlatform.BAIDU),
  /** The browser ({@code h5}): no global API, {@code ws://} allowed. */
  H5(HostPlatform.BROWSER),
  /** React Native ({@code rn}): no global API, {@code ws://} allowed. */
  RN(HostPlatform.REACT_NATIVE);

  private final HostPlatform host;

  TaroTarget(HostPlatform host) {
    this.host = host;
  }

  /** @return the platform the target runs on, whose facts apply under Taro's overlay */
  public HostPlatform host() {
    return host;
  }

  /** @return whether the deprecated global socket API works on this target (a tick in Taro's support table) */
  public boolean globalApi() {
    return host.profile().globalApi();
  }

  /** @return the name Taro uses for it in {@code process.env.TARO_ENV}: weapp, alipay, swan, h5 or rn */
  public String taroEnv() {
    return name().toLowerCase(Locale.ROOT);
  }
}
