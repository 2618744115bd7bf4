/**
 * The MiniSocket transport on Vert.x Core 5: {@link io.minisocket.transport.vertx.VertxTransport}, configured with
 * {@link io.minisocket.transport.vertx.VertxTransportOptions}. Guice users install
 * {@link io.minisocket.transport.vertx.guice.VertxTransportModule}.
 */
package io.minisocket.transport.vertx;
