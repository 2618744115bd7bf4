package io.minisocket.adapter.taro;

import io.minisocket.core.spi.Policies.GlobalHandlers;
import java.util.Locale;

/**
 * The environment a Taro app is compiled for ({@code process.env.TARO_ENV}). It decides what Taro's support table
 * says differs between them: whether the deprecated global socket API ({@code Taro.onSocketOpen},
 * {@code Taro.sendSocketMessage}, ...) exists, and whether {@code wss://} is required.
 */
public enum TaroTarget {
  /** WeChat mini-program ({@code weapp}): global API present, one handler per event, wss required. */
  WEAPP(true, GlobalHandlers.REPLACE, true),
  /** Alipay mini-program ({@code alipay}): global API present, handlers add up, wss required. */
  ALIPAY(true, GlobalHandlers.ADD, true),
  /** Baidu smart program ({@code swan}): global API present, one handler per event, wss required. */
  SWAN(true, GlobalHandlers.REPLACE, true),
  /** The browser ({@code h5}): no global API, {@code ws://} allowed. */
  H5(false, GlobalHandlers.REPLACE, false),
  /** React Native ({@code rn}): no global API, {@code ws://} allowed. */
  RN(false, GlobalHandlers.REPLACE, false);

  private final boolean globalApi;
  private final GlobalHandlers globalHandlers;
  private final boolean wssRequired;

  TaroTarget(boolean globalApi, GlobalHandlers globalHandlers, boolean wssRequired) {
    this.globalApi = globalApi;
    this.globalHandlers = globalHandlers;
    this.wssRequired = wssRequired;
  }

  /** @return whether the deprecated global socket API works on this target (a tick in Taro's support table) */
  public boolean globalApi() {
    return globalApi;
  }

  /** @return whether a new {@code onSocketX} handler replaces the previous one or adds to it */
  GlobalHandlers globalHandlers() {
    return globalHandlers;
  }

  /** @return whether the target requires {@code wss://} (mini-programs do; browsers and React Native do not) */
  boolean wssRequired() {
    return wssRequired;
  }

  /** @return the name Taro uses for it in {@code process.env.TARO_ENV}: weapp, alipay, swan, h5 or rn */
  public String taroEnv() {
    return name().toLowerCase(Locale.ROOT);
  }
}
