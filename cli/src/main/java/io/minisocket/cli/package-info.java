/**
 * The {@code minisocket} command line ({@link io.minisocket.cli.Main}): {@code connect}, a WebSocket client that
 * behaves like the chosen platform's and prints every event as a JSON line; {@code demo}, the four platforms side by
 * side against an embedded echo server; {@code load}, many connections under a platform's rules with a latency
 * summary. Everything but {@code Main} is package-private.
 */
package io.minisocket.cli;
