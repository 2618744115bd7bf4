package io.minisocket.js.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * CommonJS modules: each file runs in its own function scope with {@code exports}, {@code require},
 * {@code module}, {@code __filename} and {@code __dirname}; {@code require} loads a relative or absolute path
 * ({@code ./lib}, {@code ./lib.js}, {@code ./dir} with {@code index.js}) once and returns its
 * {@code module.exports}. Line numbers in stack traces are the file's own. Used on the loop only.
 */
public final class Modules {
  private static final String[] SUFFIXES = {"", ".js", "/index.js"};

  private final JsContext js;
  private final Map<Path, Value> cache = new HashMap<>();

  /** @param js the script's context */
  public Modules(JsContext js) {
    this.js = js;
  }

  /**
   * Runs a file as a module (once; later calls return the same exports).
   *
   * @param file the file; its name as given appears in stack traces
   * @return its {@code module.exports}
   * @throws IOException when it cannot be read
   * @throws org.graalvm.polyglot.PolyglotException for a syntax error or an error its top level threw
   */
  public Value load(Path file) throws IOException {
    Path key = file.toAbsolutePath().normalize();
    Value cached = cache.get(key);
    if (cached != null) {
      return cached.getMember("exports");
    }
    String code = Files.readString(file, StandardCharsets.UTF_8);
    Source source = Source.newBuilder("js", js.moduleWrapper() + code + "\n})", file.toString()).buildLiteral();
    Value function = js.eval(source);
    Value module = (Value) js.toJs(Map.of());
    module.putMember("exports", js.toJs(Map.of()));
    cache.put(key, module);
    Path dir = key.getParent();
    Path shownDir = file.getParent() == null ? Path.of("") : file.getParent();
    ProxyExecutable require = args -> require(shownDir, HostObject.arg(args, 0));
    function.executeVoid(module.getMember("exports"), require, module, key.toString(), dir.toString());
    return module.getMember("exports");
  }

  private Value require(Path dir, Value specifier) {
    if (specifier == null || !specifier.isString()) {
      throw js.typeError("require: the module name must be a string, got " + specifier);
    }
    String name = specifier.asString();
    if (!(name.startsWith("./") || name.startsWith("../") || name.startsWith("/"))) {
      throw js.typeError("Cannot find module '" + name + "': only relative paths (./, ../) and absolute paths load");
    }
    for (String suffix : SUFFIXES) {
      Path candidate = dir.resolve(name + suffix).normalize();
      if (Files.isRegularFile(candidate)) {
        try {
          return load(candidate);
        } catch (IOException e) {
          throw js.typeError("Cannot read module '" + name + "': " + e.getMessage());
        }
      }
    }
    throw js.typeError("Cannot find module '" + name + "' from " + dir.toAbsolutePath().normalize());
  }
}
