/**
 * Alipay's {@code my} WebSocket API on the JVM: the {@link io.minisocket.adapter.my.My} facade
 * ({@code connectSocket} in single-instance mode, {@code connectSocketTask} for {@code multiple: true}, the global
 * socket API, numeric error codes) and its {@link io.minisocket.adapter.my.MySettings}.
 */
package io.minisocket.adapter.my;
