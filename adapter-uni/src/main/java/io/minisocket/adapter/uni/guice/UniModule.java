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
  private final SocketConfig config;

  /** The default settings ({@code mp-weixin}, Vue 3) and configuration. */
  public UniModule() {
    this(UniSettings.defaults());
  }

  /**
   * The given settings and the default configuration.
   *
   * @param settings the target platform and its overrides
   */
  public UniModule(UniSettings settings) {
    this(settings, SocketConfig.defaults());
  }

  /**
   * @param settings the target platform and its overrides
   * @param config   the app configuration
   */
  public UniModule(UniSettings settings, SocketConfig config) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.config = Objects.requireNonNull(config, "config");
  }

  @Provides
  @Singleton
  Uni uni(Transport transport) {
    return Uni.create(transport, settings, config);
  }
}
