package io.minisocket.jmeter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jmeter.engine.StandardJMeterEngine;
import org.apache.jmeter.engine.util.NoThreadClone;
import org.apache.jmeter.samplers.SampleEvent;
import org.apache.jmeter.samplers.SampleListener;
import org.apache.jmeter.samplers.SampleResult;
import org.apache.jmeter.save.SaveService;
import org.apache.jmeter.testelement.AbstractTestElement;
import org.apache.jmeter.util.JMeterUtils;
import org.apache.jorphan.collections.HashTree;

/** JMeter's engine embedded in the test JVM, on the JMeter home the build assembles in {@code target/}. */
final class EmbeddedJMeter {
  static final Path HOME = Path.of(System.getProperty("jmeter.home", "target/jmeter-home")).toAbsolutePath();
  static final Path EXAMPLES = Path.of(System.getProperty("minisocket.examples", "examples")).toAbsolutePath();

  private static boolean initialised;

  private EmbeddedJMeter() {
  }

  /** Loads JMeter's properties and save service once per JVM. */
  static synchronized void init() throws IOException {
    if (!initialised) {
      JMeterUtils.setJMeterHome(HOME.toString());
      JMeterUtils.loadJMeterProperties(HOME.resolve("bin/jmeter.properties").toString());
      JMeterUtils.initLocale();
      SaveService.loadProperties();
      initialised = true;
    }
  }

  /**
   * @param plan a .jmx file
   * @return its test tree
   */
  static HashTree load(Path plan) throws IOException {
    init();
    return SaveService.loadTree(plan.toFile());
  }

  /**
   * Runs a plan to its end in this thread and collects its samples.
   *
   * @param tree       the plan
   * @param properties JMeter properties for the run (what {@code -J} sets)
   * @return every sample, in the order they occurred
   */
  static List<SampleResult> run(HashTree tree, Map<String, String> properties) throws IOException {
    init();
    properties.forEach(JMeterUtils::setProperty);
    Collector collector = new Collector();
    tree.add(tree.getArray()[0], collector);
    StandardJMeterEngine engine = new StandardJMeterEngine();
    engine.configure(tree);
    engine.run(); // returns when every thread has ended
    return collector.samples();
  }

  /** @return a file from the examples folder */
  static File example(String name) {
    return EXAMPLES.resolve(name).toFile();
  }

  /** Keeps every sample of the run; one instance for all threads. */
  public static final class Collector extends AbstractTestElement implements SampleListener, NoThreadClone {
    private static final long serialVersionUID = 1L;
    private final transient List<SampleResult> samples = new ArrayList<>();

    @Override
    public void sampleOccurred(SampleEvent event) {
      synchronized (samples) {
        samples.add(event.getResult());
      }
    }

    @Override
    public void sampleStarted(SampleEvent event) {
      // only finished samples count
    }

    @Override
    public void sampleStopped(SampleEvent event) {
      // only finished samples count
    }

    List<SampleResult> samples() {
      synchronized (samples) {
        return List.copyOf(samples);
      }
    }
  }
}
