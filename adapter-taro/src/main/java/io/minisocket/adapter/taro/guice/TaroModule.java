package io.minisocket.adapter.taro.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.minisocket.adapter.taro.Taro;
import io.minisocket.adapter.taro.TaroSettings;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.transport.Transport;
import java.util.Objects;

/**
 * Provides one singleton {@link Taro} over the bound {@link Transport} (for instance from
 * {@code VertxTransportModule}); the transport stays the injector's, closing the facade does not close it.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new VertxTransportModule(), new TaroModule());
 * Taro taro = injector.getInstance(Taro.class);
 * }</pre>
 */
@SuppressWarnings("exports") // Guice is optional: whoever uses this module has Guice and reads it
public final class TaroModule extends AbstractModule {
  private final TaroSettings settings;

  /** Default settings ({@link TaroSettings#defaults()}). */
  public TaroModule() {
    this(TaroSettings.defaults());
  }

  /**
   * The given settings.
   *
   * @param settings target, connection limit, Promise timing, app configuration and event loop
   */
  public TaroModule(TaroSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * @param settings target, connection limit and Promise timing
   * @param config   the app configuration: connect timeout, url check, socket domain allow-list, send queue bound
   * @deprecated the configuration is in the settings, as for every facade:
   *     {@code new TaroModule(settings.toBuilder().config(config).build())}
   */
  @Deprecated(since = "0.1.0", forRemoval = false)
  public TaroModule(TaroSettings settings, SocketConfig config) {
    this(settings.toBuilder().config(config).build());
  }

  @Provides
  @Singleton
  Taro taro(Transport transport) {
    return Taro.create(transport, settings);
  }
}
