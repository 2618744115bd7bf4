/** MiniSocket's Taro facade over the core; Guice support is optional. */
// Guice is optional (requires static) and an automatic module, named by its Automatic-Module-Name.
@SuppressWarnings("requires-automatic")
module io.minisocket.adapter.taro {
  // API
  exports io.minisocket.adapter.taro;
  exports io.minisocket.adapter.taro.guice;

  requires transitive io.minisocket.core;
  requires static com.google.guice;

  opens io.minisocket.adapter.taro.guice to com.google.guice;
}
