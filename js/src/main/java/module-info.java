/**
 * MiniSocket's JavaScript runtime: mini-program JavaScript on GraalJS over the Java facades. Implementation lives
 * in {@code io.minisocket.js.internal}, which is not exported.
 */
module io.minisocket.js {
  // API
  exports io.minisocket.js;

  requires transitive io.minisocket.core;
  requires transitive org.graalvm.polyglot;
  requires transitive io.minisocket.adapter.wx;
  requires transitive io.minisocket.adapter.my;
  requires transitive io.minisocket.adapter.uni;
  requires transitive io.minisocket.adapter.taro;
}
