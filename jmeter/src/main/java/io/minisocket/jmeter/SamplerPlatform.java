package io.minisocket.jmeter;

import io.minisocket.core.ConnectOptions;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.SocketTask;
import io.minisocket.core.transport.Transport;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A platform the samplers can speak as, found with {@link java.util.ServiceLoader}: the four built in ({@code wx},
 * {@code my}, {@code uni}, {@code taro}) and any custom adapter whose jar lists an implementation in
 * {@code META-INF/services/io.minisocket.jmeter.SamplerPlatform} and sits beside the plugin in JMeter's
 * {@code lib/ext}. The connect sampler's {@code platform} property names it by {@link #id()}.
 *
 * <p>Implementations are stateless and need a public no-argument constructor.
 */
public interface SamplerPlatform {

  /** @return the name a plan uses in the connect sampler's {@code platform} property, such as {@code "wx"} */
  String id();

  /**
   * @return the configuration used when a plan gives none (Alipay: its 30 s connect timeout); a plan's
   *     {@code config} JSON replaces it
   */
  default SocketConfig defaultConfig() {
    return SocketConfig.defaults();
  }

  /**
   * Creates a facade of this platform.
   *
   * @param transport the transport to connect through; stays the caller's
   * @param settings  the connect sampler's {@code settings} ({@code key=value} lines), such as WeChat's
   *                  {@code baseLibraryVersion}
   * @param config    the app configuration
   * @return the facade
   * @throws IllegalArgumentException for a setting the platform does not know or a bad value, naming it
   */
  Client open(Transport transport, Map<String, String> settings, SocketConfig config);

  /**
   * One facade of the platform, driven the same way for every platform.
   *
   * <p>Lifecycle: made by {@link SamplerPlatform#open}, used by one or many JMeter threads (see the connect
   * sampler's {@code facade} property), closed once when its last user has finished, which ends its sockets.
   * Threading: {@link #connect} is called from any JMeter thread, concurrently.
   */
  interface Client extends AutoCloseable {
    /**
     * Connects with the platform's own call. The options' callbacks report the result in the platform's shape.
     *
     * @param options url, header, protocols and the success/fail callbacks
     * @param onTask  receives the task when the platform hands it out: at once, or when a Promise resolves (never
     *                when it is rejected; the fail callback reports that)
     */
    void connect(ConnectOptions options, Consumer<SocketTask> onTask);

    /** Ends every socket of this facade. */
    @Override
    void close();
  }
}
