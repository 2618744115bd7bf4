package io.minisocket.jmeter;

import java.util.Set;

/** The form for {@link ConnectSampler} in JMeter's GUI. */
public class ConnectSamplerBeanInfo extends SamplerBeanInfoSupport {
  /** Describes the sampler's properties. */
  public ConnectSamplerBeanInfo() {
    super(ConnectSampler.class);
    group("connection", Set.of(ConnectSampler.HEADERS, ConnectSampler.SETTINGS, ConnectSampler.CONFIG),
        ConnectSampler.PLATFORM, ConnectSampler.URL, ConnectSampler.HEADERS, ConnectSampler.PROTOCOLS, ConnectSampler.SETTINGS, ConnectSampler.CONFIG, ConnectSampler.TRUST_PEM, ConnectSampler.TRUST_ALL, ConnectSampler.FACADE);
    timeout();
  }
}
