package io.minisocket.example.qq.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.transport.Transport;
import io.minisocket.example.qq.QQ;
import java.util.Objects;

/**
 * Binds {@link QQ} to one facade over the bound {@link Transport}, which another module provides (e.g.
 * {@code VertxTransportModule}) and which stays that module's to close.
 *
 * <pre>{@code
 * QQ qq = Guice.createInjector(new VertxTransportModule(), new QQModule()).getInstance(QQ.class);
 * }</pre>
 */
public final class QQModule extends AbstractModule {
  private final SocketConfig config;

  /** A facade with {@link SocketConfig#defaults()}. */
  public QQModule() {
    this(SocketConfig.defaults());
  }

  /**
   * @param config the app configuration: connect timeout, url check, socket domain allow-list, send queue bound
   */
  public QQModule(SocketConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /**
   * @param transport the bound transport
   * @return the facade
   */
  @Provides
  @Singleton
  QQ qq(Transport transport) {
    return QQ.create(transport, config);
  }
}
