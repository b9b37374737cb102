#!/usr/bin/env bash
# Runs the C SIMD yardstick (mppi_soa.c), our MppiParityBenchmark, then the yardstick again, back to back under
# the same machine load, and prints each one's p50/p99 and the ratio ours / C (issue 15's parity target: <= 2.0).
# usage: examples/scripts/mppi-parity.sh [K] [T] [extra JMH args...]     (default 2000 56)
# env:   YARDSTICK   folder with mppi_soa.c (default: ../shared/perf next to the repository)
#        OMP_THREADS the yardstick's threads (default 2; MppiParity's -p threads= should match)
#        FORESIGHT_JAR  run this jar with $JAVA (default java) instead of ./foresight (a private copy for long runs)
set -eu
ROOT=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
YARDSTICK=${YARDSTICK:-$ROOT/../shared/perf}
[ -f "$YARDSTICK/mppi_soa.c" ] || { echo "$(basename "$0"): no mppi_soa.c in $YARDSTICK (set YARDSTICK to the folder that holds it)" >&2; exit 2; }
K=${1:-2000}; T=${2:-56}; shift $(( $# >= 2 ? 2 : $# ))
B=$(mktemp -d); trap 'rm -rf "$B"' EXIT
gcc -O3 -march=native -ffast-math -fopenmp "$YARDSTICK/mppi_soa.c" -o "$B/soa" -lm
c1=$(OMP_NUM_THREADS=${OMP_THREADS:-2} "$B/soa" "$K" "$T" 400)
if [ -n "${FORESIGHT_JAR:-}" ]; then
  ${JAVA:-java} -XX:+UseParallelGC -Xss4m --add-modules jdk.incubator.vector -jar "$FORESIGHT_JAR" \
    jmh MppiParity -p samples="$K" -p horizon="$T" "$@" > "$B/jmh.txt" 2>&1
else
  "$ROOT/foresight" jmh MppiParity -p samples="$K" -p horizon="$T" "$@" > "$B/jmh.txt" 2>&1
fi
c2=$(OMP_NUM_THREADS=${OMP_THREADS:-2} "$B/soa" "$K" "$T" 400)
grep -E '^MppiParityBenchmark.iteration(:p0.50|:p0.99)? ' "$B/jmh.txt" || { tail -n 30 "$B/jmh.txt"; exit 1; }
echo "$c1"; echo "$c2"
field() { echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
# the first p50/p99 rows (one parameter set; with several, compare the rows above by hand)
j50=$(awk '/^MppiParityBenchmark.iteration:p0.50 /{print $(NF-1); exit}' "$B/jmh.txt")
j99=$(awk '/^MppiParityBenchmark.iteration:p0.99 /{print $(NF-1); exit}' "$B/jmh.txt")
awk -v j50="$j50" -v j99="$j99" -v a50="$(field "$c1" median_ms)" -v b50="$(field "$c2" median_ms)" \
    -v a99="$(field "$c1" p99_ms)" -v b99="$(field "$c2" p99_ms)" -v k="$K" -v t="$T" 'BEGIN {
  c50 = (a50 + b50) / 2; c99 = (a99 + b99) / 2
  printf "K=%d T=%d  C SIMD p50 %.3f ms (runs %.3f, %.3f), p99 %.3f ms;  ours p50 %.3f ms, p99 %.3f ms\n", k, t, c50, a50, b50, c99, j50, j99
  printf "ratio ours / C SIMD: p50 %.2fx, p99 %.2fx\n", j50 / c50, j99 / c99 }'
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15-min load average; 2 cores)"
