package io.minisocket.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The header map of an open event made from a transport's handshake headers. */
class HeaderMapTest {

  @Test
  void aTransportsHeadersAreReadOnceWhenFirstLookedAtAndJoinedCaseInsensitively() {
    Map<String, List<String>> given = new LinkedHashMap<>();
    given.put("Sec-WebSocket-Accept", List.of("abc"));
    given.put("X-Two", List.of("a", "b"));
    AtomicInteger reads = new AtomicInteger();
    Map<String, List<String>> transports = new AbstractMap<>() {
      @Override
      public Set<Entry<String, List<String>>> entrySet() {
        reads.incrementAndGet();
        return given.entrySet();
      }

      @Override
      public boolean isEmpty() {
        return false;
      }
    };

    HeaderMap header = HeaderMap.joined(transports);

    assertThat(reads).as("nothing is copied while nobody looks").hasValue(0);
    assertThat(header.get("x-two")).isEqualTo("a, b");
    assertThat(header.keySet()).containsExactly("Sec-WebSocket-Accept", "X-Two");
    assertThat(header).hasSize(2).containsEntry("SEC-WEBSOCKET-ACCEPT", "abc");
    assertThat(reads).as("read once, then kept").hasValue(1);
  }

  @Test
  void noHeadersGiveTheEmptyMap() {
    assertThat(HeaderMap.joined(Map.of())).isEmpty();
  }
}
