/**
 * MiniSocket's transport on the Vert.x Core 5 WebSocket client; {@code ServiceLoader} finds it as a
 * {@link io.minisocket.core.spi.TransportProvider}.
 */
// Guice is optional (requires static) and an automatic module, named by its Automatic-Module-Name.
@SuppressWarnings("requires-automatic")
module io.minisocket.transport.vertx {
  // API
  exports io.minisocket.transport.vertx;
  exports io.minisocket.transport.vertx.guice;

  requires transitive io.minisocket.core;
  requires transitive io.vertx.core;
  requires io.netty.buffer;
  requires io.netty.codec.http;
  requires io.netty.common;
  requires io.netty.handler;
  requires io.netty.transport;
  requires static com.google.guice;

  opens io.minisocket.transport.vertx.guice to com.google.guice;

  provides io.minisocket.core.spi.TransportProvider with io.minisocket.transport.vertx.VertxTransportProvider;
}
