package io.minisocket.adapter.wx.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.minisocket.adapter.wx.Wx;
import io.minisocket.adapter.wx.WxSettings;
import io.minisocket.core.transport.Transport;
import java.util.Objects;

/**
 * Binds {@link Wx} to one singleton facade over the bound {@link Transport}, which another module provides (e.g.
 * {@code VertxTransportModule}) and which stays that module's to close.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new VertxTransportModule(), new WxModule());
 * Wx wx = injector.getInstance(Wx.class);
 * }</pre>
 */
@SuppressWarnings("exports") // Guice is optional: whoever uses this module has Guice and reads it
public final class WxModule extends AbstractModule {
  private final WxSettings settings;

  /** A facade with {@link WxSettings#defaults()}. */
  public WxModule() {
    this(WxSettings.defaults());
  }

  /**
   * A facade with the given settings.
   *
   * @param settings the base library version, limit and app configuration to emulate
   */
  public WxModule(WxSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * @param transport the bound transport
   * @return the facade
   */
  @Provides
  @Singleton
  Wx wx(Transport transport) {
    return Wx.create(transport, settings);
  }
}
