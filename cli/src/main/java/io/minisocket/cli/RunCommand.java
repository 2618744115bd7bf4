package io.minisocket.cli;

import io.minisocket.adapter.my.My;
import io.minisocket.adapter.my.MySettings;
import io.minisocket.adapter.taro.Taro;
import io.minisocket.adapter.taro.TaroSettings;
import io.minisocket.adapter.taro.TaroTarget;
import io.minisocket.adapter.uni.Uni;
import io.minisocket.adapter.uni.UniPlatform;
import io.minisocket.adapter.uni.UniSettings;
import io.minisocket.adapter.wx.Wx;
import io.minisocket.adapter.wx.WxSettings;
import io.minisocket.core.SocketConfig;
import io.minisocket.js.JsConsole;
import io.minisocket.js.JsError;
import io.minisocket.js.JsException;
import io.minisocket.js.JsScript;
import io.minisocket.transport.vertx.VertxTransport;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code minisocket run FILE.js --platform P}: runs mini-program JavaScript on GraalJS until nothing is pending. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
    header = "Runs mini-program JavaScript (wx, my, uni, Taro) on the JVM until nothing is pending.",
    description = {"Runs FILE on GraalJS with the platform's global (wx, my, uni or Taro) backed by MiniSocket, plus "
        + "console, setTimeout/setInterval and require of relative files (a file with import/export runs as an ES "
        + "module and may import @tarojs/taro). All JavaScript runs on one thread, as in a mini-program. The run ends "
        + "when no socket, timer or platform Promise is pending, or at --timeout (the script is then cancelled).",
        "An error that no script code caught is printed with its file:line stack; the script goes on, as a "
        + "mini-program does, and the exit status is 1."},
    footer = {"", "Examples:",
        "  minisocket run js/examples/echo.js -p wx --embedded",
        "  minisocket run socket.js -p uni --target mp-alipay --allow example.com",
        "", "Exit status: 0 when the script ran to the end without an uncaught error, 1 for an uncaught error, a "
        + "syntax error or a timeout, 2 for bad arguments."})
final class RunCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE.js", description = "The script.")
  private Path file;

  @Option(names = {"-p", "--platform"}, required = true, paramLabel = "wx|my|uni|taro",
      converter = Platform.Converter.class, completionCandidates = Platform.Ids.class,
      description = "The global the script uses: wx (WeChat), my (Alipay), uni (uni-app), taro (Taro).")
  private Platform platform;

  @Option(names = "--target", paramLabel = "TARGET",
      description = "uni: the platform uni-app runs on (mp-weixin, mp-alipay, mp-toutiao, app, h5, ...; default "
          + "mp-weixin); taro: weapp, alipay, swan, h5 or rn (default weapp).")
  private String target;

  @Option(names = "--allow", paramLabel = "DOMAIN",
      description = "Put DOMAIN on the socket domain allow-list (repeatable).")
  private List<String> allow = new ArrayList<>();

  @Option(names = "--config", paramLabel = "FILE",
      description = "App configuration as JSON (app.json style): networkTimeout.connectSocket, urlCheck, "
          + "socketDomains, maxQueueBytes.")
  private Path config;

  @Option(names = "--trust-pem", paramLabel = "FILE",
      description = "Trust the certificate(s) in this PEM file instead of the JDK's trust store.")
  private Path trustPem;

  @Option(names = "--insecure-dev",
      description = "Development only: accept any certificate and turn the url check off.")
  private boolean insecureDev;

  @Option(names = "--embedded",
      description = "Start the embedded wss echo server; the script finds its url in the global SERVER_URL.")
  private boolean embedded;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
      description = "Cancel the script after this long (default ${DEFAULT-VALUE}).")
  private Duration timeout;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isReadable(file)) {
      throw new ParameterException(spec.commandLine(), "cannot read " + file);
    }
    EmbeddedEchoServer server = embedded ? EmbeddedEchoServer.start() : null;
    try (VertxTransport transport = transport(server)) {
      JsScript.Builder builder = JsScript.builder().timeout(timeout).console(console(out, err));
      if (server != null) {
        builder.global("SERVER_URL", server.url());
      }
      addFacade(builder, transport, config(server, err));
      try (JsScript script = builder.build()) {
        return run(script, out, err);
      }
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  private int run(JsScript script, PrintWriter out, PrintWriter err) {
    long start = System.nanoTime();
    try {
      script.load(file);
    } catch (JsException e) {
      err.println("minisocket run: " + e.error().describe());
      return 1;
    } catch (UncheckedIOException e) {
      err.println("minisocket run: " + e.getMessage());
      return 1;
    }
    boolean idle = script.awaitIdle(timeout.minusNanos(System.nanoTime() - start));
    out.flush();
    if (!idle) {
      err.println("minisocket run: still running after " + timeout + " (--timeout): cancelled");
    }
    List<JsError> errors = script.errors();
    if (!errors.isEmpty()) {
      err.println("minisocket run: " + errors.size() + " uncaught error" + (errors.size() == 1 ? "" : "s"));
    }
    err.flush();
    return idle && errors.isEmpty() ? 0 : 1;
  }

  private static JsConsole console(PrintWriter out, PrintWriter err) {
    return (level, text) -> {
      PrintWriter stream = level.equals("warn") || level.equals("error") ? err : out;
      stream.println(text);
      stream.flush();
    };
  }

  private VertxTransport transport(EmbeddedEchoServer server) {
    return ConnectionOptions.transport(spec.commandLine(), trustPem, server == null ? null : server.certificatePem(),
        insecureDev);
  }

  private SocketConfig config(EmbeddedEchoServer server, PrintWriter err) {
    SocketConfig result = ConnectionOptions.config(spec.commandLine(), platform.defaultConfig(), config, insecureDev,
        err);
    List<String> domains = new ArrayList<>(result.socketDomains());
    domains.addAll(allow);
    if (server != null) {
      domains.add("localhost");
    }
    return result.toBuilder().socketDomains(domains).build();
  }

  private void addFacade(JsScript.Builder builder, VertxTransport transport, SocketConfig config) {
    if (target != null && platform != Platform.UNI && platform != Platform.TARO) {
      throw new ParameterException(spec.commandLine(), "--target is for uni and taro, not " + platform.id());
    }
    switch (platform) {
      case WX -> builder.wx(Wx.create(transport, WxSettings.builder().config(config).eventLoop(builder.loop())
          .build()));
      case MY -> builder.my(My.create(transport, MySettings.builder().config(config).eventLoop(builder.loop())
          .build()));
      case UNI -> builder.uni(Uni.create(transport, UniSettings.builder().target(uniTarget()).config(config)
          .eventLoop(builder.loop()).build()));
      case TARO -> builder.taro(Taro.create(transport, TaroSettings.builder().target(taroTarget()).config(config)
          .eventLoop(builder.loop()).build()));
    }
  }

  private UniPlatform uniTarget() {
    try {
      return target == null ? UniSettings.defaults().target() : UniPlatform.fromId(target);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--target: " + e.getMessage(), e);
    }
  }

  private TaroTarget taroTarget() {
    try {
      return target == null ? TaroSettings.defaults().target() : TaroTarget.valueOf(target.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--target: expected weapp, alipay, swan, h5 or rn, got '"
          + target + "'");
    }
  }
}
