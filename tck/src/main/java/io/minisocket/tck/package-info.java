/**
 * The contract test kit: JUnit 5 suites that a platform adapter ({@link io.minisocket.tck.AdapterContractKit}) or a
 * transport ({@link io.minisocket.tck.TransportContractKit}) runs through a small subclass, against local
 * {@code wss://} servers of the testkit. Test names state the rule they check; their Javadoc says where to look when
 * they fail. What a platform promises is declared in {@link io.minisocket.tck.Capabilities}.
 */
package io.minisocket.tck;
