package io.minisocket.testkit.internal;

import java.util.List;
import java.util.Map;

/**
 * A parsed HTTP request head, before it becomes a {@link io.minisocket.testkit.RecordedRequest}.
 *
 * @param method      the request method
 * @param target      the request target: path and query
 * @param httpVersion e.g. {@code HTTP/1.1}
 * @param headers     header values by name, names case-insensitive
 */
public record RequestHead(String method, String target, String httpVersion, Map<String, List<String>> headers) {}
