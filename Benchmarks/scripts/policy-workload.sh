#!/usr/bin/env bash
# Generates the shared birthright policy workload into a temp folder and prints the folder.
# Usage: export KEYCARD_POLICY_WORKLOAD=$(Benchmarks/scripts/policy-workload.sh)
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
shared="${KEYCARD_SHARED:-$here/../shared}"
generator="$shared/bench/policy-workload/gen.py"
if [ ! -f "$generator" ]; then
  echo "policy workload generator not found at $generator (set KEYCARD_SHARED)" >&2
  exit 1
fi
out="$(mktemp -d "${TMPDIR:-/tmp}/keycard-policy-workload.XXXXXX")"
python3 "$generator" "$out" >&2
echo "$out"
