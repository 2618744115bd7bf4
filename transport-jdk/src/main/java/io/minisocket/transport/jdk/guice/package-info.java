/**
 * Guice wiring for the JDK transport. Guice is an optional dependency: only users of this package need it.
 */
package io.minisocket.transport.jdk.guice;
