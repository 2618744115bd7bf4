#!/usr/bin/env bash
# Builds what the benchmarks need and runs them (never part of `mvn verify`).
#
#   bash bench/run.sh [--quick] [options]   the client comparison: prints the table, writes bench/target/bench/results.md
#   bash bench/run.sh jmh [JMH options]      the JMH micro-benchmarks of core (no options: all, with -prof gc)
#
# Comparison options: --reps N, --clients wx,wx-jdk,vertx,jdk,okhttp,javawebsocket, --workloads throughput,latency,scale,
# --messages N, --round-trips N, --connections N, --handshakes N, --window N, --warmup SECONDS, --pin split|none,
# --histo (class histograms of the scale runs), --out DIR. See bench/README-section.md.
set -euo pipefail
cd "$(dirname "$0")/.."
args="$*"
if [[ $# -eq 0 || "$1" == --* ]]; then
  args="compare $args"
fi
exec mvn -q -B -ntp -Dstyle.color=never -pl bench -am -Pbench verify -Dmaven.test.skip=true -Dbench.args="$args"
