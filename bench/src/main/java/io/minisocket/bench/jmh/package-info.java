/** JMH micro-benchmarks of core's hot paths: the send path and listener dispatch, over an in-memory transport. */
package io.minisocket.bench.jmh;
