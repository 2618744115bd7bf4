/**
 * The socket plumbing of {@link io.minisocket.testkit.MockWebSocketServer}: the HTTP/1.1 opening handshake and the
 * RFC 6455 protocol engine (frame reading and writing, masking, fragmentation, UTF-8 and close handling, the read
 * loop) behind the public {@link io.minisocket.testkit.ServerConnection} handle. Not exported by the testkit's module
 * and not an API: its types change without notice.
 */
package io.minisocket.testkit.internal;
