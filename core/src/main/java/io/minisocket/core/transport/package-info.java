/**
 * The transport port (SPI): how core talks to a WebSocket implementation. A transport implements
 * {@link io.minisocket.core.transport.Transport}; core implements {@link io.minisocket.core.transport.ConnectionEvents}.
 */
package io.minisocket.core.transport;
