package io.minisocket.build;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.minisocket.core.SocketConfig;
import io.minisocket.core.json.JsonConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * An application that logs with SLF4J and Logback, as the README's "Logging" section sets it up: the Log4j2 API
 * MiniSocket logs through is routed by {@code log4j-to-slf4j}, and no Log4j2 implementation is on the class path
 * (this test runs in its own surefire execution without log4j-core). A MiniSocket warning must arrive in Logback.
 */
class LogbackRoutingTest {
  private final Logger minisocket = (Logger) LoggerFactory.getLogger("io.minisocket");
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  @BeforeEach
  void attach() {
    appender.start();
    minisocket.addAppender(appender);
  }

  @AfterEach
  void detach() {
    minisocket.detachAppender(appender);
    appender.stop();
  }

  @Test
  void anUnknownConfigurationKeyArrivesInLogbackAsAWarning() {
    SocketConfig config = JsonConfig.read("{\"urlCheck\": false, \"pages\": [\"index\"]}");

    assertThat(config.urlCheck()).isFalse();
    assertThat(appender.list).singleElement().satisfies(event -> {
      assertThat(event.getLevel()).isEqualTo(Level.WARN);
      assertThat(event.getLoggerName()).isEqualTo(JsonConfig.class.getName());
      assertThat(event.getFormattedMessage()).contains("ignoring unknown configuration keys: pages");
    });
  }
}
