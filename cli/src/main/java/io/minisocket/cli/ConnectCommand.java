package io.minisocket.cli;

import io.minisocket.core.ConnectOptions;
import io.minisocket.core.SocketConfig;
import io.minisocket.transport.vertx.VertxTransport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code minisocket connect URL --platform P}: one socket, stdin lines out, every event as a JSON line. */
@Command(name = "connect", mixinStandardHelpOptions = true,
    header = "A platform-faithful WebSocket client: stdin lines out, every event as a JSON line.", sortOptions = false,
    description = {"Connects to URL as the platform does (wss only, domain allow-list, connection limit, header "
        + "rules), sends each line of stdin as a text message (binary with --binary), and prints every event and "
        + "callback result as one JSON object per line, in the platform's own shape (errMsg, or Alipay's "
        + "error/errorMessage) with an \"event\" field.",
        "End of stdin (Ctrl-D) or Ctrl-C closes the socket with code 1000; the close event is printed before the "
        + "command exits (with status 130 after Ctrl-C)."},
    footer = {"", "Examples:",
        "  echo hello | minisocket connect wss://echo.example.com/ -p wx",
        "  minisocket connect wss://example.com/ws -p my -H X-Token:abc --config app.json",
        "  printf '00ff10\\n' | minisocket connect URL -p taro --binary hex",
        "", "Exit status: 0 after a normal close (1000, 1001), 1 when the connect failed or the connection ended "
        + "otherwise (e.g. 1006), 2 for bad arguments, 130 after Ctrl-C."})
final class ConnectCommand implements Callable<Integer> {
  @ParentCommand
  private MiniSocketCommand parent;

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "URL", description = "The wss:// address.")
  private String url;

  @Mixin
  private ConnectionOptions connection;

  @Option(names = "--binary", paramLabel = "hex|base64", converter = BinaryFormat.Converter.class,
      description = "Read each stdin line as hex or Base64 and send it as a binary message; binary messages "
          + "received are shown in the same form (Base64 otherwise).")
  private BinaryFormat binary;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ConnectOptions.Builder options = connection.connectOptions(url);
    SocketConfig config = connection.config(err);
    try (VertxTransport transport = connection.transport(null);
         Client client = connection.platform().client(transport, config)) {
      return new ConnectSession(client, out, err, binary).run(options, parent.in(), config.connectTimeout(),
          parent.interrupt());
    }
  }
}
