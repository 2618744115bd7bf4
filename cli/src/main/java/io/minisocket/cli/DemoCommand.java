package io.minisocket.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code minisocket demo}: all four platforms against an embedded echo server, side by side. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    header = "All four platforms against an embedded wss:// echo server, side by side.",
    description = {"Starts a local wss:// echo server (self-signed certificate made on the spot, trusted by the "
        + "clients), runs one session per platform (wx, my, uni, taro): connect, send text and binary, receive the "
        + "echoes, close, and prints each platform's results side by side; then what each platform refuses (ws://, "
        + "a host off the allow-list, Referer, sending with no socket, one socket over the limit) in its own shape.",
        "Needs no network: everything runs on 127.0.0.1."},
    footer = {"", "Exit status: 0 when every platform behaved as shown, 1 otherwise."})
final class DemoCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    return new Demo(spec.commandLine().getOut()).run() ? 0 : 1;
  }
}
