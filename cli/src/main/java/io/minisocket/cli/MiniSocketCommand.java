package io.minisocket.cli;

import java.io.InputStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code minisocket}: without a command it runs the demo. */
@Command(name = "minisocket", mixinStandardHelpOptions = true, versionProvider = MiniSocketCommand.Version.class,
    description = {"The mini-program WebSocket API (wx, my, uni, Taro) on the JVM: a platform-faithful client, a demo "
        + "and a load generator.", "Without a command, runs the demo."},
    subcommands = {ConnectCommand.class, DemoCommand.class, LoadCommand.class, RunCommand.class, HelpCommand.class},
    footer = {"", "Exit status: 0 everything behaved, 1 a connection or run failed, 2 bad arguments."})
final class MiniSocketCommand implements Callable<Integer> {
  private final InputStream in;
  private final Interrupt interrupt;

  @Spec
  private CommandSpec spec;

  MiniSocketCommand(InputStream in, Interrupt interrupt) {
    this.in = in;
    this.interrupt = interrupt;
  }

  /** @return standard input, for {@code connect} */
  InputStream in() {
    return in;
  }

  /** @return Ctrl-C, for the commands that end gracefully on it */
  Interrupt interrupt() {
    return interrupt;
  }

  @Override
  public Integer call() throws Exception {
    return ((DemoCommand) spec.subcommands().get("demo").getCommand()).call();
  }

  /** The version from the jar's manifest. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = MiniSocketCommand.class.getPackage().getImplementationVersion();
      return new String[] {"minisocket " + (version != null ? version : "(development build)")};
    }
  }
}
