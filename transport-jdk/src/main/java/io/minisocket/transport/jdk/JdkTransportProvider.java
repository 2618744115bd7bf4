package io.minisocket.transport.jdk;

import io.minisocket.core.spi.TransportProvider;
import io.minisocket.core.transport.Transport;

/**
 * Makes {@link JdkTransport} findable with {@link java.util.ServiceLoader} under the name {@code "jdk"}, for users
 * without Guice. When it is the only transport on the class path, {@code Wx.create()} (and every other facade's
 * {@code create()}) uses it; with several transports on the class path, pick one by name:
 *
 * <pre>{@code
 * Transport transport = ServiceLoader.load(TransportProvider.class).stream()
 *     .map(ServiceLoader.Provider::get)
 *     .filter(p -> p.name().equals(JdkTransportProvider.NAME))
 *     .findFirst().orElseThrow()
 *     .create();
 * }</pre>
 */
public final class JdkTransportProvider implements TransportProvider {

  /** The provider's name: {@value}. */
  public static final String NAME = "jdk";

  /** For {@link java.util.ServiceLoader}. */
  public JdkTransportProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  /**
   * @return a new {@link JdkTransport}, which its close() stops, with the defaults plus the trust that system
   *     properties name ({@link JdkTransportOptions#fromSystemProperties()})
   */
  @Override
  public Transport create() {
    return JdkTransport.create(JdkTransportOptions.fromSystemProperties());
  }
}
