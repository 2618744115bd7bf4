package io.minisocket.js.internal;

import io.minisocket.core.loop.EventLoop;
import io.minisocket.js.JsConsole;
import io.minisocket.js.JsError;
import io.minisocket.js.JsException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * One script's GraalJS context and the conversions between Java and JavaScript values. Every method that touches a
 * {@link Value} must run on the {@linkplain #loop() loop}; {@link #callback} and {@link #promise} are the ways in
 * from other threads.
 */
public final class JsContext implements AutoCloseable {
  /** Shared by every context: GraalJS caches parsed code per engine. */
  private static final class SharedEngine {
    static final Engine ENGINE = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
  }

  private final EventLoop loop;
  private final Consumer<JsError> uncaught;
  private final Context context;
  private final Value globals;
  private final Value helpers;
  private volatile boolean closed;

  /**
   * Creates the context; call on the loop.
   *
   * @param loop     the loop the context is entered from, and only from
   * @param console  receives each console line: level ({@code log}, {@code warn}, ...) and text
   * @param uncaught receives every error no script code caught
   */
  public JsContext(EventLoop loop, JsConsole console, Consumer<JsError> uncaught) {
    this.loop = loop;
    this.uncaught = uncaught;
    this.context = Context.newBuilder("js").engine(SharedEngine.ENGINE)
        .allowHostAccess(HostAccess.NONE)
        .allowIO(IOAccess.newBuilder().fileSystem(new ScriptFileSystem()).build())
        .option("js.ecmascript-version", "2022")
        .option("js.unhandled-rejections", "throw")
        .build();
    this.globals = context.getBindings("js");
    ProxyExecutable print = args -> {
      console.print(args[0].asString(), args[1].asString());
      return null;
    };
    this.helpers = context.eval(Source.newBuilder("js", resource("prelude.js"), "minisocket-prelude.js")
        .buildLiteral()).execute(print);
    globals.putMember("console", helpers.getMember("console"));
  }

  private static String resource(String name) {
    try (InputStream in = JsContext.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs the action now when called on the loop, otherwise queues it there (dropped once the loop is closed: the
   * script has ended).
   *
   * @param action touches the context
   */
  void run(Runnable action) {
    if (loop.inLoop()) {
      action.run();
    } else {
      try {
        loop.execute(action);
      } catch (RejectedExecutionException e) {
        // the script has ended; nothing is left to call
      }
    }
  }

  /** @return the loop the context runs on */
  EventLoop loop() {
    return loop;
  }

  /** @return the global object, to install globals on */
  public Value globals() {
    return globals;
  }

  /**
   * @param source the code to evaluate, named for stack traces
   * @return its value
   */
  public Value eval(Source source) {
    return context.eval(source);
  }

  /** @return the text that starts a CommonJS module wrapper (its parameters, on the module's first line) */
  String moduleWrapper() {
    return helpers.getMember("moduleWrapper").asString();
  }

  /** @return JavaScript's {@code undefined} */
  public Value undefined() {
    return helpers.getMember("undefined");
  }

  // ---- Java to JavaScript ----

  /**
   * @param value a String, Number, Boolean, Map, List, byte[], ByteBuffer, a {@link Value} or a proxy, or null
   * @return the JavaScript value: plain objects and arrays, ArrayBuffer for bytes
   */
  public Object toJs(Object value) {
    if (value instanceof Map<?, ?> map) {
      Value object = helpers.invokeMember("newObject");
      map.forEach((k, v) -> object.putMember(String.valueOf(k), toJs(v)));
      return object;
    }
    if (value instanceof List<?> list) {
      Value array = helpers.invokeMember("newArray");
      for (Object element : list) {
        array.invokeMember("push", toJs(element));
      }
      return array;
    }
    if (value instanceof byte[] bytes) {
      return arrayBuffer(ByteBuffer.wrap(bytes));
    }
    if (value instanceof ByteBuffer buffer) {
      return arrayBuffer(buffer);
    }
    return value;
  }

  private Value arrayBuffer(ByteBuffer source) {
    ByteBuffer bytes = source.duplicate().order(ByteOrder.BIG_ENDIAN);
    int length = bytes.remaining();
    Value buffer = helpers.invokeMember("arrayBuffer", length);
    long i = 0;
    for (; i + Long.BYTES <= length; i += Long.BYTES) {
      buffer.writeBufferLong(ByteOrder.BIG_ENDIAN, i, bytes.getLong());
    }
    for (; i < length; i++) {
      buffer.writeBufferByte(i, bytes.get());
    }
    return buffer;
  }

  /**
   * @param members the object's members
   * @param getters functions computing the values of read-only properties
   * @return a plain JavaScript object with those members and properties
   */
  Value plainObject(Object members, Object getters) {
    return helpers.invokeMember("plainObject", members, getters);
  }

  // ---- JavaScript to Java ----

  /**
   * Converts what a script passes as an option object: strings, numbers, booleans, arrays (List), objects (Map),
   * ArrayBuffer ({@code byte[]}), functions ({@link JsFunction}, which is a {@code Consumer} of results).
   *
   * @param value a JavaScript value
   * @return the Java value; {@code null} for null and undefined
   */
  public Object toJava(Value value) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isString()) {
      return value.asString();
    }
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    if (value.isNumber()) {
      return value.fitsInInt() ? (Object) value.asInt()
          : value.fitsInLong() ? (Object) value.asLong() : (Object) value.asDouble();
    }
    if (value.canExecute()) {
      return new JsFunction(this, value);
    }
    if (value.hasBufferElements()) {
      return bytes(value);
    }
    if (value.hasArrayElements()) {
      List<Object> list = new ArrayList<>();
      for (long i = 0; i < value.getArraySize(); i++) {
        list.add(toJava(value.getArrayElement(i)));
      }
      return list;
    }
    if (value.hasMembers()) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (String key : value.getMemberKeys()) {
        map.put(key, toJava(value.getMember(key)));
      }
      return map;
    }
    return value.toString();
  }

  /**
   * @param value a JavaScript object, or undefined
   * @param api   the API it was passed to, for the error message
   * @return its members converted by {@link #toJava}; {@code null} when it is null or undefined
   * @throws RuntimeException a JavaScript TypeError when it is something else
   */
  public Map<String, Object> options(Value value, String api) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (!(toJava(value) instanceof Map<?, ?> map)) {
      throw typeError(api + ": the argument must be an object, got " + value);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> options = (Map<String, Object>) map;
    return options;
  }

  private static byte[] bytes(Value buffer) {
    int length = Math.toIntExact(buffer.getBufferSize());
    ByteBuffer bytes = ByteBuffer.allocate(length).order(ByteOrder.BIG_ENDIAN);
    long i = 0;
    for (; i + Long.BYTES <= length; i += Long.BYTES) {
      bytes.putLong(buffer.readBufferLong(ByteOrder.BIG_ENDIAN, i));
    }
    for (; i < length; i++) {
      bytes.put(buffer.readBufferByte(i));
    }
    return bytes.array();
  }

  // ---- calling into JavaScript ----

  /**
   * @param message the TypeError's message
   * @return never returns normally: throws the JavaScript TypeError, which script code may catch
   */
  public RuntimeException typeError(String message) {
    helpers.invokeMember("typeError", message);
    throw new IllegalStateException("unreachable: " + message);
  }

  /**
   * A Java callback that calls the function on the loop with the converted argument. An error it throws is
   * reported as uncaught; the script goes on.
   *
   * @param function a JavaScript function
   * @param convert  turns the Java argument into a JavaScript one (runs on the loop)
   * @param <T>      the Java argument's type
   * @return the callback, callable from any thread
   */
  public <T> Consumer<T> callback(Value function, Function<T, Object> convert) {
    return argument -> run(() -> invoke(function, () -> convert.apply(argument)));
  }

  /**
   * Calls a JavaScript function now (on the loop), reporting an uncaught error.
   *
   * @param function  the function
   * @param argument  makes its argument
   */
  void invoke(Value function, Supplier<Object> argument) {
    invoke(() -> function.executeVoid(argument.get()));
  }

  /**
   * Calls a JavaScript function now (on the loop) with these arguments, reporting an uncaught error.
   *
   * @param function  the function
   * @param arguments its arguments
   */
  void invokeWith(Value function, Object... arguments) {
    invoke(() -> function.executeVoid(arguments));
  }

  private void invoke(Runnable call) {
    if (closed) {
      return;
    }
    try {
      call.run();
    } catch (PolyglotException e) {
      report(e);
    } catch (IllegalStateException e) {
      if (!closed) {
        throw e;
      }
    }
  }

  /**
   * A JavaScript Promise that settles on the loop when the future completes. Call on the loop. The loop has pending work until it settled.
   *
   * @param future   the Java result
   * @param resolved its value as JavaScript (runs on the loop)
   * @param rejected the rejection reason as JavaScript (runs on the loop)
   * @param <T>      the value's type
   * @return the Promise
   */
  public <T> Value promise(CompletableFuture<T> future, Function<T, Object> resolved,
      Function<Throwable, Object> rejected) {
    EventLoop.KeepAlive pending = loop.keepAlive("a Promise of a platform API");
    Value[] settle = new Value[2];
    Value promise = helpers.invokeMember("promise", (ProxyExecutable) args -> {
      settle[0] = args[0];
      settle[1] = args[1];
      return null;
    });
    future.whenComplete((value, failure) -> run(() -> {
      pending.close();
      if (failure == null) {
        invoke(settle[0], () -> resolved.apply(value));
      } else {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause() : failure;
        invoke(settle[1], () -> rejected.apply(cause));
      }
    }));
    return promise;
  }

  // ---- errors ----

  /**
   * Reports an error no script code caught (ignored once the context is closed or cancelled).
   *
   * @param e the error
   */
  public void report(PolyglotException e) {
    if (closed || e.isCancelled()) {
      return;
    }
    uncaught.accept(error(e));
  }

  /**
   * @param e a JavaScript error that reached Java
   * @return it with its {@code file:line} and frames
   */
  public static JsError error(PolyglotException e) {
    List<String> stack = new ArrayList<>();
    for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
      if (frame.isGuestFrame() && frame.getSourceLocation() != null) {
        String name = frame.getRootName();
        String where = location(frame.getSourceLocation());
        stack.add(name == null || name.isEmpty() || name.equals(":program") ? where : name + " (" + where + ")");
      }
    }
    String location = e.getSourceLocation() != null ? location(e.getSourceLocation()) : null;
    String message = e.isCancelled() ? "Error: the script was cancelled (it ran past its time)" : e.getMessage();
    if (e.isSyntaxError() && !message.startsWith("SyntaxError")) {
      message = "SyntaxError: " + message;
    }
    if (location == null && !stack.isEmpty()) {
      String top = stack.get(0);
      location = top.endsWith(")") ? top.substring(top.lastIndexOf('(') + 1, top.length() - 1) : top;
    }
    return new JsError(message, location, stack);
  }

  private static String location(SourceSection section) {
    return section.getSource().getName() + ":" + section.getStartLine();
  }

  /**
   * @param e a JavaScript error that reached Java code that must throw
   * @return the exception to throw
   */
  public static JsException exception(PolyglotException e) {
    return new JsException(error(e));
  }

  /** Cancels whatever the script is running, from any thread; the context cannot be used afterwards. */
  public void cancel() {
    closed = true;
    context.close(true);
  }

  /** @return whether the context was closed or cancelled */
  public boolean closed() {
    return closed;
  }

  /** The same as {@link #cancel}. */
  @Override
  public void close() {
    cancel();
  }
}
