/**
 * uni-app's WebSocket API on the JVM: {@link io.minisocket.adapter.uni.Uni} ({@code uni.connectSocket}, returning a
 * SocketTask or a Promise by uni-app's rule, and the deprecated global socket API), configured per target platform
 * with {@link io.minisocket.adapter.uni.UniSettings}.
 */
package io.minisocket.adapter.uni;
