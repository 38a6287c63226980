#!/usr/bin/env bash
# The 1,000-stream load-runner experiment (issue 5) as a paired series. Usage:
#   benchmarks/capacity.sh [PAIRS] [-- LoadRunnerCapacity options]     # default 5 pairs, 1,000 streams, 40 s
# Each pair runs the floor (--client nio-peer: a one-thread NIO client that only scans bytes) and then the
# runner (LoadRunner over the library's OkHttp client) back to back, each in its own JVM with its own forked
# simulator, 10 s apart so the load average settles. One run's p99 moves by milliseconds with the host's load
# (a 2-vCPU VM: the floor alone measured 0.6 ms one day and 2-6 ms the next), so a single run says little;
# the runner's excess over the floor measured minutes apart says what the runner itself adds.
# Prints every run's TTFT error percentiles, then per pair p99(floor), p99(runner), their difference, the runner's
# p99 against the delay the simulator actually injected for each request, and the medians. Logs of every run go
# to benchmarks/results/capacity-<UTC timestamp>/.
set -uo pipefail
cd "$(dirname "$0")/.."

pairs=${1:-5}
shift || true
[ "${1:-}" = "--" ] && shift
extra=("$@")
jar=benchmarks/target/benchmarks.jar
[ -f "$jar" ] || mvn -B -q -DskipTests -pl benchmarks -am package || exit 1

dir="benchmarks/results/capacity-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$dir"
jvm=(java -Xms1g -Xmx1g -Xmn600m -XX:+AlwaysPreTouch -cp "$jar" dev.tradeoff.benchmarks.LoadRunnerCapacity
  --streams 1000 --seconds 40)

p99() { # the p99 of the line of a run's log that starts with $2 (default: the TTFT error against the profile)
  awk -v prefix="${2:-TTFT error (}" 'index($0, prefix) == 1 {
    for (i = 1; i <= NF; i++) if ($i == "p99") { print $(i + 1); exit } }' "$1"
}

summary="$dir/summary.tsv"
printf 'pair\tfloor_p99_ms\trunner_p99_ms\texcess_ms\trunner_vs_actual_p99_ms\tload_before\n' > "$summary"
for i in $(seq 1 "$pairs"); do
  for client in nio-peer runner; do
    sleep 10
    log="$dir/$i-$client.log"
    "${jvm[@]}" --client "$client" "${extra[@]}" > "$log" 2>&1
    echo "== pair $i, $client"
    grep -E '^(TTFT error|  scheduler lag|  client queue|  server first token|cpu:|gc:|requests:|simulator \()' "$log"
  done
  floor=$(p99 "$dir/$i-nio-peer.log")
  runner=$(p99 "$dir/$i-runner.log")
  actual=$(p99 "$dir/$i-runner.log" "TTFT error vs actual injection")
  load=$(sed -n 's/.*load average before \[\([0-9.]*\).*/\1/p' "$dir/$i-runner.log")
  if [ -z "$floor" ] || [ -z "$runner" ]; then
    echo "pair $i: a run printed no TTFT error line; see $dir" >&2
    exit 1
  fi
  printf '%s\t%s\t%s\t%.3f\t%s\t%s\n' "$i" "$floor" "$runner" "$(echo "$runner - $floor" | bc -l)" "$actual" "$load" \
    >> "$summary"
done

echo
column -t "$summary"
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
printf 'median p99 TTFT error: floor %s ms, runner %s ms, runner - floor (paired) %s ms, runner against the ' \
  "$(tail -n +2 "$summary" | cut -f2 | median)" "$(tail -n +2 "$summary" | cut -f3 | median)" \
  "$(tail -n +2 "$summary" | cut -f4 | median)"
printf 'delay the simulator actually injected %s ms\n' "$(tail -n +2 "$summary" | cut -f5 | median)"
echo "logs: $dir"
