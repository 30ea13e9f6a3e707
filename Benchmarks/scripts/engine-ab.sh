#!/usr/bin/env bash
# A/B of two release builds of EngineBenchmarks on the engine-alone bulk, in ABBA order (round 1: A then B, round 2:
# B then A, ...), so a host growing busier or quieter during the comparison favours neither. Then the mean, median
# and minimum process CPU per iteration and per call (17,334 calls an iteration), and the writer thread's CPU.
# Make the binaries first, one per commit:
#   cd Benchmarks && swift build -c release --product EngineBenchmarks && cp .build/release/EngineBenchmarks .build/release/bin_NAME
# Usage: Benchmarks/scripts/engine-ab.sh ROUNDS A B   (A and B name .build/release/bin_A and bin_B)
set -euo pipefail
rounds=$1; a=$2; b=$3
cd "$(dirname "$0")/.."
log="$(mktemp "${TMPDIR:-/tmp}/keycard-engine-ab.XXXXXX")"
for i in $(seq 1 "$rounds"); do
  if (( i % 2 )); then order="$a $b"; else order="$b $a"; fi
  for x in $order; do
    echo "== $x" >> "$log"
    ".build/release/bin_$x" --filter "bulk: 2,000 hires, engine.*" 2>&1 | grep -a "^bulk" >> "$log"
  done
done
python3 - "$log" <<'PY'
import re, statistics as st, sys
runs, current = {}, None
for line in open(sys.argv[1], errors="replace"):
    if line.startswith("== "):
        current = line[3:].strip(); runs.setdefault(current, ([], [])); continue
    found = re.search(r"(\d+) calls, process CPU (\d+) ms.*writing (\d+) ms", line)
    if found and current:
        calls = int(found.group(1))
        runs[current][0].append(int(found.group(2)) * 1000 / calls)
        runs[current][1].append(int(found.group(3)))
for name, (per_call, writer) in runs.items():
    print(f"{name}: {len(per_call)} iterations, per call mean {st.mean(per_call):.1f} us, median {st.median(per_call):.1f}, "
          f"min {min(per_call):.1f}; writer mean {st.mean(writer):.0f} ms")
PY
echo "raw lines: $log"
