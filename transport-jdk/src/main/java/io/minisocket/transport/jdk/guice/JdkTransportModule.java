package io.minisocket.transport.jdk.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.minisocket.core.transport.Transport;
import io.minisocket.transport.jdk.JdkTransport;
import io.minisocket.transport.jdk.JdkTransportOptions;
import java.util.Objects;

/**
 * Binds {@link Transport} and {@link JdkTransport} to one singleton {@link JdkTransport}.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new JdkTransportModule(), new WxModule());
 * Wx wx = injector.getInstance(Wx.class);
 * injector.getInstance(Transport.class).close(); // when done: the transport is the injector's
 * }</pre>
 */
@SuppressWarnings("exports") // Guice is optional: whoever uses this module has Guice and reads it
public final class JdkTransportModule extends AbstractModule {

  private final JdkTransportOptions options;

  /** Default options. */
  public JdkTransportModule() {
    this(JdkTransportOptions.defaults());
  }

  /**
   * The given options.
   *
   * @param options the transport settings
   */
  public JdkTransportModule(JdkTransportOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  @Override
  protected void configure() {
    bind(Transport.class).to(JdkTransport.class);
  }

  @Provides
  @Singleton
  JdkTransport jdkTransport() {
    return JdkTransport.create(options);
  }
}
