/**
 * Benchmarks of MiniSocket against raw Vert.x, the JDK's {@code java.net.http.WebSocket}, OkHttp and
 * Java-WebSocket: an echo server in a JVM of its own, and each client, workload and repetition in a fresh JVM.
 * Entry point: {@link io.minisocket.bench.Bench}.
 */
package io.minisocket.bench;
