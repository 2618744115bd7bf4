/**
 * Runs mini-program JavaScript unmodified on GraalJS: the platform globals ({@code wx}, {@code my}, {@code uni},
 * {@code Taro}) as thin JavaScript shapes over the Java facades, on one event-loop thread per script.
 */
package io.minisocket.js;
