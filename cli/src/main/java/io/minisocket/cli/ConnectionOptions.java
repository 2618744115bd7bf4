package io.minisocket.cli;

import io.minisocket.core.ConnectOptions;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.json.ConfigException;
import io.minisocket.core.json.JsonConfig;
import io.minisocket.transport.vertx.VertxTransport;
import io.minisocket.transport.vertx.VertxTransportOptions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options {@code connect} and {@code load} share: platform, headers, protocols, configuration and trust. */
final class ConnectionOptions {
  @Spec(Spec.Target.MIXEE)
  private CommandSpec spec;

  @Option(names = {"-p", "--platform"}, required = true, paramLabel = "wx|my|uni|taro",
      converter = Platform.Converter.class, completionCandidates = Platform.Ids.class,
      description = "Whose rules, API and result shapes to use: wx (WeChat), my (Alipay), uni (uni-app, mp-weixin), "
          + "taro (Taro, weapp).")
  private Platform platform;

  @Option(names = {"-H", "--header"}, paramLabel = "NAME:VALUE",
      description = "A request header (repeatable). The platform refuses Referer.")
  private List<String> headers = new ArrayList<>();

  @Option(names = "--protocol", paramLabel = "PROTOCOL", description = "A sub-protocol to offer (repeatable).")
  private List<String> protocols = new ArrayList<>();

  @Option(names = "--config", paramLabel = "FILE",
      description = "App configuration as JSON (app.json style): networkTimeout.connectSocket, urlCheck, "
          + "socketDomains (the allow-list), maxQueueBytes.")
  private Path config;

  @Option(names = "--trust-pem", paramLabel = "FILE",
      description = "Trust the certificate(s) in this PEM file instead of the JDK's trust store.")
  private Path trustPem;

  @Option(names = "--insecure-dev",
      description = "Development only: accept any certificate and turn the url check off (ws:// allowed, "
          + "no allow-list).")
  private boolean insecureDev;

  Platform platform() {
    return platform;
  }

  /**
   * @param err where the {@code --insecure-dev} warning goes
   * @return the configuration from {@code --config} or the platform's default, with the url check off under
   *     {@code --insecure-dev}
   * @throws ParameterException when the file is missing or invalid
   */
  SocketConfig config(PrintWriter err) {
    return config(spec.commandLine(), platform.defaultConfig(), config, insecureDev, err);
  }

  /**
   * The configuration rule of every command: {@code --config} over the platform's defaults, and the url check off
   * (with a warning) under {@code --insecure-dev}.
   *
   * @param commandLine the command, for a usage error
   * @param defaults    the platform's default configuration
   * @param file        the {@code --config} file, or {@code null}
   * @param insecureDev whether {@code --insecure-dev} was given
   * @param err         where the {@code --insecure-dev} warning goes
   * @return the configuration
   * @throws ParameterException when the file is missing or invalid
   */
  static SocketConfig config(CommandLine commandLine, SocketConfig defaults, Path file, boolean insecureDev,
      PrintWriter err) {
    SocketConfig result = defaults;
    if (file != null) {
      try {
        result = JsonConfig.read(file, result); // keys the file lacks keep the platform's defaults
      } catch (ConfigException e) {
        throw new ParameterException(commandLine, "--config: " + e.getMessage(), e);
      }
    }
    if (insecureDev) {
      err.println("minisocket: WARNING --insecure-dev: every server certificate is accepted and urls are not "
          + "checked (ws:// allowed, no allow-list). For development only.");
      err.flush();
      result = result.toBuilder().urlCheck(false).build();
    }
    return result;
  }

  /**
   * @param embeddedTrust the embedded server's certificate to trust when {@code --trust-pem} is not given, or
   *                      {@code null}
   * @return a transport trusting those certificates, or every certificate under {@code --insecure-dev}
   * @throws ParameterException when the {@code --trust-pem} file cannot be read or holds no certificate
   */
  VertxTransport transport(Path embeddedTrust) {
    return transport(spec.commandLine(), trustPem, embeddedTrust, insecureDev);
  }

  /**
   * The trust rule of every command.
   *
   * @param commandLine   the command, for a usage error
   * @param trustPem      the {@code --trust-pem} file, or {@code null}
   * @param embeddedTrust the embedded server's certificate to trust when {@code trustPem} is not given, or
   *                      {@code null}
   * @param insecureDev   whether {@code --insecure-dev} was given (every certificate is then accepted)
   * @return the transport
   * @throws ParameterException when the {@code --trust-pem} file cannot be read or holds no certificate
   */
  static VertxTransport transport(CommandLine commandLine, Path trustPem, Path embeddedTrust, boolean insecureDev) {
    Path pem = trustPem != null ? trustPem : embeddedTrust;
    if (trustPem != null && !Files.isReadable(trustPem)) {
      throw new ParameterException(commandLine, "--trust-pem: cannot read " + trustPem);
    }
    try {
      return VertxTransport.create(VertxTransportOptions.builder().trustPem(pem).trustAll(insecureDev).build());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(commandLine, "--trust-pem: " + e.getMessage(), e);
    }
  }

  /**
   * @param url the address
   * @return connect options with the url, headers and protocols given
   * @throws ParameterException for a header without a colon or without a name
   */
  ConnectOptions.Builder connectOptions(String url) {
    ConnectOptions.Builder builder = ConnectOptions.builder().url(url);
    for (String header : headers) {
      int colon = header.indexOf(':');
      if (colon <= 0) {
        throw new ParameterException(spec.commandLine(),
            "--header must be NAME:VALUE, got '" + header + "'");
      }
      builder.header(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
    }
    if (!protocols.isEmpty()) {
      builder.protocols(protocols);
    }
    return builder;
  }
}
