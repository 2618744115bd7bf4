package io.minisocket.jmeter;

import static org.assertj.core.api.Assertions.assertThat;

import java.beans.BeanInfo;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The forms JMeter's GUI builds for the samplers (test beans): a title and a labelled field per property. */
class SamplerFormsTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "io.minisocket.jmeter.ConnectSampler | MiniSocket connect | platform,url,headers,protocols,settings,config,trustPem,trustAll,facade,timeoutMs",
      "io.minisocket.jmeter.SendSampler | MiniSocket send | message,binary,timeoutMs",
      "io.minisocket.jmeter.ReceiveSampler | MiniSocket receive | match,timeoutMs",
      "io.minisocket.jmeter.CloseSampler | MiniSocket close | code,reason,timeoutMs",
      "io.minisocket.jmeter.JsScenarioSampler | MiniSocket JavaScript scenario | platform,script,function,arguments,globals,settings,config,trustPem,trustAll,timeoutMs"})
  void everyPropertyHasALabelledFieldInTheSamplersForm(String sampler, String title, String properties)
      throws Exception {
    EmbeddedJMeter.init();
    BeanInfo form = Introspector.getBeanInfo(Class.forName(sampler));

    assertThat(form.getBeanDescriptor().getDisplayName()).isEqualTo(title);
    List<PropertyDescriptor> shown = Arrays.stream(form.getPropertyDescriptors())
        .filter(property -> !property.isHidden()).toList();
    assertThat(shown).extracting(PropertyDescriptor::getName)
        .containsExactlyInAnyOrder(properties.split(","));
    assertThat(shown).allSatisfy(property -> {
      assertThat(property.getDisplayName()).as(property.getName()).isNotEqualTo(property.getName());
      assertThat(property.getShortDescription()).as(property.getName()).isNotEqualTo(property.getName());
    });
  }
}
