package io.minisocket.jmeter;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Tests that run plans against one local wss echo server. */
abstract class EchoServerTest {
  static LocalEcho server;

  @BeforeAll
  static void startServer(@TempDir Path dir) {
    server = LocalEcho.start(dir);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }
}
