/**
 * Local WebSocket servers and certificates for tests of code that uses MiniSocket (or any WebSocket client).
 *
 * <ul>
 *   <li>{@link io.minisocket.testkit.MockWebSocketServer}: scriptable and recording, in the spirit of OkHttp's
 *       {@code MockWebServer}. Per connection a {@link io.minisocket.testkit.Handshake} policy (accept, reject with a
 *       status, answer without upgrade, stall, reset, sub-protocol rules) and a {@link io.minisocket.testkit.Script}
 *       (echo, reply, send on open, close or reset after n messages); runtime control through
 *       {@link io.minisocket.testkit.ServerConnection} (send, ping, close, reset, pause reading); recordings as
 *       {@link io.minisocket.testkit.RecordedRequest}, {@link io.minisocket.testkit.RecordedMessage} and
 *       {@link io.minisocket.testkit.RecordedClose}.</li>
 *   <li>{@link io.minisocket.testkit.EchoServer}: a plain Vert.x echo server, for the simple case.</li>
 *   <li>{@link io.minisocket.testkit.SelfSignedCertificate}: an in-memory certificate for {@code wss://}.</li>
 * </ul>
 *
 * Every server listens on 127.0.0.1 and an ephemeral port only.
 */
package io.minisocket.testkit;
