/** Local WebSocket servers and self-signed certificates for tests of code that uses MiniSocket. */
module io.minisocket.testkit {
  // API
  exports io.minisocket.testkit;

  // Internal API: io.minisocket.testkit.internal (the protocol engine) is not exported

  requires transitive io.vertx.core;
  requires org.bouncycastle.pkix;
  requires org.bouncycastle.provider;
}
