#!/usr/bin/env bash
# Builds what the benchmarks need and runs them (never part of `mvn verify`).
#
#   bash bench/run.sh [--quick] [options]   the client comparison: prints the table, writes bench/target/bench/results.md
#   bash bench/run.sh jmh [JMH options]      the JMH micro-benchmarks of core (no options: all, with -prof gc)
#
# Comparison options: --reps N, --clients wx,wx-jdk,vertx,jdk,okhttp,javawebsocket (diagnostics: vertx-deferred,
# vertx-listener, wx-loop), --workloads throughput,throughput-other-thread,latency,scale,many-connections,alloc,
# --messages N, --batches N, --round-trips N, --connections N, --many N, --handshakes N, --window N,
# --warmup SECONDS, --pin same|split|none, --histo (class histograms of the scale runs), --jfr (JFR profile of each
# measuring JVM), --strace (each measuring JVM under strace -f -c), --out DIR. See the README's "Benchmarks".
# Maven's own options come from MAVEN_OPTS, e.g. MAVEN_OPTS=-Dmaven.repo.local=/path bash bench/run.sh --quick
set -euo pipefail
cd "$(dirname "$0")/.."
args="$*"
if [[ $# -eq 0 || "$1" == --* ]]; then
  args="compare $args"
fi
exec mvn -q -B -ntp -Dstyle.color=never -pl bench -am -Pbench verify -Dmaven.test.skip=true -Dbench.args="$args"
