package io.minisocket.core;

import static io.minisocket.core.ReadyState.CLOSED;
import static io.minisocket.core.ReadyState.CLOSING;
import static io.minisocket.core.ReadyState.CONNECTING;
import static io.minisocket.core.ReadyState.OPEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import java.util.stream.Stream;

class ReadyStateTest {

  @Test
  void codesMatchThePlatformsAndTheSocketTaskConstants() {
    assertThat(CONNECTING.code()).isZero().isEqualTo(SocketTask.CONNECTING);
    assertThat(OPEN.code()).isEqualTo(1).isEqualTo(SocketTask.OPEN);
    assertThat(CLOSING.code()).isEqualTo(2).isEqualTo(SocketTask.CLOSING);
    assertThat(CLOSED.code()).isEqualTo(3).isEqualTo(SocketTask.CLOSED);
    for (ReadyState state : ReadyState.values()) {
      assertThat(ReadyState.ofCode(state.code())).isSameAs(state);
    }
    assertThatThrownBy(() -> ReadyState.ofCode(4)).hasMessageContaining("0, 1, 2 or 3, got 4");
  }

  private static final Set<String> LEGAL =
      Set.of("CONNECTING->OPEN", "CONNECTING->CLOSING", "CONNECTING->CLOSED", "OPEN->CLOSING", "OPEN->CLOSED",
          "CLOSING->CLOSED");

  static Stream<Arguments> everyPair() {
    return Stream.of(ReadyState.values())
        .flatMap(from -> Stream.of(ReadyState.values()).map(to -> Arguments.of(from, to)));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("everyPair")
  void onlyTheSixLegalTransitionsAreAllowed(ReadyState from, ReadyState to) {
    assertThat(from.canMoveTo(to)).isEqualTo(LEGAL.contains(from + "->" + to));
  }
}
