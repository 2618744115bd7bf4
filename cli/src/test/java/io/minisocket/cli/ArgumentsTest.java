package io.minisocket.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArgumentsTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      connect wss://localhost/                          | Missing required option: '--platform=wx|my|uni|taro'
      connect wss://localhost/ -p qq                    | expected one of wx, my, uni, taro, got 'qq'
      connect -p wx                                     | Missing required parameter: 'URL'
      connect wss://localhost/ -p wx --binary octal     | expected hex or base64, got 'octal'
      connect wss://localhost/ -p wx --header NoColon   | --header must be NAME:VALUE, got 'NoColon'
      connect wss://localhost/ -p wx --config nope.json | --config: nope.json
      connect wss://localhost/ -p wx --trust-pem nope   | --trust-pem: cannot read nope
      connect wss://localhost/ -p wx --bogus            | Unknown option: '--bogus'
      load -p wx -n 20001                               | --connections must be between 1 and 20000, got 20001
      load -p wx -d 25h                                 | --duration must be more than 0 and at most 24h, got 25h
      load -p wx -d soon                                | expected a duration such as 500ms, 10s, 2m, 1h or PT1H30M
      load -p wx -r 1000 -d 1h                          | plans at most 2000000 messages (rate x duration), got 3600000
      load -p wx --output run.txt                       | --output must name a .json or .csv file, got run.txt
      load -p wx --output nowhere/run.json              | --output nowhere/run.json: no such folder
      load -p wx --progress fancy                       | expected auto, line, plain or none, got 'fancy'
      load -p wx -r 300000                              | --rate must be between 0 and 200000
      load -p wx -n 100 --clients 10                    | --clients 10 hold at most 50 connections on wx (limit 5 each)
      load -p taro -n 10 --clients 4                    | 10 need at least 5
      load wss://localhost/ --embedded -p wx            | give a URL or --embedded, not both
      load -p wx -r 10000 -d 10m                        | plans at most 2000000 messages (rate x duration), got 6000000
      frobnicate                                        | Unmatched argument at index 0: 'frobnicate'
      """)
  void badArgumentsGetOneLineAndStatusTwo(String args, String message) {
    Cli cli = Cli.run("", args.split(" "));

    assertThat(cli.status()).as(cli.toString()).isEqualTo(2);
    assertThat(cli.errLines()).as(cli.toString()).singleElement().asString().startsWith("minisocket").contains(message);
    assertThat(cli.out()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      lod -p wx                   | Unmatched arguments from index 0: 'lod', '-p', 'wx' | Did you mean: minisocket load?
      conect wss://localhost/     | Unmatched arguments from index 0: 'conect'  | Did you mean: minisocket connect?
      load -p wx --rat 5          | Unknown option: '--rat'                     | Possible solutions: --rate
      connect URL -p wx --platfrom my | Unknown options: '--platfrom', 'my'     | Possible solutions: --platform
      """)
  void aMistypedCommandOrOptionGetsPicocliSuggestion(String args, String message, String suggestion) {
    Cli cli = Cli.run("", args.split(" "));

    assertThat(cli.status()).as(cli.toString()).isEqualTo(2);
    assertThat(cli.errLines()).as(cli.toString()).hasSize(2);
    assertThat(cli.errLines().get(0)).startsWith("minisocket").contains(message);
    assertThat(cli.errLines().get(1)).isEqualTo(suggestion);
  }

  @ParameterizedTest
  @ValueSource(strings = {"connect", "demo", "load"})
  void everyCommandHasHelp(String command) {
    Cli cli = Cli.run("", command, "--help");

    assertThat(cli.status()).isZero();
    assertThat(cli.out()).contains("Usage: minisocket " + command, "--help", "Exit status");
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help", "help"})
  void theTopLevelHelpListsTheCommands(String help) {
    Cli cli = Cli.run("", help);

    assertThat(cli.status()).isZero();
    assertThat(cli.out()).startsWith("Usage: minisocket").contains("connect", "demo", "load");
  }
}
