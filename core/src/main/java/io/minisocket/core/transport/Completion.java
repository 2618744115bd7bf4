package io.minisocket.core.transport;

/** Receives the outcome of one write; see {@link Connection#send}. */
@FunctionalInterface
public interface Completion {

  /**
   * Called exactly once.
   *
   * @param failure {@code null} when the write succeeded, otherwise why it did not
   */
  void complete(Throwable failure);
}
