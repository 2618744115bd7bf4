package io.minisocket.transport.vertx;

import io.vertx.core.Vertx;
import io.vertx.core.net.TrustOptions;
import java.security.KeyStore;
import java.util.function.Function;
import javax.net.ssl.ManagerFactoryParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.TrustManagerFactorySpi;

/**
 * A trust manager as Vert.x trust options. (Vert.x's {@code TrustOptions.wrap} would do, but its wrapper class logs
 * through SLF4J directly and fails where SLF4J is absent.)
 */
final class TrustManagerOptions {

  private TrustManagerOptions() {}

  /**
   * @param trustManager the trust manager every connection uses
   * @return immutable trust options that hand out {@code trustManager}
   */
  static TrustOptions of(TrustManager trustManager) {
    TrustManagerFactory factory = new TrustManagerFactory(new TrustManagerFactorySpi() {
      @Override
      protected void engineInit(KeyStore keyStore) {
        // configured already
      }

      @Override
      protected void engineInit(ManagerFactoryParameters parameters) {
        // configured already
      }

      @Override
      protected TrustManager[] engineGetTrustManagers() {
        return new TrustManager[] {trustManager};
      }
    }, null, "MiniSocket") { };
    return new TrustOptions() {
      @Override
      public TrustOptions copy() {
        return this; // immutable
      }

      @Override
      public TrustManagerFactory getTrustManagerFactory(Vertx vertx) {
        return factory;
      }

      @Override
      public Function<String, TrustManager[]> trustManagerMapper(Vertx vertx) {
        return serverName -> factory.getTrustManagers();
      }
    };
  }
}
