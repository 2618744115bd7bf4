package io.minisocket.tck;

import io.minisocket.testkit.MockWebSocketServer;
import io.minisocket.testkit.SelfSignedCertificate;
import java.util.ArrayList;
import java.util.List;

/**
 * What one kit test started (servers, facades), closed after it in reverse order. Its {@code close()} passes on
 * whatever the tracked resources throw, so it keeps AutoCloseable's {@code throws Exception} (lint "try").
 */
@SuppressWarnings("try")
final class KitResources implements AutoCloseable {
  private final List<AutoCloseable> resources = new ArrayList<>();

  /**
   * @param resource something to close after the test
   * @return the resource
   */
  <T extends AutoCloseable> T track(T resource) {
    resources.add(resource);
    return resource;
  }

  /**
   * @param certificate the certificate to present
   * @return a started {@code wss://localhost} server, closed after the test
   */
  MockWebSocketServer server(SelfSignedCertificate certificate) {
    return track(MockWebSocketServer.builder().tls(certificate).start());
  }

  @Override
  public void close() throws Exception {
    try {
      for (int i = resources.size() - 1; i >= 0; i--) {
        resources.get(i).close();
      }
    } finally {
      resources.clear();
    }
  }
}
