package io.minisocket.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of {@code connectSocket}: url, header, method, protocols, data, multiple, timeout and the
 * callbacks. Immutable; built with {@link #builder()}. Values are checked when connecting, so that a bad value
 * reaches the {@code fail} callback in the platform's shape rather than throwing here.
 */
public final class ConnectOptions {
  private final String url;
  private final Map<String, Object> header;
  private final String method;
  private final List<String> protocols;
  private final Map<String, Object> data;
  private final Boolean multiple;
  private final Duration timeout;
  private final Set<ConnectOption> given;
  private final Callbacks callbacks;
  private final String problem;

  private ConnectOptions(Builder builder) {
    this.url = builder.url;
    this.header = Collections.unmodifiableMap(new LinkedHashMap<>(builder.header));
    this.method = builder.method;
    this.protocols = builder.protocols == null ? List.of() : Collections.unmodifiableList(builder.protocols);
    this.data = Collections.unmodifiableMap(new LinkedHashMap<>(builder.data));
    this.multiple = builder.multiple;
    this.timeout = builder.timeout;
    this.given = Collections.unmodifiableSet(EnumSet.copyOf(builder.given));
    this.callbacks = builder.callbacks();
    this.problem = builder.problem();
  }

  /**
   * Options with only a url.
   *
   * @param url the {@code wss://} (or {@code ws://}) address
   * @return the options
   */
  public static ConnectOptions of(String url) {
    return builder().url(url).build();
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the url as given, possibly {@code null} */
  public String url() {
    return url;
  }

  /** @return the request headers as given, in order; values should be strings or numbers */
  public Map<String, Object> header() {
    return header;
  }

  /** @return the HTTP method, {@code "GET"} when none was given */
  public String method() {
    return method == null ? "GET" : method;
  }

  /** @return the sub-protocols to offer, empty when none */
  public List<String> protocols() {
    return protocols;
  }

  /** @return the request parameters (Alipay's {@code data}), empty when none */
  public Map<String, Object> data() {
    return data;
  }

  /** @return Alipay's {@code multiple}, {@code null} when not given */
  public Boolean multiple() {
    return multiple;
  }

  /** @return the per-connect timeout, {@code null} when not given (the configuration's timeout applies) */
  public Duration timeout() {
    return timeout;
  }

  /** @return which options were set explicitly (the url always counts as given) */
  public Set<ConnectOption> given() {
    return given;
  }

  /** @return the callbacks */
  public Callbacks callbacks() {
    return callbacks;
  }

  /**
   * @return what was wrong with loosely typed input these options were built from (see {@link JsOptions}), or
   *     {@code null}; connecting fails with it
   */
  public String problem() {
    return problem;
  }

  /**
   * A builder pre-filled with these options, to derive a variant.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.url = url;
    builder.header.putAll(header);
    builder.method = method;
    builder.protocols = protocols.isEmpty() && !given.contains(ConnectOption.PROTOCOLS) ? null : protocols;
    builder.data.putAll(data);
    builder.multiple = multiple;
    builder.timeout = timeout;
    builder.given.addAll(given);
    builder.problem(problem);
    return builder.success(callbacks.success()).fail(callbacks.fail()).complete(callbacks.complete());
  }

  @Override
  public String toString() {
    return "ConnectOptions{url=" + url + ", header=" + header.keySet() + ", method=" + method()
        + ", protocols=" + protocols + ", given=" + given + "}";
  }

  /** Builds {@link ConnectOptions}. */
  public static final class Builder extends Callbacks.Builder<Builder> {
    private String url;
    private final Map<String, Object> header = new LinkedHashMap<>();
    private String method;
    private List<String> protocols;
    private final Map<String, Object> data = new LinkedHashMap<>();
    private Boolean multiple;
    private Duration timeout;
    private final Set<ConnectOption> given = EnumSet.of(ConnectOption.URL);
    private Builder() {}


    /**
     * @param url the {@code wss://} (or {@code ws://}) address
     * @return this builder
     */
    public Builder url(String url) {
      this.url = url;
      return this;
    }

    /**
     * Adds one request header.
     *
     * @param name  the header name ({@code Referer} is refused when connecting)
     * @param value a String or a Number
     * @return this builder
     */
    public Builder header(String name, Object value) {
      header.put(name, value);
      given.add(ConnectOption.HEADER);
      return this;
    }

    /**
     * Adds request headers, in the map's order.
     *
     * @param headers names to String or Number values
     * @return this builder
     */
    public Builder header(Map<String, ?> headers) {
      header.putAll(headers);
      given.add(ConnectOption.HEADER);
      return this;
    }

    /**
     * @param method one of OPTIONS GET HEAD POST PUT DELETE TRACE CONNECT
     * @return this builder
     */
    public Builder method(String method) {
      this.method = method;
      given.add(ConnectOption.METHOD);
      return this;
    }

    /**
     * @param protocols the sub-protocols to offer, each a valid HTTP token
     * @return this builder
     */
    public Builder protocols(List<String> protocols) {
      this.protocols = protocols == null ? null : new ArrayList<>(protocols); // nulls are reported on connect
      given.add(ConnectOption.PROTOCOLS);
      return this;
    }

    /**
     * @param protocols the sub-protocols to offer, each a valid HTTP token
     * @return this builder
     */
    public Builder protocols(String... protocols) {
      return protocols(List.of(protocols));
    }

    /**
     * @param data request parameters (Alipay; accepted and ignored elsewhere, as in WeChat's example)
     * @return this builder
     */
    public Builder data(Map<String, ?> data) {
      this.data.putAll(data);
      given.add(ConnectOption.DATA);
      return this;
    }

    /**
     * @param multiple Alipay's switch: {@code true} returns a SocketTask, otherwise single-instance mode
     * @return this builder
     */
    public Builder multiple(boolean multiple) {
      this.multiple = multiple;
      given.add(ConnectOption.MULTIPLE);
      return this;
    }

    /**
     * @param timeout how long connecting may take, overriding the configuration's connect timeout
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      given.add(ConnectOption.TIMEOUT);
      return this;
    }

    /** @return the options */
    public ConnectOptions build() {
      return new ConnectOptions(this);
    }
  }
}
