/**
 * The contract test kit: JUnit 5 suites that a platform adapter ({@link io.minisocket.tck.AdapterContractKit}) or a
 * transport ({@link io.minisocket.tck.TransportContractKit}) runs through a small subclass, against local
 * {@code wss://} servers of the testkit. Test names state the rule they check; their Javadoc says where to look when
 * they fail. What a platform promises is declared in {@link io.minisocket.tck.Capabilities}.
 *
 * <p>For code on an {@link io.minisocket.core.loop.EventLoop}: {@link io.minisocket.tck.LoopRepetition} runs an
 * example on a loop many times and checks that nothing threw; {@link io.minisocket.tck.GlobalSocketExamples} runs the
 * global-API examples of WeChat's and uni-app's documents literally; {@link io.minisocket.tck.ExampleConsole} is an
 * example's {@code console}.
 */
package io.minisocket.tck;
