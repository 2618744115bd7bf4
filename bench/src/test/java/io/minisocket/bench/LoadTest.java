package io.minisocket.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LoadTest {

  @Test
  void readsTheThreeLoadAveragesOfProcLoadavg() {
    Load load = Load.parse("0.27 0.90 1.95 1/121 4689\n");

    assertThat(load).isEqualTo(new Load(0.27, 0.90, 1.95));
    assertThat(load).hasToString("0.27 / 0.90 / 1.95");
  }

  @Test
  void somethingElseIsRefusedWithWhatItWas() {
    assertThatThrownBy(() -> Load.parse("0.27 0.90"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'0.27 0.90'");
    assertThatThrownBy(() -> Load.parse("a b c"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("three load averages");
  }

  @Test
  void busyTicksOfProcStatLeaveOutIdleIowaitAndGuestTime() {
    // cpu user nice system idle iowait irq softirq steal guest guest_nice
    long[] ticks = Load.busyAndTotalTicks("cpu  100 10 50 800 40 0 5 3 7 1");

    assertThat(ticks).containsExactly(168, 1008);
    assertThatThrownBy(() -> Load.busyAndTotalTicks("cpu0 1 2 3 4 5"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'cpu' line");
  }

  @Test
  void aQuietMachineGetsNoWarning() {
    assertThat(Load.warning(new Load(0.27, 0.9, 1.95), 0.05, 2)).isEmpty();
    assertThat(Load.warning(null, null, 2)).isEmpty();
  }

  @Test
  void aHighLoadAverageOrBusyCpusBeforeTheStartAreWarnedAbout() {
    assertThat(Load.warning(new Load(1.0, 0.2, 0.1), null, 2)).hasValueSatisfying(warning ->
        assertThat(warning).startsWith("WARNING").contains("1-minute load average 1.00, at least 1.00 on 2 CPUs"));
    assertThat(Load.warning(new Load(0.1, 0.1, 0.1), 0.4, 2)).hasValueSatisfying(warning ->
        assertThat(warning).contains("0.40 CPUs busy with other work").doesNotContain("load average"));
  }
}
