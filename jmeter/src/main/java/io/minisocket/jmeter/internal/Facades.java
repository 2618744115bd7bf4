package io.minisocket.jmeter.internal;

import io.minisocket.core.SocketConfig;
import io.minisocket.core.json.JsonConfig;
import io.minisocket.core.transport.Transport;
import io.minisocket.jmeter.SamplerPlatform;
import io.minisocket.jmeter.internal.SharedPool.Lease;
import io.minisocket.transport.vertx.VertxTransport;
import io.minisocket.transport.vertx.VertxTransportOptions;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The facades and transports of one JMeter engine (one JVM). A facade is made per virtual user, or shared by every
 * virtual user of the engine whose connect sampler gives the same platform, settings, configuration and trust; a
 * transport (one Vert.x instance) is shared by every facade with the same trust. Both are closed when their last
 * user lets go, and all of them at the end of a test.
 */
public final class Facades {
  private static final SharedPool<TransportKey, Transport> TRANSPORTS = new SharedPool<>();
  private static final SharedPool<Key, PooledClient> CLIENTS = new SharedPool<>();

  private Facades() {
  }

  /**
   * Which facade a virtual user connects through.
   *
   * @param owner    the virtual user who owns it alone, or {@code null} for one shared by the engine
   * @param platform the platform's id
   * @param settings the platform's settings text
   * @param config   the app configuration as JSON, or blank for the platform's default
   * @param trustPem a PEM file of certificates to trust, or blank for the JDK's trust store
   * @param trustAll whether to accept every certificate (development only)
   */
  record Key(Object owner, String platform, String settings, String config, String trustPem, boolean trustAll) {
  }

  private record TransportKey(String trustPem, boolean trustAll) {
  }

  /**
   * @param key which facade
   * @return a lease on it
   * @throws IllegalArgumentException for an unknown platform, a bad setting or configuration, or an unreadable
   *     certificate file, saying what was wrong
   */
  static Lease<PooledClient> acquire(Key key) {
    return CLIENTS.acquire(key, Facades::open);
  }

  /**
   * @param trustPem a PEM file of certificates to trust, or blank for the JDK's trust store
   * @param trustAll whether to accept every certificate (development only)
   * @return a lease on the engine's transport for that trust
   * @throws IllegalArgumentException for an unreadable certificate file
   */
  static Lease<Transport> transport(String trustPem, boolean trustAll) {
    return TRANSPORTS.acquire(new TransportKey(trustPem, trustAll), Facades::transport);
  }

  /**
   * @param platform the platform's id
   * @param config   the app configuration as JSON, or blank
   * @return the configuration, or the platform's default for a blank one
   */
  static SocketConfig config(String platform, String config) {
    return config.isBlank() ? platform(platform).defaultConfig() : JsonConfig.read(config);
  }

  /** Closes every facade and transport of this engine (the end of a test). */
  public static void closeAll() {
    CLIENTS.closeAll();
    TRANSPORTS.closeAll();
  }

  /** @return how many facades and transports are open in this engine */
  public static int openCount() {
    return CLIENTS.size() + TRANSPORTS.size();
  }

  private static PooledClient open(Key key) {
    SamplerPlatform platform = platform(key.platform());
    Map<String, String> settings = Settings.parse(key.settings());
    SocketConfig config = config(key.platform(), key.config());
    Lease<Transport> transport = transport(key.trustPem(), key.trustAll());
    try {
      return new PooledClient(platform.open(transport.value(), settings, config), transport);
    } catch (RuntimeException e) {
      transport.close();
      throw e;
    }
  }

  private static Transport transport(TransportKey key) {
    return VertxTransport.create(VertxTransportOptions.builder()
        .trustPem(key.trustPem().isBlank() ? null : Path.of(key.trustPem()))
        .trustAll(key.trustAll())
        .build());
  }

  private static SamplerPlatform platform(String id) {
    Map<String, SamplerPlatform> found = new TreeMap<>();
    for (SamplerPlatform platform : ServiceLoader.load(SamplerPlatform.class, SamplerPlatform.class.getClassLoader())) {
      found.putIfAbsent(platform.id(), platform);
    }
    SamplerPlatform platform = found.get(id.trim());
    if (platform == null) {
      throw new IllegalArgumentException("platform: unknown platform '" + id + "', found: "
          + found.keySet().stream().collect(Collectors.joining(", ")));
    }
    return platform;
  }

  /** A facade with the transport lease it holds. */
  record PooledClient(SamplerPlatform.Client client, Lease<Transport> transport) implements AutoCloseable {
    @Override
    public void close() {
      try {
        client.close();
      } finally {
        transport.close();
      }
    }
  }
}
