package io.minisocket.jmeter;

import java.util.Set;

/** The form for {@link SendSampler} in JMeter's GUI. */
public class SendSamplerBeanInfo extends SamplerBeanInfoSupport {
  /** Describes the sampler's properties. */
  public SendSamplerBeanInfo() {
    super(SendSampler.class);
    group("send", Set.of(SendSampler.MESSAGE),
        SendSampler.MESSAGE, SendSampler.BINARY);
    timeout();
  }
}
