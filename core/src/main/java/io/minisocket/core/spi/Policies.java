package io.minisocket.core.spi;

/** The behaviours a {@link PlatformProfile} chooses between. */
public final class Policies {
  private Policies() {}

  /** What {@code close()} does while the socket is still connecting. */
  public enum CloseWhileConnecting {
    /**
     * Cancel the handshake at once, as browsers do (WHATWG "fail the WebSocket connection"): readyState becomes
     * CLOSING at once, then onError and onClose 1006 follow.
     */
    ABORT,
    /** Let the handshake finish, deliver onOpen, then close at once with the requested code and reason. */
    CLOSE_AFTER_OPEN
  }

  /** What {@code send} does while the socket is still connecting. */
  public enum QueueUntilOpen {
    /** Fail the send: the socket is not connected (what the platforms do). */
    REFUSE,
    /** Queue it (within the byte bound) and send it in order on open; fail it if the connect fails. */
    QUEUE
  }

  /** What happens when a send would exceed the send queue's byte bound. */
  public enum QueueOverflow {
    /** Fail that send; the connection carries on. */
    FAIL_SEND,
    /** Fail that send and close the connection (uni-app's App rule: more than 16 MiB queued). */
    CLOSE_CONNECTION
  }

  /** What a second connect of the single global socket does while the first is not closed. */
  public enum SecondGlobalConnect {
    /** Fail the new connect: the connection already exists. */
    REFUSE,
    /** Close the existing global socket and open the new one (WeChat before base library 1.7.0). */
    REPLACE
  }

  /** When connectSocket's success or fail callback runs. */
  public enum ConnectResultTiming {
    /**
     * When the request is accepted (validated, within the limit), before the socket opens — the mini-program
     * platforms' behaviour; a later network failure reaches only onError and onClose.
     */
    ON_ACCEPT,
    /** When the socket opens (success, just before onOpen) or fails to (fail, with the reason). */
    ON_OPEN
  }

  /** What an option the platform does not accept does. */
  public enum UnsupportedOption {
    /** Ignore it, as the platforms do (logged at debug). */
    IGNORE,
    /** Fail the connect, naming the option. */
    REJECT
  }

  /** Which task the global socket API acts on. */
  public enum GlobalSocketChoice {
    /** Only a socket opened with {@code connectGlobalSocket} (uni-app, Alipay's single-instance mode). */
    GLOBAL_CONNECT,
    /** The oldest task that is not closed, however it was opened (WeChat). */
    FIRST_LIVE_TASK
  }

  /** What {@code onSocketOpen} and its siblings do with an earlier handler. */
  public enum GlobalHandlers {
    /** Keep one handler per event: a new call replaces the previous one (WeChat). */
    REPLACE,
    /** Keep every handler until {@code offSocketX} removes it (Alipay). */
    ADD
  }
}
