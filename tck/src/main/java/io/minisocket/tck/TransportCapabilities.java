package io.minisocket.tck;

/**
 * What a transport can do of what the transport port asks, for the {@link TransportContractKit} (Trino's model): a
 * transport whose underlying client cannot do something declares it here, and says so in its documentation; the kit
 * then checks the weaker promise that remains instead of skipping the rule. Everything is present by default
 * ({@link #all()}), so a capability added later never breaks an existing subclass.
 *
 * <pre>{@code
 * TransportCapabilities.builder().tellsOverlappingHandshakesApart(false).build()
 * }</pre>
 */
public final class TransportCapabilities {

  private static final TransportCapabilities ALL = new Builder().build();

  private final boolean tellsOverlappingHandshakesApart;

  private TransportCapabilities(Builder builder) {
    this.tellsOverlappingHandshakesApart = builder.tellsOverlappingHandshakesApart;
  }

  /** @return every capability present: all that the port asks */
  public static TransportCapabilities all() {
    return ALL;
  }

  /** @return a builder with every capability present */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return whether each of two handshakes to the same URI in progress at once reports its own response headers in
   *     {@code opened}; without it, each reports its own headers or none, never the other's (the JDK's
   *     {@code java.net.http.WebSocket} does not expose them)
   */
  public boolean tellsOverlappingHandshakesApart() {
    return tellsOverlappingHandshakesApart;
  }

  @Override
  public String toString() {
    return "TransportCapabilities{tellsOverlappingHandshakesApart=" + tellsOverlappingHandshakesApart + "}";
  }

  /** Builds {@link TransportCapabilities}; what is not declared is present. */
  public static final class Builder {
    private boolean tellsOverlappingHandshakesApart = true;

    private Builder() {}

    /**
     * @param tellsApart whether overlapping handshakes to one URI each report their own response headers
     * @return this builder
     */
    public Builder tellsOverlappingHandshakesApart(boolean tellsApart) {
      this.tellsOverlappingHandshakesApart = tellsApart;
      return this;
    }

    /** @return the capabilities */
    public TransportCapabilities build() {
      return new TransportCapabilities(this);
    }
  }
}
