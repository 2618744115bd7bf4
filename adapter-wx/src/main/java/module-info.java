/** MiniSocket's WeChat (wx) facade over the core; Guice support is optional. */
// Guice is optional (requires static) and an automatic module, named by its Automatic-Module-Name.
@SuppressWarnings("requires-automatic")
module io.minisocket.adapter.wx {
  // API
  exports io.minisocket.adapter.wx;
  exports io.minisocket.adapter.wx.guice;

  requires transitive io.minisocket.core;
  requires static com.google.guice;

  opens io.minisocket.adapter.wx.guice to com.google.guice;
}
