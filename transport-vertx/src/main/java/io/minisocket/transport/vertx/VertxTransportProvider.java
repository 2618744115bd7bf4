package io.minisocket.transport.vertx;

import io.minisocket.core.spi.TransportProvider;
import io.minisocket.core.transport.Transport;

/**
 * Makes {@link VertxTransport} findable with {@link java.util.ServiceLoader} under the name {@code "vertx"}, for
 * users without Guice:
 *
 * <pre>{@code
 * Transport transport = ServiceLoader.load(TransportProvider.class).stream()
 *     .map(ServiceLoader.Provider::get)
 *     .filter(p -> p.name().equals("vertx"))
 *     .findFirst().orElseThrow()
 *     .create();
 * }</pre>
 */
public final class VertxTransportProvider implements TransportProvider {

  /** The provider's name: {@value}. */
  public static final String NAME = "vertx";

  /** For {@link java.util.ServiceLoader}. */
  public VertxTransportProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  /**
   * @return a new {@link VertxTransport} on its own Vert.x, which its close() stops, with the defaults plus the trust
   *     that system properties name ({@link VertxTransportOptions#fromSystemProperties()})
   */
  @Override
  public Transport create() {
    return VertxTransport.create(VertxTransportOptions.fromSystemProperties());
  }
}
