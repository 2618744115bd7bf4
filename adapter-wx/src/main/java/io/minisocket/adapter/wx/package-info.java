/**
 * WeChat's WebSocket API for the JVM: the {@link io.minisocket.adapter.wx.Wx} facade ({@code wx.connectSocket},
 * {@code SocketTask}, the global socket API) and its {@link io.minisocket.adapter.wx.WxSettings} (base library
 * version, connection limit, app configuration). Guice users bind it with
 * {@link io.minisocket.adapter.wx.guice.WxModule}.
 */
package io.minisocket.adapter.wx;
