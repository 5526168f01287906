#!/usr/bin/env bash
# Training throughput, docs/benchmarks.md. Rounds alternate JVMs so that a neighbour's load hits all sides alike:
#   1. the product's training path on the reference LeNet (bare DL4J fit loop, then the service's Trainer, one JVM),
#   2. PyTorch 2.7.1 through DJL on the same LeNet and data, from the shared peer-train harness (if present),
# then each template through the service, and two concurrent jobs on a server configured for two.
# Usage: docs/bench-train.sh [rounds]   (JDK 25; the harness is read from ../shared/bench/peer-train)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH=$JAVA_HOME/bin:$PATH
java=$JAVA_HOME/bin/java
out=$(mktemp -d)
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); output in $out"
mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test \
  >"$out/build.log" 2>&1 || mvn -B -q test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test >>"$out/build.log" 2>&1 \
  || { cat "$out/build.log"; exit 1; }
cp="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
bench() { "$java" -cp "$cp" org.deeprounds.training.TrainingThroughputBench "$@" 2>/dev/null | grep -E '^(RESULT|#)'; }

harness=../shared/bench/peer-train
if [[ -d $harness ]]; then
  cp -r "$harness" "$out/peer-train"
  (cd "$out/peer-train" && { mvn -B -q -o package || mvn -B -q package; } >"$out/harness-build.log" 2>&1)
  djl_cp="$out/peer-train/djl/target/classes:$(cat "$out/peer-train/djl/target/classpath.txt")"
fi

for r in $(seq 1 "$rounds"); do
  bench lenet 4096 3 1 | sed "s/round=1/round=$r/" | tee -a "$out/results.txt"
  if [[ -n ${djl_cp:-} ]]; then
    PYTORCH_FLAVOR=cpu "$java" -Dai.djl.offline=true -cp "$djl_cp" peertrain.DjlTrain --n 4096 --batch 64 --warmup 1 \
      --epochs 3 --variant plain 2>/dev/null | grep '^RESULT' | sed "s/^RESULT /RESULT round=$r design=lenet mode=pytorch /" \
      | tee -a "$out/results.txt"
  fi
done
bench imaging-cnn 4096 3 3 | tee -a "$out/results.txt"
bench genomics-cnn 8192 3 3 | tee -a "$out/results.txt"
bench ehr-mlp 32768 3 3 | tee -a "$out/results.txt"
bench sequence-lstm 2048 2 3 | tee -a "$out/results.txt"
bench lenet 4096 3 3 1 | sed 's/mode=/jobs=1 mode=/' | tee -a "$out/results.txt"
bench lenet 4096 3 3 2 | tee -a "$out/results.txt"

echo; echo "medians (images/s):"
python3 docs/bench-train-summary.py "$out/results.txt"
echo "raw results: $out/results.txt"
