package io.minisocket.core.spi;

import io.minisocket.core.transport.Transport;

/**
 * Finds a transport without Guice: a transport module lists its provider in
 * {@code META-INF/services/io.minisocket.core.spi.TransportProvider}, and {@link java.util.ServiceLoader} finds it.
 */
public interface TransportProvider {

  /** @return a short name, e.g. {@code "vertx"} */
  String name();

  /** @return a new transport with default settings; the caller closes it */
  Transport create();
}
