#!/usr/bin/env bash
# Builds the libFuzzer target (Swift with -sanitize=fuzzer,address) and fuzzes for SECONDS,
# starting from a seed corpus made of examples/ and the test fixtures. Crashes and hangs are
# written to Fuzz/findings/; each one found becomes a regression test with its minimal input.
#   Fuzz/run.sh SECONDS [JOBS] [bytes|structured|publish]
# `publish` reads each input as a report too but runs only the publish path (report → Jekyll
# and Hugo post) and its oracle (PostOracle.swift); it shares the bytes corpus.
# `structured` reads each input as the choices that build a report of the right shape
# (StructuredReport.swift) instead of as the report itself; it keeps its own corpus.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
seconds=${1:-60}
jobs=${2:-1}
mode=${3:-bytes}
cd "$here"
swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library 2>&1 | tail -2
binary=$(swift build -c release -Xswiftc -sanitize=fuzzer,address --show-bin-path)/RetroFuzz
mkdir -p "$here/findings"
if [ "$mode" = structured ]; then
  seeds="$here/.corpus-structured"
  mkdir -p "$seeds"
  # A few random choice streams to start from; coverage guidance grows the rest.
  for i in 1 2 3 4 5 6 7 8; do head -c $((i * 64)) /dev/urandom > "$seeds/random-$i"; done
else
  seeds="$here/.corpus"
  mkdir -p "$seeds"
  find "$here/../examples" "$here/../Tests" -name '*.md' -o -name '*.txt' | while read -r f; do cp "$f" "$seeds/" 2>/dev/null || true; done
fi
RETRO_FUZZ_MODE=$mode "$binary" "$seeds" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -jobs="$jobs" -workers="$jobs" -artifact_prefix="$here/findings/" -print_final_stats=1 2>&1 | tail -25
