#!/usr/bin/env bash
# Issue 15: what Java itself reaches on the C yardstick's own loop. Builds and runs mppi_soa.c on one thread, then
# YardstickPort.java (the same loop ported to Java: line by line, and on Vector API float lanes with gathers) and
# our planner's MppiParityBenchmark on one thread (-p threads=1, when a foresight jar is there) on each JDK given,
# then the C again; prints each line and the ratios to the C (the C's median of its two runs).
# usage: examples/scripts/yardstick-port.sh [K] [T]            (default 2000 56)
# env:   YARDSTICK  folder with mppi_soa.c (default: ../shared/perf next to the repository)
#        JAVAS      the java launchers to try, space-separated (default: java, and every /usr/lib/jvm/*/bin/java
#                   of a feature release newer than java's)
#        FORESIGHT_JAR  the jar whose MppiParity runs (default: examples/target/foresight.jar; none there: skipped)
set -eu
ROOT=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
YARDSTICK=${YARDSTICK:-$ROOT/../shared/perf}
[ -f "$YARDSTICK/mppi_soa.c" ] || { echo "$(basename "$0"): no mppi_soa.c in $YARDSTICK (set YARDSTICK to the folder that holds it)" >&2; exit 2; }
K=${1:-2000}; T=${2:-56}
case "$K$T" in *[!0-9]*|'') echo "yardstick-port.sh: K and T must be positive integers, got '$K' '$T'" >&2; exit 2;; esac
B=$(mktemp -d); trap 'rm -rf "$B"' EXIT
gcc -O3 -march=native -ffast-math -fopenmp "$YARDSTICK/mppi_soa.c" -o "$B/soa" -lm
feature() { "$1" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p'; }
if [ -z "${JAVAS:-}" ]; then
  JAVAS=java; base=$(feature java)
  for j in /usr/lib/jvm/*/bin/java; do
    [ -x "$j" ] || continue
    f=$(feature "$j"); [ -n "$f" ] && [ "$f" -gt "$base" ] && JAVAS="$JAVAS $j" && base=$f
  done
fi
c1=$(OMP_NUM_THREADS=1 "$B/soa" "$K" "$T" 400)
: > "$B/ports.txt"
JAR=${FORESIGHT_JAR:-$ROOT/examples/target/foresight.jar}
for j in $JAVAS; do
  "$j" --add-modules jdk.incubator.vector "$ROOT/examples/scripts/YardstickPort.java" "$K" "$T" 2000 2>/dev/null \
    | tee -a "$B/ports.txt"
  if [ -f "$JAR" ]; then
    "$j" -XX:+UseParallelGC -Xss4m --add-modules jdk.incubator.vector -jar "$JAR" jmh MppiParity -p threads=1 \
      -p samples="$K" -p horizon="$T" -wi 3 -i 5 > "$B/jmh.txt" 2>&1
    p50=$(awk '/^MppiParityBenchmark.iteration:p0.50 /{print $(NF-1); exit}' "$B/jmh.txt")
    [ -n "$p50" ] && echo "ours_MppiParity (JDK $(feature "$j"), 1 thread) K=$K T=$T median_ms=$p50" | tee -a "$B/ports.txt"
  fi
done
[ -f "$JAR" ] || echo "(no $JAR: our MppiParity skipped; build with ./foresight --help, or set FORESIGHT_JAR)"
c2=$(OMP_NUM_THREADS=1 "$B/soa" "$K" "$T" 400)
echo "$c1"; echo "$c2"
field() { echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
c50=$(awk -v a="$(field "$c1" median_ms)" -v b="$(field "$c2" median_ms)" 'BEGIN { print (a + b) / 2 }')
echo "C SIMD, 1 thread: p50 $c50 ms"
awk -v c="$c50" '{ for (i = 1; i <= NF; i++) if ($i ~ /^median_ms=/) { split($i, m, "="); lbl = $0; sub(/ K=.*/, "", lbl);
  printf "%-45s p50 %.3f ms = %.2fx the C\n", lbl, m[2], m[2] / c } }' "$B/ports.txt"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15-min load average; 2 cores)"
