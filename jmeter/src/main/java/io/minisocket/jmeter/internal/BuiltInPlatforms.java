package io.minisocket.jmeter.internal;

import io.minisocket.adapter.my.My;
import io.minisocket.adapter.my.MySettings;
import io.minisocket.adapter.taro.Taro;
import io.minisocket.adapter.taro.TaroSettings;
import io.minisocket.adapter.taro.TaroTarget;
import io.minisocket.adapter.uni.Uni;
import io.minisocket.adapter.uni.UniPlatform;
import io.minisocket.adapter.uni.UniSettings;
import io.minisocket.adapter.wx.Wx;
import io.minisocket.adapter.wx.WxSettings;
import io.minisocket.core.ConnectOptions;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.SocketTask;
import io.minisocket.core.loop.EventLoop;
import io.minisocket.core.spi.PlatformFacade;
import io.minisocket.core.transport.Transport;
import io.minisocket.jmeter.SamplerPlatform;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** The four platforms MiniSocket ships, listed in {@code META-INF/services} like any custom one. */
public final class BuiltInPlatforms {
  private static final String CONNECTION_LIMIT = "connectionLimit";
  private static final String TARGET = "target";

  private BuiltInPlatforms() {
  }

  /** WeChat: {@code wx.connectSocket}; settings {@code baseLibraryVersion}, {@code connectionLimit}. */
  public static final class WxPlatform implements SamplerPlatform {
    private static final String BASE_LIBRARY = "baseLibraryVersion";

    @Override
    public String id() {
      return "wx";
    }

    @Override
    public Client open(Transport transport, Map<String, String> settings, SocketConfig config) {
      Wx wx = facade(transport, settings, config, null);
      return client(wx, (options, onTask) -> onTask.accept(wx.connectSocket(options)));
    }

    static Wx facade(Transport transport, Map<String, String> settings, SocketConfig config, EventLoop loop) {
      Settings.requireKnown("wx", settings, Set.of(BASE_LIBRARY, CONNECTION_LIMIT));
      WxSettings.Builder builder = WxSettings.builder().config(config).eventLoop(loop);
      Settings.ifGiven(settings, BASE_LIBRARY, builder::baseLibraryVersion);
      Settings.ifGivenInt(settings, CONNECTION_LIMIT, builder::connectionLimit);
      return Wx.create(transport, builder.build());
    }
  }

  /**
   * Alipay: {@code my.connectSocket({multiple: true})}, error codes; setting {@code connectionLimit} (or its older
   * name {@code maxSockets}).
   */
  public static final class MyPlatform implements SamplerPlatform {
    private static final String MAX_SOCKETS = "maxSockets";

    @Override
    public String id() {
      return "my";
    }

    @Override
    public SocketConfig defaultConfig() {
      return MySettings.defaults().config();
    }

    @Override
    public Client open(Transport transport, Map<String, String> settings, SocketConfig config) {
      My my = facade(transport, settings, config, null);
      return client(my, (options, onTask) -> onTask.accept(my.connectSocketTask(options)));
    }

    static My facade(Transport transport, Map<String, String> settings, SocketConfig config, EventLoop loop) {
      Settings.requireKnown("my", settings, Set.of(CONNECTION_LIMIT, MAX_SOCKETS));
      MySettings.Builder builder = MySettings.builder().config(config).eventLoop(loop);
      Settings.ifGivenInt(settings, MAX_SOCKETS, builder::connectionLimit);
      Settings.ifGivenInt(settings, CONNECTION_LIMIT, builder::connectionLimit);
      return My.create(transport, builder.build());
    }
  }

  /** uni-app: {@code uni.connectSocket} with callbacks (so a task); settings {@code target}, {@code connectionLimit}. */
  public static final class UniAppPlatform implements SamplerPlatform {
    @Override
    public String id() {
      return "uni";
    }

    @Override
    public Client open(Transport transport, Map<String, String> settings, SocketConfig config) {
      Uni uni = facade(transport, settings, config, null);
      return client(uni, (options, onTask) -> onTask.accept(uni.connectSocket(options).task()));
    }

    static Uni facade(Transport transport, Map<String, String> settings, SocketConfig config, EventLoop loop) {
      Settings.requireKnown("uni", settings, Set.of(TARGET, CONNECTION_LIMIT));
      UniSettings.Builder builder = UniSettings.builder().config(config).eventLoop(loop);
      Settings.ifGiven(settings, TARGET, target -> builder.target(UniPlatform.fromId(target)));
      Settings.ifGivenInt(settings, CONNECTION_LIMIT, builder::connectionLimit);
      return Uni.create(transport, builder.build());
    }
  }

  /** Taro: {@code Taro.connectSocket}, a Promise of the task; settings {@code target}, {@code connectionLimit}. */
  public static final class TaroPlatform implements SamplerPlatform {
    @Override
    public String id() {
      return "taro";
    }

    @Override
    public Client open(Transport transport, Map<String, String> settings, SocketConfig config) {
      Taro taro = facade(transport, settings, config, null);
      return client(taro, (options, onTask) -> taro.connectSocket(options).thenAccept(onTask));
    }

    static Taro facade(Transport transport, Map<String, String> settings, SocketConfig config, EventLoop loop) {
      Settings.requireKnown("taro", settings, Set.of(TARGET, CONNECTION_LIMIT));
      TaroSettings.Builder builder = TaroSettings.builder().config(config).eventLoop(loop);
      Settings.ifGiven(settings, TARGET, target -> builder.target(taroTarget(target)));
      Settings.ifGivenInt(settings, CONNECTION_LIMIT, builder::connectionLimit);
      return Taro.create(transport, builder.build());
    }

    private static TaroTarget taroTarget(String value) {
      return Arrays.stream(TaroTarget.values()).filter(t -> t.taroEnv().equals(value.toLowerCase(Locale.ROOT)))
          .findFirst().orElseThrow(() -> new IllegalArgumentException("settings: unknown Taro target '" + value
              + "', expected one of " + Arrays.toString(Arrays.stream(TaroTarget.values())
              .map(TaroTarget::taroEnv).toArray())));
    }
  }

  private static SamplerPlatform.Client client(
      PlatformFacade facade, BiConsumer<ConnectOptions, Consumer<SocketTask>> connect) {
    return new SamplerPlatform.Client() {
      @Override
      public void connect(ConnectOptions options, Consumer<SocketTask> onTask) {
        connect.accept(options, onTask);
      }

      @Override
      public void close() {
        facade.close();
      }
    };
  }
}
