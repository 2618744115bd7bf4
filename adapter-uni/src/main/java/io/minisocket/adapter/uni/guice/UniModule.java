package io.minisocket.adapter.uni.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.minisocket.adapter.uni.Uni;
import io.minisocket.adapter.uni.UniSettings;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.transport.Transport;
import java.util.Objects;

/**
 * Provides one {@link Uni} over the bound {@link Transport} (for example from
 * {@code io.minisocket.transport.vertx.guice.VertxTransportModule}).
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new VertxTransportModule(),
 *     new UniModule(UniSettings.of(UniPlatform.APP)));
 * Uni uni = injector.getInstance(Uni.class);
 * }</pre>
 *
 * <p>The transport stays the injector's: closing the {@link Uni} ends its sockets, not the transport.
 */
@SuppressWarnings("exports") // Guice is optional: whoever uses this module has Guice and reads it
public final class UniModule extends AbstractModule {
  private final UniSettings settings;

  /** The default settings ({@code mp-weixin}, Vue 3, {@link io.minisocket.core.SocketConfig#defaults()}). */
  public UniModule() {
    this(UniSettings.defaults());
  }

  /**
   * The given settings.
   *
   * @param settings the target platform, its overrides, the app configuration and the event loop
   */
  public UniModule(UniSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * @param settings the target platform and its overrides
   * @param config   the app configuration
   * @deprecated the configuration is in the settings, as for every facade:
   *     {@code new UniModule(settings.toBuilder().config(config).build())}
   */
  @Deprecated(since = "0.1.0", forRemoval = false)
  public UniModule(UniSettings settings, SocketConfig config) {
    this(settings.toBuilder().config(config).build());
  }

  @Provides
  @Singleton
  Uni uni(Transport transport) {
    return Uni.create(transport, settings);
  }
}
