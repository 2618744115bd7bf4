package io.minisocket.transport.vertx.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.minisocket.core.transport.Transport;
import io.minisocket.transport.vertx.VertxTransport;
import io.minisocket.transport.vertx.VertxTransportOptions;
import io.vertx.core.Vertx;
import java.util.Objects;

/**
 * Binds {@link Transport} and {@link VertxTransport} to one singleton {@link VertxTransport}.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new VertxTransportModule());
 * Transport transport = injector.getInstance(Transport.class); // close it when done
 * }</pre>
 *
 * <p>With the no-argument and options constructors the transport starts and owns its own {@link Vertx}, which
 * closing the transport stops; with a {@link Vertx} passed in, that instance stays the caller's.
 */
@SuppressWarnings("exports") // Guice is optional: whoever uses this module has Guice and reads it
public final class VertxTransportModule extends AbstractModule {

  private final Vertx vertx;
  private final VertxTransportOptions options;

  /** Default options, on a {@link Vertx} the transport creates and owns. */
  public VertxTransportModule() {
    this(null, VertxTransportOptions.defaults());
  }

  /**
   * Default options, on the caller's {@link Vertx} (never closed by the transport).
   *
   * @param vertx the Vert.x instance to use
   */
  public VertxTransportModule(Vertx vertx) {
    this(Objects.requireNonNull(vertx, "vertx"), VertxTransportOptions.defaults());
  }

  /**
   * The given options, on a {@link Vertx} the transport creates and owns.
   *
   * @param options the transport settings
   */
  public VertxTransportModule(VertxTransportOptions options) {
    this(null, Objects.requireNonNull(options, "options"));
  }

  /**
   * The given options, on the caller's {@link Vertx} (never closed by the transport).
   *
   * @param vertx   the Vert.x instance to use
   * @param options the transport settings
   */
  public VertxTransportModule(Vertx vertx, VertxTransportOptions options) {
    this.vertx = vertx;
    this.options = Objects.requireNonNull(options, "options");
  }

  @Override
  protected void configure() {
    bind(Transport.class).to(VertxTransport.class);
  }

  @Provides
  @Singleton
  VertxTransport vertxTransport() {
    return vertx == null ? VertxTransport.create(options) : VertxTransport.create(vertx, options);
  }
}
