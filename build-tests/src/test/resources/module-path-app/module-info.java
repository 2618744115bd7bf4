// A tiny modular application: it names MiniSocket's modules and nothing else.
module smoke.app {
  requires io.minisocket.adapter.wx;
}
