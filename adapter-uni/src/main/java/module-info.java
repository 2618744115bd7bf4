/** MiniSocket's uni-app (uni) facade over the core; Guice support is optional. */
// Guice is optional (requires static) and an automatic module, named by its Automatic-Module-Name.
@SuppressWarnings("requires-automatic")
module io.minisocket.adapter.uni {
  // API
  exports io.minisocket.adapter.uni;
  exports io.minisocket.adapter.uni.guice;

  requires transitive io.minisocket.core;
  requires static com.google.guice;

  opens io.minisocket.adapter.uni.guice to com.google.guice;
}
