#!/usr/bin/env bash
# Runs the JMH suite. Usage:
#   benchmarks/run.sh quick [REGEX]   # forks=1, one short warm-up and two 1 s iterations: the suite in < 10 min
#   benchmarks/run.sh full  [REGEX]   # forks=2, longer iterations: numbers worth quoting
# Results go to benchmarks/results/<profile>-<UTC timestamp>.json (JMH's -rf json) and stdout.
# Builds the jar first if it is missing (mvn -B -q -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/.."

profile=${1:-quick}
regex=${2:-.}
jar=benchmarks/target/benchmarks.jar
[ -f "$jar" ] || mvn -B -q -DskipTests package

case "$profile" in
  quick) opts=(-f 1 -wi 1 -w 500ms -i 2 -r 1s) ;;
  full)  opts=(-f 2 -wi 5 -w 2s -i 8 -r 2s) ;;
  *) echo "unknown profile '$profile' (expected quick or full)" >&2; exit 2 ;;
esac

mkdir -p benchmarks/results
out="benchmarks/results/${profile}-$(date -u +%Y%m%dT%H%M%SZ).json"
java -jar "$jar" "$regex" "${opts[@]}" -prof gc -rf json -rff "$out"
echo "results: $out"
