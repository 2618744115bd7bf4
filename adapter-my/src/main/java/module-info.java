/** MiniSocket's Alipay (my) facade over the core; Guice support is optional. */
// Guice is optional (requires static) and an automatic module, named by its Automatic-Module-Name.
@SuppressWarnings("requires-automatic")
module io.minisocket.adapter.my {
  // API
  exports io.minisocket.adapter.my;
  exports io.minisocket.adapter.my.guice;

  requires transitive io.minisocket.core;
  requires static com.google.guice;

  opens io.minisocket.adapter.my.guice to com.google.guice;
}
