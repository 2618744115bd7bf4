/**
 * Guice wiring for the {@link io.minisocket.adapter.wx.Wx} facade. Guice is an optional dependency: only users of
 * this package need it on the class path.
 */
package io.minisocket.adapter.wx.guice;
