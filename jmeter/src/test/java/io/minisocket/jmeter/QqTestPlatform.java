package io.minisocket.jmeter;

import io.minisocket.core.ConnectOptions;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.SocketRuntime;
import io.minisocket.core.SocketTask;
import io.minisocket.core.spi.HostPlatform;
import io.minisocket.core.spi.PlatformFacade;
import io.minisocket.core.spi.PlatformProfile;
import io.minisocket.core.transport.Transport;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A custom adapter as a third party would add one: a facade on the public SPI, offered to the samplers through
 * {@code META-INF/services/io.minisocket.jmeter.SamplerPlatform} (in the test resources).
 */
public final class QqTestPlatform implements SamplerPlatform {
  private static final PlatformProfile PROFILE = HostPlatform.QQ.profile().toBuilder().name("qq-test").build();

  @Override
  public String id() {
    return "qq-test";
  }

  @Override
  public Client open(Transport transport, Map<String, String> settings, SocketConfig config) {
    if (!settings.isEmpty()) {
      throw new IllegalArgumentException("settings: qq-test has none, got " + settings.keySet());
    }
    Qq qq = new Qq(SocketRuntime.builder(PROFILE, transport).config(config).build());
    return new Client() {
      @Override
      public void connect(ConnectOptions options, Consumer<SocketTask> onTask) {
        onTask.accept(qq.runtime().connectSocket(options));
      }

      @Override
      public void close() {
        qq.close();
      }
    };
  }

  private static final class Qq extends PlatformFacade {
    Qq(SocketRuntime runtime) {
      super(runtime, null);
    }
  }
}
