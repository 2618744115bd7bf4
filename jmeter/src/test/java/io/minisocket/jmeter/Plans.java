package io.minisocket.jmeter;

import java.util.Map;
import org.apache.jmeter.control.LoopController;
import org.apache.jmeter.testelement.TestElement;
import org.apache.jmeter.testelement.TestPlan;
import org.apache.jmeter.threads.ThreadGroup;
import org.apache.jmeter.timers.SyncTimer;
import org.apache.jorphan.collections.HashTree;
import org.apache.jorphan.collections.ListedHashTree;

/** Small plans built in code, as a .jmx would hold them: properties are strings. */
final class Plans {
  private Plans() {
  }

  /**
   * @param threads  virtual users
   * @param samplers the samplers each runs once, in order
   * @return a plan with one thread group
   */
  static HashTree plan(int threads, TestElement... samplers) {
    LoopController loop = new LoopController();
    loop.setLoops(1);
    loop.setFirst(true);
    loop.initialize();
    ThreadGroup group = new ThreadGroup();
    group.setName("users");
    group.setNumThreads(threads);
    group.setRampUp(0);
    group.setSamplerController(loop);
    HashTree tree = new ListedHashTree();
    HashTree groupTree = tree.add(new TestPlan("plan")).add(group);
    for (TestElement sampler : samplers) {
      groupTree.add(sampler);
    }
    return tree;
  }

  private static HashTree samplerTree(HashTree plan, TestElement sampler) {
    HashTree planTree = plan.getTree(plan.getArray()[0]);
    return planTree.getTree(planTree.getArray()[0]).getTree(sampler);
  }

  /**
   * Makes every thread of the plan wait before {@code sampler} until all of them have got there.
   *
   * @param tree    the plan
   * @param sampler a sampler in it
   * @param threads how many threads meet
   */
  static void rendezvousBefore(HashTree tree, TestElement sampler, int threads) {
    SyncTimer timer = new SyncTimer();
    timer.setProperty("groupSize", String.valueOf(threads));
    timer.setProperty("timeoutInMs", "30000");
    samplerTree(tree, sampler).add(timer);
  }

  /**
   * @param sampler    a new sampler
   * @param name       its label
   * @param properties its properties
   * @param <T>        its type
   * @return the sampler
   */
  static <T extends TestElement> T named(T sampler, String name, Map<String, String> properties) {
    sampler.setName(name);
    properties.forEach(sampler::setProperty);
    return sampler;
  }
}
