/**
 * Guice wiring for the Vert.x transport. Guice is an optional dependency: only users of this package need it.
 */
package io.minisocket.transport.vertx.guice;
