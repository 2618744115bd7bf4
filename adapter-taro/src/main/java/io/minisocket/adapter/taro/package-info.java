/**
 * Taro's WebSocket API: {@link io.minisocket.adapter.taro.Taro#connectSocket} returning a Promise
 * ({@link java.util.concurrent.CompletableFuture}) of the {@link io.minisocket.core.SocketTask}, Taro's connection
 * limit and message, and the deprecated global socket API per {@link io.minisocket.adapter.taro.TaroTarget}.
 */
package io.minisocket.adapter.taro;
