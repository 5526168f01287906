#!/usr/bin/env bash
# Layer statistics overhead, docs/benchmarks.md: the imaging template trained by the service's Trainer with and
# without the statistics listener the server attaches (same JVM, rounds interleaved), then medians.
# Usage: docs/bench-insight.sh [rounds] [examples] [epochs]   (JDK 25)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-7}
examples=${2:-4096}
epochs=${3:-3}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH=$JAVA_HOME/bin:$PATH
out=$(mktemp -d)
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); output in $out"
mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test \
  >"$out/build.log" 2>&1 || mvn -B -q test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test >>"$out/build.log" 2>&1 \
  || { cat "$out/build.log"; exit 1; }
cp="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
java --enable-native-access=ALL-UNNAMED -cp "$cp" org.deeprounds.insight.StatsOverheadBench "$examples" "$epochs" "$rounds" \
  2>/dev/null | grep -E '^(RESULT|#)' | tee "$out/results.txt"
python3 - "$out/results.txt" <<'PY'
import re, statistics, sys
rows = [dict(kv.split('=') for kv in line.split()[1:]) for line in open(sys.argv[1]) if line.startswith('RESULT')]
off = [float(r['img_per_s']) for r in rows if r['mode'] == 'off']
on = [r for r in rows if r['mode'] == 'on']
print(f"median images/s: off {statistics.median(off):.0f}, on {statistics.median(float(r['img_per_s']) for r in on):.0f}")
ratios = [float(r['on_over_off']) for r in on]
print("median on/off per round: %.3f (rounds: %s)" % (statistics.median(ratios), ", ".join("%.3f" % x for x in ratios)))
print(f"snapshots per run: {', '.join(r['reports'] for r in on)}; stats file bytes: {on[-1]['stats_bytes']}")
PY
