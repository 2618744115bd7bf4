/**
 * MiniSocket's transport on the JDK's {@code java.net.http.WebSocket}; {@code ServiceLoader} finds it as a
 * {@link io.minisocket.core.spi.TransportProvider}.
 */
// Guice is optional (requires static) and an automatic module, named by its Automatic-Module-Name.
@SuppressWarnings("requires-automatic")
module io.minisocket.transport.jdk {
  // API
  exports io.minisocket.transport.jdk;
  exports io.minisocket.transport.jdk.guice;

  requires transitive io.minisocket.core;
  requires java.net.http;
  requires static com.google.guice;

  opens io.minisocket.transport.jdk.guice to com.google.guice;

  provides io.minisocket.core.spi.TransportProvider with io.minisocket.transport.jdk.JdkTransportProvider;
}
