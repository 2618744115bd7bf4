package io.minisocket.jmeter;

import java.util.Set;

/** The form for {@link ReceiveSampler} in JMeter's GUI. */
public class ReceiveSamplerBeanInfo extends SamplerBeanInfoSupport {
  /** Describes the sampler's properties. */
  public ReceiveSamplerBeanInfo() {
    super(ReceiveSampler.class);
    group("message", Set.of(),
        ReceiveSampler.MATCH);
    timeout();
  }
}
