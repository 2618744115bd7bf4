/**
 * The MiniSocket transport on the JDK's own {@code java.net.http.WebSocket}:
 * {@link io.minisocket.transport.jdk.JdkTransport}, configured with
 * {@link io.minisocket.transport.jdk.JdkTransportOptions}. Guice users install
 * {@link io.minisocket.transport.jdk.guice.JdkTransportModule}.
 */
package io.minisocket.transport.jdk;
