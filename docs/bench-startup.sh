#!/usr/bin/env bash
# Start the packaged jar N times (fresh data directory each time) and report seconds from `java -jar` to a healthy
# /actuator/health and the process RSS right after, then the medians.
# Usage: docs/bench-startup.sh [runs] (after mvn -Pproduction -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
port=18080
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
times=(); rss=()
for i in $(seq 1 "$runs"); do
  data=$(mktemp -d)
  start=$(date +%s.%N)
  SERVER_PORT=$port DEEPROUNDS_DATA_DIR=$data "$java" -jar target/deeprounds.jar >"$data/log" 2>&1 &
  pid=$!
  until curl -fs "http://localhost:$port/actuator/health" | grep -q UP; do sleep 0.1; done
  end=$(date +%s.%N)
  sleep 2
  times+=("$(echo "$end - $start" | bc)")
  rss+=("$(( $(ps -o rss= -p $pid) / 1024 ))")
  kill $pid; wait $pid 2>/dev/null || true
  rm -rf "$data"
  echo "run $i: healthy after ${times[-1]} s, RSS ${rss[-1]} MiB"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "median: healthy after $(median "${times[@]}") s, RSS $(median "${rss[@]}") MiB"
