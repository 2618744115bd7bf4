package io.minisocket.js;

import io.minisocket.adapter.my.My;
import io.minisocket.adapter.taro.Taro;
import io.minisocket.adapter.uni.Uni;
import io.minisocket.adapter.wx.Wx;
import io.minisocket.core.loop.EventLoop;
import io.minisocket.core.spi.PlatformFacade;
import io.minisocket.js.internal.JsContext;
import io.minisocket.js.internal.Modules;
import io.minisocket.js.internal.PlatformGlobals;
import io.minisocket.js.internal.Timers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * Runs mini-program JavaScript on GraalJS against facades the caller built: the script sees {@code wx}, {@code my},
 * {@code uni} and {@code Taro} (those given), {@code console}, the timers and CommonJS {@code require} of relative
 * paths.
 *
 * <pre>{@code
 * try (JsScript script = JsScript.builder().wx(Wx.create(transport)).global("SERVER", url).build()) {
 *   script.load(Path.of("socket.js"));                    // runs the file's top level
 *   Object reply = script.call("echo", "hi").get(10, SECONDS); // an exported function; a Promise is awaited
 *   script.awaitIdle(Duration.ofSeconds(10));              // until no socket, timer or Promise is pending
 * }
 * }</pre>
 *
 * <p><b>Lifecycle.</b> {@link #builder()} ... {@link Builder#build()} starts the script's loop thread and its
 * context; {@link #load} runs files; {@link #close()} cancels whatever still runs, closes the facades (the script
 * owns them from {@code build()} on, so no socket outlives it) and ends the thread.
 *
 * <p><b>Threading.</b> All JavaScript — the files' top level, every callback, listener, Promise reaction and timer
 * — runs on the script's one loop thread, one piece at a time and each to completion, as in a mini-program; no
 * transport thread ever enters the context. The methods of this class may be called from any thread; they hand
 * their work to the loop and wait for it.
 *
 * <p><b>Errors.</b> An error no script code caught is never lost: thrown by a file's top level or an exported
 * function, it reaches the Java caller ({@link JsException}); thrown by a callback, listener or timer, it is
 * recorded in {@link #errors()} and printed to the console's {@code error}, and the script goes on, as a
 * mini-program does. A script still busy when its time is up is cancelled.
 */
public final class JsScript implements AutoCloseable {
  /** How long each {@link #load} may take unless the builder says otherwise: 30 s. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  private static final AtomicInteger COUNT = new AtomicInteger();
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);
  /** Creating a context runs no script code, but takes seconds on a loaded machine in interpreter mode. */
  private static final Duration CONTEXT_START = Duration.ofSeconds(60);

  private final EventLoop loop;
  private final List<PlatformFacade> facades;
  private final Duration timeout;
  private final JsConsole console;
  private final List<JsError> errors = new CopyOnWriteArrayList<>();
  private final JsContext js;
  private Modules modules;
  private Timers timers;
  private Value exports;

  private JsScript(Builder b) {
    this.loop = b.loop;
    this.facades = List.copyOf(b.facades.keySet());
    this.timeout = b.timeout;
    this.console = b.console;
    try {
      this.js = onLoop(() -> {
        JsContext context = new JsContext(loop, console, this::uncaught);
        Value globals = context.globals();
        b.facades.forEach((facade, global) -> globals.putMember(global.name(), global.shape().apply(context, facade)));
        b.globals.forEach((name, value) -> globals.putMember(name, context.toJs(value)));
        timers = new Timers(context);
        timers.install();
        modules = new Modules(context);
        return context;
      }, CONTEXT_START);
    } catch (RuntimeException | Error e) {
      closeQuietly();
      throw e;
    }
  }

  /** @return a builder for a script without platform globals yet */
  public static Builder builder() {
    return new Builder();
  }

  private void uncaught(JsError error) {
    errors.add(error);
    console.print("error", "Uncaught " + error.describe());
  }

  /**
   * Runs a file's top level: as a classic script in the global scope, with CommonJS {@code require} (of relative
   * paths), {@code module} and {@code exports} as globals; or, when it is a {@code .mjs} file or has a line starting
   * with an {@code import} or {@code export} declaration, as an ES module (which may import relative files and
   * {@code @tarojs/taro}). The file's name as given appears in stack traces.
   *
   * @param file the JavaScript file
   * @throws JsException for a syntax error (with its {@code file:line}) or an error the top level threw; or when it
   *     ran past the timeout (the script is then cancelled)
   * @throws UncheckedIOException when the file cannot be read
   */
  public void load(Path file) {
    Objects.requireNonNull(file, "file");
    onLoop(() -> {
      try {
        Value loaded = modules.loadMain(file);
        if (exports == null) {
          exports = loaded;
        }
        return null;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }, timeout);
  }

  /**
   * Calls a function that the first loaded file exports ({@code module.exports.name}, {@code export function
   * name}), or else a global function of that name (a classic script's top-level {@code function name}).
   * Arguments and the result are converted: strings, numbers, booleans, arrays (List), objects (Map), ArrayBuffer
   * (byte[]). A Promise returned by the function is awaited.
   *
   * @param name the exported name
   * @param args the arguments
   * @return the result; completed exceptionally with a {@link JsException} when the function threw or the Promise
   *     rejected
   */
  public CompletableFuture<Object> call(String name, Object... args) {
    Objects.requireNonNull(name, "name");
    CompletableFuture<Object> result = new CompletableFuture<>();
    try {
      loop.execute(() -> call(name, args, result));
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(new IllegalStateException("the script has ended", e));
    }
    return result;
  }

  private void call(String name, Object[] args, CompletableFuture<Object> result) {
    try {
      Value function = exports == null ? null : exports.getMember(name);
      if (function == null || !function.canExecute()) {
        function = js.globals().getMember(name);
      }
      if (function == null || !function.canExecute()) {
        throw new IllegalArgumentException("the script has no function '" + name + "' (exported or global)");
      }
      Object[] converted = new Object[args.length];
      for (int i = 0; i < args.length; i++) {
        converted[i] = js.toJs(args[i]);
      }
      Value value = function.execute(converted);
      if (value.getMetaObject() != null && value.hasMember("then") && value.getMember("then").canExecute()) {
        value.invokeMember("then",
            (ProxyExecutable) a -> result.complete(js.toJava(a[0])),
            (ProxyExecutable) a -> result.completeExceptionally(
                new JsException(new JsError("Uncaught (in promise) " + a[0], null, List.of()))));
      } else {
        result.complete(js.toJava(value));
      }
    } catch (PolyglotException e) {
      result.completeExceptionally(JsContext.exception(e));
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
    }
  }

  /**
   * Waits until nothing is pending — no socket of the facades left to close, no timer, no Promise of a platform
   * API unsettled, no callback waiting to run — or until the time is up; then the script is cancelled.
   *
   * @param limit how long to wait
   * @return {@code true} when the script went idle, {@code false} when it was cancelled at the limit
   */
  public boolean awaitIdle(Duration limit) {
    try {
      if (loop.awaitIdle(limit)) {
        return true;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    cancel();
    return false;
  }

  /** @return every error that no script code caught so far (top-level errors thrown by {@link #load} excluded) */
  public List<JsError> errors() {
    return List.copyOf(errors);
  }

  /** Cancels whatever the script is running; it can run nothing afterwards. Callable from any thread. */
  public void cancel() {
    if (js != null && !js.closed()) {
      errors.add(new JsError("Error: the script was cancelled (it ran past its time)", null, List.of()));
      js.cancel();
    }
  }

  /**
   * Cancels the script, closes the facades it was given (waiting up to 2 s for their sockets' closing handshakes)
   * and stops its loop thread.
   */
  @Override
  public void close() {
    closeQuietly();
  }

  private void closeQuietly() {
    if (js != null && !js.closed()) {
      js.cancel();
    }
    if (timers != null) {
      timers.cancelAll();
    }
    for (PlatformFacade facade : facades) {
      facade.close();
    }
    awaitSocketsClosed();
    loop.close();
  }

  /**
   * Gives the closing handshakes of the facades' sockets a moment to finish, so that none ends abruptly and their
   * close events run on the loop before it closes (each socket keeps the loop busy until then).
   */
  private void awaitSocketsClosed() {
    if (loop.inLoop()) {
      return;
    }
    try {
      loop.awaitIdle(CLOSE_WAIT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private <T> T onLoop(Callable<T> work, Duration limit) {
    CompletableFuture<T> done = loop.submit(() -> {
      try {
        return work.call();
      } catch (PolyglotException e) {
        throw JsContext.exception(e);
      }
    });
    try {
      return done.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      cancel();
      throw new JsException(new JsError("Error: the script was cancelled: still running after " + limit, null,
          List.of()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the script", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private record Global(String name, BiFunction<JsContext, PlatformFacade, Object> shape) {}

  /**
   * Chooses the platform globals and the script's settings. The builder starts the script's {@link #loop()}: create
   * the facades on it ({@code WxSettings.builder().eventLoop(builder.loop())}, ...), so that their callbacks run on
   * the script's thread, after the code that caused them. A builder that is never built leaves its loop to the
   * caller to close.
   */
  public static final class Builder {
    private final EventLoop loop = EventLoop.builder().name("minisocket-js-" + COUNT.incrementAndGet()).build();
    private final Map<PlatformFacade, Global> facades = new LinkedHashMap<>();
    private final Map<String, Object> globals = new LinkedHashMap<>();
    private Duration timeout = DEFAULT_TIMEOUT;
    private JsConsole console = JsConsole.of(System.out, System.err);

    private Builder() {}

    /**
     * @return the loop the script will run on, and every facade given to it must be created on; the script closes
     *     it
     */
    public EventLoop loop() {
      return loop;
    }

    /**
     * @param wx the facade behind the global {@code wx}; the script closes it
     * @return this builder
     */
    public Builder wx(Wx wx) {
      return facade(wx, new Global("wx", (js, f) -> PlatformGlobals.wx(js, (Wx) f)));
    }

    /**
     * @param my the facade behind the global {@code my}; the script closes it
     * @return this builder
     */
    public Builder my(My my) {
      return facade(my, new Global("my", (js, f) -> PlatformGlobals.my(js, (My) f)));
    }

    /**
     * @param uni the facade behind the global {@code uni}; the script closes it
     * @return this builder
     */
    public Builder uni(Uni uni) {
      return facade(uni, new Global("uni", (js, f) -> PlatformGlobals.uni(js, (Uni) f)));
    }

    /**
     * @param taro the facade behind the global {@code Taro}; the script closes it
     * @return this builder
     */
    public Builder taro(Taro taro) {
      return facade(taro, new Global("Taro", (js, f) -> PlatformGlobals.taro(js, (Taro) f)));
    }

    private Builder facade(PlatformFacade facade, Global global) {
      Objects.requireNonNull(facade, "facade");
      if (facade.eventLoop().orElse(null) != loop) {
        throw new IllegalArgumentException("create the " + global.name() + " facade on the script's loop: "
            + "settings.eventLoop(builder.loop()); its callbacks must run on the script's thread");
      }
      facades.put(facade, global);
      return this;
    }

    /**
     * @param name  a global variable for the script
     * @param value a String, Number, Boolean, List, Map or byte[] (converted to JavaScript)
     * @return this builder
     */
    public Builder global(String name, Object value) {
      globals.put(Objects.requireNonNull(name, "name"), value);
      return this;
    }

    /**
     * @param timeout how long each {@link JsScript#load} may take before the script is cancelled (default
     *                {@link JsScript#DEFAULT_TIMEOUT})
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * @param console where {@code console.*} lines go (default: standard output, warn and error to standard error)
     * @return this builder
     */
    public Builder console(JsConsole console) {
      this.console = Objects.requireNonNull(console, "console");
      return this;
    }

    /**
     * Starts the script's loop and context, with the globals chosen.
     *
     * @return the script, ready to {@link JsScript#load}
     */
    public JsScript build() {
      return new JsScript(this);
    }
  }
}
