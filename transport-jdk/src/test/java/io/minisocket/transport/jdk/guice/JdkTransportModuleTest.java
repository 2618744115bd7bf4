package io.minisocket.transport.jdk.guice;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.minisocket.adapter.wx.Wx;
import io.minisocket.adapter.wx.guice.WxModule;
import io.minisocket.core.transport.Transport;
import io.minisocket.transport.jdk.JdkTransport;
import io.minisocket.transport.jdk.JdkTransportOptions;
import org.junit.jupiter.api.Test;

class JdkTransportModuleTest {

  @Test
  void bindsOneSingletonForBothTypesAndAnAdapterUsesIt() {
    Injector injector = Guice.createInjector(new JdkTransportModule(), new WxModule());
    Transport transport = injector.getInstance(Transport.class);
    try {
      assertThat(transport).isInstanceOf(JdkTransport.class)
          .isSameAs(injector.getInstance(JdkTransport.class))
          .isSameAs(injector.getInstance(Transport.class));
      assertThat(injector.getInstance(Wx.class)).isNotNull();
    } finally {
      transport.close();
    }
  }

  @Test
  void usesTheGivenOptions() {
    JdkTransportOptions options = JdkTransportOptions.builder().writeQueueMaxSize(4096).build();
    try (JdkTransport transport = Guice.createInjector(new JdkTransportModule(options))
        .getInstance(JdkTransport.class)) {
      assertThat(transport.options()).isSameAs(options);
    }
  }
}
