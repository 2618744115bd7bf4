package io.minisocket.core.internal;

import io.minisocket.core.ErrorKind;

/**
 * A rejected input: its kind and, where the platform has no fixed wording, a message saying what was wrong.
 *
 * @param kind    the failure kind
 * @param message what was wrong, or {@code null} to use the profile's wording for the kind
 */
public record Invalid(ErrorKind kind, String message) {}
