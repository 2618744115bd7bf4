/**
 * MiniSocket core: the SocketTask domain, the transport port and the platform-profile SPI. Implementation lives in
 * {@code io.minisocket.core.internal}, which is not exported.
 */
module io.minisocket.core {
  // API
  exports io.minisocket.core;
  exports io.minisocket.core.json;
  exports io.minisocket.core.loop;
  exports io.minisocket.core.transport;
  // SPI
  exports io.minisocket.core.spi;

  requires transitive org.apache.logging.log4j;
  // Only io.minisocket.core.json (JsonConfig) needs it.
  requires static com.fasterxml.jackson.core;

  uses io.minisocket.core.spi.TransportProvider;
}
