package io.minisocket.core.spi;

import io.minisocket.core.ConnectOption;
import io.minisocket.core.ErrorKind;
import io.minisocket.core.spi.Policies.CloseWhileConnecting;
import io.minisocket.core.spi.Policies.ConnectResultTiming;
import io.minisocket.core.spi.Policies.GlobalHandlers;
import io.minisocket.core.spi.Policies.GlobalSocketChoice;
import io.minisocket.core.spi.Policies.QueueOverflow;
import io.minisocket.core.spi.Policies.QueueUntilOpen;
import io.minisocket.core.spi.Policies.SecondGlobalConnect;
import io.minisocket.core.spi.Policies.UnsupportedOption;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything in which one platform differs from another, as data: limits, the wss rule, accepted options, how
 * results and errors are named, whether the global socket API exists, and the policies for the cases the
 * platforms leave open. Core never branches on a platform's name; an adapter that needs a difference adds a
 * property here.
 *
 * <p>Immutable. A platform's profile starts from its host's base ({@link HostPlatform#profile()}, derived with
 * {@link #toBuilder()}); {@link #builder(String)} starts from no platform at all, with neutral defaults.
 */
public final class PlatformProfile {
  /** The placeholder in a {@linkplain Builder#message message} that stands for the connection limit. */
  public static final String LIMIT = "{limit}";

  /** Operation name keys for {@link Builder#apiName}. */
  public enum Api {
    /** connectSocket. */
    CONNECT("connectSocket"),
    /** send / sendSocketMessage. */
    SEND("sendSocketMessage"),
    /** close / closeSocket. */
    CLOSE("closeSocket");

    private final String defaultName;

    Api(String defaultName) {
      this.defaultName = defaultName;
    }

    /** @return the name used unless the profile renames it */
    public String defaultName() {
      return defaultName;
    }
  }

  private final String name;
  private final int connectionLimit;
  private final boolean wssRequired;
  private final Set<ConnectOption> acceptedOptions;
  private final UnsupportedOption unsupportedOption;
  private final ResultStyle resultStyle;
  private final Map<Api, String> apiNames;
  private final Map<ErrorKind, String> messages;
  private final Map<ErrorKind, String> messageTemplates; // as given, {limit} not yet replaced
  private final boolean globalApi;
  private final SecondGlobalConnect secondGlobalConnect;
  private final GlobalSocketChoice globalSocketChoice;
  private final GlobalHandlers globalHandlers;
  private final CloseWhileConnecting closeWhileConnecting;
  private final QueueUntilOpen queueUntilOpen;
  private final QueueOverflow queueOverflow;
  private final ConnectResultTiming connectResultTiming;
  private final String wrongTypeWording;
  private final String sendWhenNotOpenWording;

  private PlatformProfile(Builder b) {
    this.name = b.name;
    this.connectionLimit = b.connectionLimit;
    this.wssRequired = b.wssRequired;
    this.acceptedOptions = Set.copyOf(b.acceptedOptions);
    this.unsupportedOption = b.unsupportedOption;
    this.resultStyle = b.resultStyle;
    this.apiNames = Map.copyOf(b.apiNames);
    Map<ErrorKind, String> worded = new EnumMap<>(ErrorKind.class);
    b.messages.forEach((kind, text) -> worded.put(kind, text.replace(LIMIT, Integer.toString(b.connectionLimit))));
    this.messages = Map.copyOf(worded);
    this.messageTemplates = Map.copyOf(b.messages);
    this.globalApi = b.globalApi;
    this.secondGlobalConnect = b.secondGlobalConnect;
    this.globalSocketChoice = b.globalSocketChoice;
    this.globalHandlers = b.globalHandlers; // null only without the global API
    this.closeWhileConnecting = b.closeWhileConnecting;
    this.queueUntilOpen = b.queueUntilOpen;
    this.queueOverflow = b.queueOverflow;
    this.connectResultTiming = b.connectResultTiming;
    this.wrongTypeWording = b.wrongTypeWording;
    this.sendWhenNotOpenWording = b.sendWhenNotOpenWording;
  }

  /**
   * A builder that holds no platform's facts, only neutral defaults (a platform starts from its host's base instead:
   * {@code HostPlatform.QQ.profile().toBuilder()}): no connection limit, {@code ws://} and {@code wss://} both
   * allowed (the WebSocket standard), every option core knows accepted, errMsg results (the mini-program
   * convention) with {@link ErrorKind#defaultMessage()} wording, no global socket API, a second global connect
   * refused, close while connecting aborting the handshake (the browser rule), sends before open refused, a send
   * past the queue bound failed, connect's success on accept. A global API needs its
   * {@linkplain Builder#globalHandlers handler policy} set: {@link Builder#build()} fails, saying so, without it.
   *
   * @param name the platform's name, for messages and logs
   * @return the builder
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * Checks a connection limit as every platform's settings take it, so all refuse a bad one alike.
   *
   * @param limit the most sockets connecting or open at once; 0 for no limit
   * @return {@code limit}
   * @throws IllegalArgumentException when {@code limit} is negative
   */
  public static int checkConnectionLimit(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("connectionLimit must be 0 (no limit) or more, got " + limit);
    }
    return limit;
  }

  /** @return a builder holding this profile's values, to derive a variant */
  public Builder toBuilder() {
    Builder b = new Builder(name);
    b.connectionLimit = connectionLimit;
    b.wssRequired = wssRequired;
    b.acceptedOptions = EnumSet.noneOf(ConnectOption.class);
    b.acceptedOptions.addAll(acceptedOptions);
    b.unsupportedOption = unsupportedOption;
    b.resultStyle = resultStyle;
    b.apiNames.putAll(apiNames);
    b.messages.putAll(messageTemplates);
    b.globalApi = globalApi;
    b.secondGlobalConnect = secondGlobalConnect;
    b.globalSocketChoice = globalSocketChoice;
    b.globalHandlers = globalHandlers;
    b.closeWhileConnecting = closeWhileConnecting;
    b.queueUntilOpen = queueUntilOpen;
    b.queueOverflow = queueOverflow;
    b.connectResultTiming = connectResultTiming;
    b.wrongTypeWording = wrongTypeWording;
    b.sendWhenNotOpenWording = sendWhenNotOpenWording;
    return b;
  }

  /** @return the platform's name */
  public String name() {
    return name;
  }

  /** @return the most sockets that may be connecting or open at once; 0 for no limit */
  public int connectionLimit() {
    return connectionLimit;
  }

  /** @return whether {@code wss://} is required while the url check is on */
  public boolean wssRequired() {
    return wssRequired;
  }

  /**
   * @param option a connect option
   * @return whether this platform accepts it
   */
  public boolean accepts(ConnectOption option) {
    return acceptedOptions.contains(option);
  }

  /** @return what a given but unaccepted option does */
  public UnsupportedOption unsupportedOption() {
    return unsupportedOption;
  }

  /** @return how results are shaped */
  public ResultStyle resultStyle() {
    return resultStyle;
  }

  /**
   * @param api an operation
   * @return the platform's name for it, used in {@code errMsg}
   */
  public String apiName(Api api) {
    return apiNames.getOrDefault(api, api.defaultName());
  }

  /**
   * @param kind a failure kind
   * @return the platform's wording for it ({@link ErrorKind#defaultMessage()} unless renamed)
   */
  public String message(ErrorKind kind) {
    return messages.getOrDefault(kind, kind.defaultMessage());
  }

  /**
   * @param kind a failure kind
   * @return whether this profile words the kind itself (rather than using {@link ErrorKind#defaultMessage()})
   */
  public boolean words(ErrorKind kind) {
    return messages.containsKey(kind);
  }

  /**
   * The platform's own words for an option of the wrong type in a JavaScript-style options object, which lead the
   * failure message (the detail follows in parentheses).
   *
   * @param name     the option, e.g. {@code url}
   * @param expected the JavaScript type expected, e.g. {@code String}
   * @param actual   the JavaScript type given, e.g. {@code Number}
   * @return the wording, or {@code null} where the platform's wording is not known
   */
  public String wrongTypeWording(String name, String expected, String actual) {
    return wrongTypeWording == null ? null : wrongTypeWording.replace("{name}", name)
        .replace("{expected}", expected).replace("{actual}", actual);
  }

  /**
   * @return the platform's own words for a task's send while the task is not open (the readyState follows in
   *     parentheses), or {@code null} to use the wording of {@link ErrorKind#NOT_OPEN}, which also words the global
   *     API's send without a global socket
   */
  public String sendWhenNotOpenWording() {
    return sendWhenNotOpenWording;
  }

  /** @return whether the deprecated global socket API ({@code onSocketOpen}, {@code sendSocketMessage}, ...) exists */
  public boolean globalApi() {
    return globalApi;
  }

  /** @return what a second connect of the global socket does */
  public SecondGlobalConnect secondGlobalConnect() {
    return secondGlobalConnect;
  }

  /** @return which task the global socket API acts on */
  public GlobalSocketChoice globalSocketChoice() {
    return globalSocketChoice;
  }

  /**
   * @return whether {@code onSocketX} replaces or adds handlers; {@link GlobalHandlers#ADD} where the profile has no
   *     global API and set none (then nothing asks)
   */
  public GlobalHandlers globalHandlers() {
    return globalHandlers == null ? GlobalHandlers.ADD : globalHandlers;
  }

  /** @return what close does while connecting */
  public CloseWhileConnecting closeWhileConnecting() {
    return closeWhileConnecting;
  }

  /** @return what send does while connecting */
  public QueueUntilOpen queueUntilOpen() {
    return queueUntilOpen;
  }

  /** @return what a send past the queue bound does */
  public QueueOverflow queueOverflow() {
    return queueOverflow;
  }

  /** @return when connectSocket's success or fail runs */
  public ConnectResultTiming connectResultTiming() {
    return connectResultTiming;
  }

  @Override
  public String toString() {
    return "PlatformProfile{" + name + ", limit=" + connectionLimit + ", wssRequired=" + wssRequired
        + ", accepts=" + acceptedOptions + ", globalApi=" + globalApi + "}";
  }

  /** Builds a {@link PlatformProfile}. */
  public static final class Builder {
    private String name;
    private int connectionLimit;
    private boolean wssRequired;
    private EnumSet<ConnectOption> acceptedOptions = EnumSet.allOf(ConnectOption.class);
    private UnsupportedOption unsupportedOption = UnsupportedOption.IGNORE;
    private ResultStyle resultStyle = ResultStyle.errMsg();
    private final Map<Api, String> apiNames = new EnumMap<>(Api.class);
    private final Map<ErrorKind, String> messages = new EnumMap<>(ErrorKind.class);
    private boolean globalApi;
    private SecondGlobalConnect secondGlobalConnect = SecondGlobalConnect.REFUSE;
    private GlobalSocketChoice globalSocketChoice = GlobalSocketChoice.GLOBAL_CONNECT;
    private GlobalHandlers globalHandlers; // no neutral value: required with the global API
    private CloseWhileConnecting closeWhileConnecting = CloseWhileConnecting.ABORT;
    private QueueUntilOpen queueUntilOpen = QueueUntilOpen.REFUSE;
    private QueueOverflow queueOverflow = QueueOverflow.FAIL_SEND;
    private ConnectResultTiming connectResultTiming = ConnectResultTiming.ON_ACCEPT;
    private String wrongTypeWording;
    private String sendWhenNotOpenWording;

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * Renames the profile, as a derived platform does (uni-app on WeChat is {@code "uni-app (mp-weixin)"}).
     *
     * @param name the platform's name, for messages and logs
     * @return this builder
     */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * @param limit the most sockets connecting or open at once; 0 for no limit
     * @return this builder
     */
    public Builder connectionLimit(int limit) {
      this.connectionLimit = checkConnectionLimit(limit);
      return this;
    }

    /**
     * @param required whether wss:// is required while the url check is on
     * @return this builder
     */
    public Builder wssRequired(boolean required) {
      this.wssRequired = required;
      return this;
    }

    /**
     * @param options the connect options this platform accepts ({@link ConnectOption#URL} is always accepted)
     * @return this builder
     */
    public Builder acceptedOptions(Set<ConnectOption> options) {
      this.acceptedOptions = EnumSet.of(ConnectOption.URL);
      this.acceptedOptions.addAll(options);
      return this;
    }

    /**
     * @param policy what a given but unaccepted option does
     * @return this builder
     */
    public Builder unsupportedOption(UnsupportedOption policy) {
      this.unsupportedOption = Objects.requireNonNull(policy);
      return this;
    }

    /**
     * @param style how results are shaped
     * @return this builder
     */
    public Builder resultStyle(ResultStyle style) {
      this.resultStyle = Objects.requireNonNull(style);
      return this;
    }

    /**
     * @param api  an operation
     * @param name the platform's name for it in {@code errMsg}
     * @return this builder
     */
    public Builder apiName(Api api, String name) {
      apiNames.put(api, Objects.requireNonNull(name));
      return this;
    }

    /**
     * @param kind    a failure kind
     * @param message the platform's wording for it; {@value PlatformProfile#LIMIT} in it stands for the
     *                profile's connection limit (Alipay: {@code "最多支持 {limit} 个 WebSocket 实例"})
     * @return this builder
     */
    public Builder message(ErrorKind kind, String message) {
      messages.put(kind, Objects.requireNonNull(message));
      return this;
    }

    /**
     * Replaces the wording of every kind, as a framework that words its results itself does (uni-app and Taro over
     * Alipay use errMsg, not Alipay's texts): kinds not in {@code messages} take {@link ErrorKind#defaultMessage()}.
     *
     * @param messages the platform's wording of each kind it words ({@value PlatformProfile#LIMIT} as in
     *                 {@link #message})
     * @return this builder
     */
    public Builder messages(Map<ErrorKind, String> messages) {
      this.messages.clear();
      messages.forEach(this::message);
      return this;
    }

    /**
     * @param present whether the global socket API exists
     * @return this builder
     */
    public Builder globalApi(boolean present) {
      this.globalApi = present;
      return this;
    }

    /**
     * @param policy what a second connect of the global socket does
     * @return this builder
     */
    public Builder secondGlobalConnect(SecondGlobalConnect policy) {
      this.secondGlobalConnect = Objects.requireNonNull(policy);
      return this;
    }

    /**
     * @param choice which task the global socket API acts on
     * @return this builder
     */
    public Builder globalSocketChoice(GlobalSocketChoice choice) {
      this.globalSocketChoice = Objects.requireNonNull(choice);
      return this;
    }

    /**
     * @param policy whether {@code onSocketX} replaces or adds handlers
     * @return this builder
     */
    public Builder globalHandlers(GlobalHandlers policy) {
      this.globalHandlers = Objects.requireNonNull(policy);
      return this;
    }

    /**
     * @param policy what close does while connecting
     * @return this builder
     */
    public Builder closeWhileConnecting(CloseWhileConnecting policy) {
      this.closeWhileConnecting = Objects.requireNonNull(policy);
      return this;
    }

    /**
     * @param policy what send does while connecting
     * @return this builder
     */
    public Builder queueUntilOpen(QueueUntilOpen policy) {
      this.queueUntilOpen = Objects.requireNonNull(policy);
      return this;
    }

    /**
     * @param policy what a send past the queue bound does
     * @return this builder
     */
    public Builder queueOverflow(QueueOverflow policy) {
      this.queueOverflow = Objects.requireNonNull(policy);
      return this;
    }

    /**
     * @param timing when connectSocket's success or fail runs
     * @return this builder
     */
    public Builder connectResultTiming(ConnectResultTiming timing) {
      this.connectResultTiming = Objects.requireNonNull(timing);
      return this;
    }

    /**
     * @param template the platform's words for an option of the wrong type, with the placeholders {@code {name}},
     *                 {@code {expected}} and {@code {actual}} (JavaScript type names such as {@code String}), e.g.
     *                 Taro's {@code "parameter error: parameter.{name} should be {expected} instead of {actual}"}
     * @return this builder
     */
    public Builder wrongTypeWording(String template) {
      this.wrongTypeWording = Objects.requireNonNull(template);
      return this;
    }

    /**
     * @param wording the platform's words for a task's send while the task is not open, e.g. uni-app's
     *                {@code "Error: SocketTask.readyState is not OPEN"}
     * @return this builder
     */
    public Builder sendWhenNotOpenWording(String wording) {
      this.sendWhenNotOpenWording = Objects.requireNonNull(wording);
      return this;
    }

    /**
     * @return the profile
     * @throws IllegalStateException when the global API is present but its handler policy was not set
     */
    public PlatformProfile build() {
      if (globalApi && globalHandlers == null) {
        throw new IllegalStateException("PlatformProfile '" + name + "': globalApi(true) needs globalHandlers(...): "
            + "whether onSocketX replaces the previous handler (WeChat) or adds one (Alipay) differs by platform");
      }
      return new PlatformProfile(this);
    }
  }
}
