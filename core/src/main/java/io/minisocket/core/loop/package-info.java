/**
 * The event loop: one thread on which facades' callbacks, listeners, promise completions and timers run in order,
 * with JavaScript's run-to-completion guarantee. See {@link io.minisocket.core.loop.EventLoop}.
 */
package io.minisocket.core.loop;
