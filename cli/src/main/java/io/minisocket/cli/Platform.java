package io.minisocket.cli;

import io.minisocket.adapter.my.My;
import io.minisocket.adapter.my.MySettings;
import io.minisocket.adapter.taro.Taro;
import io.minisocket.adapter.taro.TaroSettings;
import io.minisocket.adapter.uni.Uni;
import io.minisocket.adapter.uni.UniSettings;
import io.minisocket.adapter.wx.Wx;
import io.minisocket.adapter.wx.WxSettings;
import io.minisocket.core.SendOptions;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.spi.FacadeSettings;
import io.minisocket.core.transport.Transport;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.stream.Collectors;

/** The four platforms the CLI speaks as, each through its own facade with its default settings. */
enum Platform {
  /** WeChat: {@code wx.connectSocket} returns the SocketTask. */
  WX(WxSettings.defaults()) {
    @Override
    Client client(Transport transport, SocketConfig config) {
      Wx wx = Wx.create(transport, WxSettings.builder().config(config).build());
      return new Client(this, wx, "SocketTask", (options, onTask) -> onTask.accept(wx.connectSocket(options)));
    }
  },
  /** Alipay: {@code my.connectSocket({multiple: true})} returns the SocketTask; failures carry error codes. */
  MY(MySettings.defaults()) {
    @Override
    Client client(Transport transport, SocketConfig config) {
      My my = My.create(transport, MySettings.builder().config(config).build());
      return new Client(this, my, "SocketTask (multiple: true)",
          (options, onTask) -> onTask.accept(my.connectSocketTask(options)));
    }

    @Override
    SendOptions.Builder base64(String text) {
      return My.bufferMessage(text); // Alipay's isBuffer: true
    }

    @Override
    String describeBase64(String base64, int bytes) {
      return "isBuffer: true, \"" + base64 + "\"";
    }
  },
  /** uni-app (mp-weixin target): a SocketTask because callbacks are given, otherwise it would be a Promise. */
  UNI(UniSettings.defaults()) {
    @Override
    Client client(Transport transport, SocketConfig config) {
      Uni uni = Uni.create(transport, UniSettings.builder().config(config).build());
      return new Client(this, uni, "SocketTask (callbacks given)",
          (options, onTask) -> onTask.accept(uni.connectSocket(options).task()));
    }
  },
  /** Taro (weapp target): a Promise of the SocketTask; a rejection is reported by the fail callback. */
  TARO(TaroSettings.defaults()) {
    @Override
    Client client(Transport transport, SocketConfig config) {
      Taro taro = Taro.create(transport, TaroSettings.builder().config(config).build());
      return new Client(this, taro, "Promise<SocketTask>",
          (options, onTask) -> taro.connectSocket(options).thenAccept(onTask));
    }
  };

  private final FacadeSettings defaults;

  Platform(FacadeSettings defaults) {
    this.defaults = defaults;
  }

  /**
   * @param transport the transport to connect through; stays the caller's
   * @param config    the app configuration
   * @return a new facade of this platform
   */
  abstract Client client(Transport transport, SocketConfig config);

  /** @return the most sockets one facade may have connecting or open, with the settings {@link #client} uses */
  int limit() {
    return defaults.connectionLimit();
  }

  /** @return the configuration this platform uses when no file is given (Alipay: 30 s connect timeout) */
  SocketConfig defaultConfig() {
    return defaults.config();
  }

  /**
   * @param text Base64 text
   * @return options sending it decoded as a binary message, the way the platform takes Base64 (Alipay's
   *     {@code isBuffer}, where a decoding problem fails the send)
   * @throws IllegalArgumentException when the text is not Base64 and the platform has no Base64 option
   */
  SendOptions.Builder base64(String text) {
    return SendOptions.builder().data(BinaryFormat.BASE64.decode(text));
  }

  /**
   * @param base64 the Base64 text given to {@link #base64(String)}
   * @param bytes  how many bytes it decodes to
   * @return how the platform takes such a message, for the demo
   */
  String describeBase64(String base64, int bytes) {
    return "ArrayBuffer " + bytes + " bytes";
  }

  /** @return the name on the command line and in output: wx, my, uni, taro */
  String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  static String ids() {
    return Arrays.stream(values()).map(Platform::id).collect(Collectors.joining(", "));
  }

  /** Reads {@code --platform}. */
  static final class Converter extends EnumConverter<Platform> {
    Converter() {
      super(Platform.class, Platform::id, "one of " + ids());
    }
  }

  /** The values for {@code --platform} in help and shell completion. */
  static final class Ids implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(values()).map(Platform::id).iterator();
    }
  }
}
