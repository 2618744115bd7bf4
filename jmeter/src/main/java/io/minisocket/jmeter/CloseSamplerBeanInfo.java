package io.minisocket.jmeter;

import java.util.Set;

/** The form for {@link CloseSampler} in JMeter's GUI. */
public class CloseSamplerBeanInfo extends SamplerBeanInfoSupport {
  /** Describes the sampler's properties. */
  public CloseSamplerBeanInfo() {
    super(CloseSampler.class);
    group("close", Set.of(),
        CloseSampler.CODE, CloseSampler.REASON);
    timeout();
  }
}
