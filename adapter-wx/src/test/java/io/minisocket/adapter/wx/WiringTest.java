package io.minisocket.adapter.wx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.minisocket.adapter.wx.guice.WxModule;
import io.minisocket.core.ConnectOptions;
import io.minisocket.core.SocketTask;
import io.minisocket.core.loop.EventLoop;
import io.minisocket.core.transport.Transport;
import io.minisocket.testkit.MockWebSocketServer;
import io.minisocket.transport.vertx.VertxTransportOptions;
import io.minisocket.transport.vertx.guice.VertxTransportModule;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plain factories and the Guice module, each used end to end. */
class WiringTest extends EndToEndBase {

  @Test
  void guiceGivesOneWxOverTheBoundTransportWithTheModulesSettings() {
    WxSettings settings = settings().connectionLimit(1).build();
    Injector injector = Guice.createInjector(
        new VertxTransportModule(VertxTransportOptions.builder().trustPem(CERTIFICATE_PEM).build()),
        new WxModule(settings));
    Transport transport = closeLater(injector.getInstance(Transport.class));
    Wx wx = closeLater(injector.getInstance(Wx.class));
    assertThat(injector.getInstance(Wx.class)).isSameAs(wx);
    assertThat(wx.settings()).isEqualTo(settings);

    SocketTask task = wx.connectSocket(Map.of("url", server.url()));
    task.onOpen(res -> rec.add("open"));
    wx.connectSocket(Map.of("url", server.url(), "fail", rec.consumer("second")));
    rec.awaitLine("open");
    rec.awaitLine("second connectSocket:fail exceed max concurrent count");

    wx.close(); // the transport is the module's: closing the facade leaves it usable
    Wx another = closeLater(Wx.create(transport, settings));
    another.connectSocket(Map.of("url", server.url())).onOpen(res -> rec.add("open again"));
    rec.awaitLine("open again");
  }

  /** The event loop travels in the settings, so the Guice module needs nothing else. */
  @Test
  void guiceGivesAWxOnTheEventLoopOfItsSettings() {
    EventLoop loop = closeLater(EventLoop.builder().name("guice-loop").build());
    Injector injector = Guice.createInjector(
        new VertxTransportModule(VertxTransportOptions.builder().trustPem(CERTIFICATE_PEM).build()),
        new WxModule(settings().eventLoop(loop).build()));
    closeLater(injector.getInstance(Transport.class));
    Wx wx = closeLater(injector.getInstance(Wx.class));
    assertThat(wx.eventLoop()).containsSame(loop);

    SocketTask task = wx.connectSocket(Map.of("url", server.url()));
    task.onOpen(res -> rec.add("open on " + Thread.currentThread().getName()));
    rec.awaitLine("open on guice-loop");
  }

  @Test
  void guiceWithDefaultSettings() {
    Injector injector = Guice.createInjector(new VertxTransportModule(), new WxModule());
    closeLater(injector.getInstance(Transport.class));
    assertThat(closeLater(injector.getInstance(Wx.class)).settings()).isEqualTo(WxSettings.defaults());
  }

  /** {@code Wx.create()} finds the Vert.x transport on the class path and closes it with the facade. */
  @Test
  void createWithoutATransportDiscoversOneAndClosesItWithTheFacade() {
    try (MockWebSocketServer plain = MockWebSocketServer.builder().start()) {
      Wx wx = Wx.create(settings().config(config().urlCheck(false).build()).build());
      try {
        wx.connectSocket(Map.of("url", plain.url())).onOpen(res -> rec.add("open"));
        rec.awaitLine("open");
      } finally {
        wx.close();
      }
      plain.awaitDisconnect(WAIT);

      SocketTask after = wx.connectSocket(Map.of("url", plain.url()));
      after.onError(res -> rec.add("error " + res.errMsg())); // the closed transport failed it at once
      rec.awaitLine("error closed before the connection opened (transport is closed)");
      assertThat(plain.connectionCount()).isEqualTo(1);
    }
  }

  @Test
  void createWithDefaultsUsesTheDefaultSettings() {
    try (Wx wx = Wx.create()) {
      assertThat(wx.settings()).isSameAs(WxSettings.defaults());
      assertThat(wx.runtime().profile().connectionLimit()).isEqualTo(5);
      assertThat(wx.runtime().config().urlCheck()).isTrue();
    }
    assertThat(Wx.create(transport).settings()).isSameAs(WxSettings.defaults());
  }

  @Test
  void nullArgumentsAreRefusedAtOnce() {
    assertThatThrownBy(() -> Wx.create(null, WxSettings.defaults())).hasMessage("transport");
    assertThatThrownBy(() -> Wx.create(transport, null)).hasMessage("settings");
    assertThatThrownBy(() -> Wx.create((WxSettings) null)).hasMessage("settings");
    assertThatThrownBy(() -> new WxModule(null)).hasMessage("settings");
    assertThatThrownBy(() -> wx().connectSocket((ConnectOptions) null)).hasMessage("options");
  }
}
