package io.minisocket.adapter.my.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.minisocket.adapter.my.My;
import io.minisocket.adapter.my.MySettings;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.transport.Transport;
import java.util.Objects;

/**
 * Provides one {@link My} over the bound {@link Transport} (e.g. from {@code VertxTransportModule}).
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new VertxTransportModule(), new MyModule());
 * My my = injector.getInstance(My.class);
 * }</pre>
 *
 * <p>The transport stays the injector's: closing the {@code My} ends its sockets but leaves the transport open;
 * close the transport when done.
 */
@SuppressWarnings("exports") // Guice is optional: whoever uses this module has Guice and reads it
public final class MyModule extends AbstractModule {
  private final MySettings settings;

  /** Default settings ({@link MySettings#defaults()}: Alipay's 30 s connect timeout). */
  public MyModule() {
    this(MySettings.defaults());
  }

  /**
   * The given settings.
   *
   * @param settings the Alipay-side switches, limit, app configuration and event loop
   */
  public MyModule(MySettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * The given settings and configuration.
   *
   * @param settings the Alipay-side switches
   * @param config   the app configuration (timeout, url check, domain allow-list, send queue bound)
   * @deprecated the configuration is in the settings, as for every facade:
   *     {@code new MyModule(settings.toBuilder().config(config).build())}
   */
  @Deprecated(since = "0.1.0", forRemoval = false)
  public MyModule(MySettings settings, SocketConfig config) {
    this(settings.toBuilder().config(config).build());
  }

  @Provides
  @Singleton
  My my(Transport transport) {
    return My.create(transport, settings);
  }
}
