package io.minisocket.jmeter;

import java.util.Set;

/** The form for {@link JsScenarioSampler} in JMeter's GUI. */
public class JsScenarioSamplerBeanInfo extends SamplerBeanInfoSupport {
  /** Describes the sampler's properties. */
  public JsScenarioSamplerBeanInfo() {
    super(JsScenarioSampler.class);
    group("scenario", Set.of(JsScenarioSampler.ARGUMENTS, JsScenarioSampler.GLOBALS),
        JsScenarioSampler.PLATFORM, JsScenarioSampler.SCRIPT, JsScenarioSampler.FUNCTION, JsScenarioSampler.ARGUMENTS,
        JsScenarioSampler.GLOBALS);
    group("connection", Set.of(JsScenarioSampler.SETTINGS, JsScenarioSampler.CONFIG), JsScenarioSampler.SETTINGS,
        JsScenarioSampler.CONFIG, JsScenarioSampler.TRUST_PEM, JsScenarioSampler.TRUST_ALL);
    timeout();
  }
}
