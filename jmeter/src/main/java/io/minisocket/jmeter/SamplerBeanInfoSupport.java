package io.minisocket.jmeter;

import java.beans.PropertyDescriptor;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.apache.jmeter.testbeans.BeanInfoSupport;
import org.apache.jmeter.testbeans.TestBean;
import org.apache.jmeter.testbeans.gui.TypeEditor;

/** What the MiniSocket samplers' forms in JMeter's GUI share: string properties, and the timeout last. */
abstract class SamplerBeanInfoSupport extends BeanInfoSupport {
  private final Set<String> shown = new HashSet<>();

  SamplerBeanInfoSupport(Class<? extends TestBean> sampler) {
    super(sampler);
  }

  /**
   * Adds a group of string properties, empty by default.
   *
   * @param group      the group's name (its display name is in the sampler's resources)
   * @param multiLine  the properties shown as text areas
   * @param properties the properties, in order
   */
  void group(String group, Set<String> multiLine, String... properties) {
    createPropertyGroup(group, properties);
    shown.addAll(Arrays.asList(properties));
    for (String name : properties) {
      PropertyDescriptor property = multiLine.contains(name) ? property(name, TypeEditor.TextAreaEditor)
          : property(name);
      property.setValue(NOT_UNDEFINED, Boolean.TRUE);
      property.setValue(DEFAULT, "");
    }
  }

  /** Adds the timeout group every sampler has, last, and hides what the test element itself exposes. */
  void timeout() {
    group("timing", Set.of(), MiniSocketSampler.TIMEOUT_MS);
    for (PropertyDescriptor property : getPropertyDescriptors()) {
      if (!shown.contains(property.getName())) {
        property.setHidden(true); // such as JMeter 5.6's props and schema
      }
    }
  }
}
