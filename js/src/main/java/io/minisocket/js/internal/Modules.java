package io.minisocket.js.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * CommonJS modules: each file runs in its own function scope with {@code exports}, {@code require},
 * {@code module}, {@code __filename} and {@code __dirname}; {@code require} loads a relative or absolute path
 * ({@code ./lib}, {@code ./lib.js}, {@code ./dir} with {@code index.js}) once and returns its
 * {@code module.exports}. Line numbers in stack traces are the file's own. A {@code .mjs} file, or a {@code .js} file
 * with a line that starts with an {@code import} or {@code export} declaration, runs as an ES module instead: its
 * imports load relative files and {@code @tarojs/taro} (the global {@code Taro}), which {@code require} also gives
 * (with the global's members and as {@code default}, as compiled Taro code expects). Used on the loop only.
 */
public final class Modules {
  /** A line that starts with a static import or export declaration makes a {@code .js} file an ES module. */
  private static final Pattern ES_MODULE = Pattern.compile("^(import\\s*[\\w{*'\"]|export\\s)", Pattern.MULTILINE);
  private static final String[] SUFFIXES = {"", ".js", "/index.js"};

  private final JsContext js;
  private final Map<Path, Value> cache = new HashMap<>();

  /** @param js the script's context */
  public Modules(JsContext js) {
    this.js = js;
  }

  /**
   * Runs the main file: an ES module as such, anything else as a classic script in the global scope (its top-level
   * {@code var}s and functions become globals, {@code this} is the global object), with {@code require},
   * {@code module}, {@code exports}, {@code __filename} and {@code __dirname} as globals.
   *
   * @param file the file; its name as given appears in stack traces
   * @return its exports: the ES module's namespace, or {@code module.exports}
   * @throws IOException when it cannot be read
   * @throws org.graalvm.polyglot.PolyglotException for a syntax error or an error its top level threw
   */
  public Value loadMain(Path file) throws IOException {
    String code = Files.readString(file, StandardCharsets.UTF_8);
    if (isEsModule(file, code)) {
      return load(file);
    }
    Path key = file.toAbsolutePath().normalize();
    Value module = newModule(key);
    Value globals = js.globals();
    globals.putMember("module", module);
    globals.putMember("exports", module.getMember("exports"));
    globals.putMember("require", requireFrom(file));
    globals.putMember("__filename", key.toString());
    globals.putMember("__dirname", key.getParent().toString());
    js.eval(Source.newBuilder("js", code, file.toString()).buildLiteral());
    return module.getMember("exports");
  }

  private static boolean isEsModule(Path file, String code) {
    return file.toString().endsWith(".mjs") || ES_MODULE.matcher(code).find();
  }

  private Value newModule(Path key) {
    Value module = (Value) js.toJs(Map.of());
    module.putMember("exports", js.toJs(Map.of()));
    cache.put(key, module);
    return module;
  }

  private ProxyExecutable requireFrom(Path file) {
    Path shownDir = file.getParent() == null ? Path.of("") : file.getParent();
    return args -> require(shownDir, HostObject.arg(args, 0));
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
    if (isEsModule(file, code)) {
      Value namespace = js.eval(Source.newBuilder("js", code, file.toString())
          .mimeType("application/javascript+module").buildLiteral());
      newModule(key).putMember("exports", namespace);
      return namespace;
    }
    Source source = Source.newBuilder("js", js.moduleWrapper() + code + "\n})", file.toString()).buildLiteral();
    Value function = js.eval(source);
    Value module = newModule(key);
    function.executeVoid(module.getMember("exports"), requireFrom(file), module, key.toString(),
        key.getParent().toString());
    return module.getMember("exports");
  }

  private Value require(Path dir, Value specifier) {
    if (specifier == null || !specifier.isString()) {
      throw js.typeError("require: the module name must be a string, got " + specifier);
    }
    String name = specifier.asString();
    String global = ScriptFileSystem.PACKAGES.get(name);
    if (global != null) {
      return js.eval(Source.create("js", "Object.assign({default: globalThis." + global + "}, globalThis." + global
          + ")"));
    }
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
