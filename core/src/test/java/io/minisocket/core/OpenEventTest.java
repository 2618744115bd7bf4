package io.minisocket.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The open event's {@code header}: an immutable HTTP header map, as listeners and JavaScript read it. */
class OpenEventTest {

  @Test
  void aNameGivenTwiceInAnotherLetterCaseKeepsItsFirstSpellingAndItsLastValue() {
    Map<String, String> given = new LinkedHashMap<>();
    given.put("X-Peer", "first");
    given.put("Upgrade", "websocket");
    given.put("x-peer", "second");
    Map<String, String> header = new OpenEvent(given, "").header();
    assertThat(header).hasSize(2);
    assertThat(header.keySet()).containsExactly("X-Peer", "Upgrade");
    assertThat(header.get("X-PEER")).isEqualTo("second");
    assertThat(header.get(42)).isNull();
    assertThat(header).isEqualTo(Map.of("X-Peer", "second", "Upgrade", "websocket"));
    assertThat(header.hashCode()).isEqualTo(Map.of("X-Peer", "second", "Upgrade", "websocket").hashCode());
  }

  @Test
  void itCannotBeChanged() {
    Map<String, String> header = new OpenEvent(Map.of("Upgrade", "websocket"), "").header();
    assertThatThrownBy(() -> header.put("X-New", "v")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> header.entrySet().iterator().next().setValue("v"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> header.keySet().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThat(header).containsEntry("upgrade", "websocket");
  }

  @Test
  void noHeadersGiveAnEmptyMapAndNullsAreRefused() {
    assertThat(new OpenEvent(Map.of(), "chat").header()).isEmpty();
    Map<String, String> withNull = new LinkedHashMap<>();
    withNull.put("X-A", null);
    assertThatThrownBy(() -> new OpenEvent(withNull, "")).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("header value");
  }
}
