#!/usr/bin/env bash
# Benchmarks retro against the reference parser (cmark) and a peer linter (pymarkdown), on a
# generated corpus. Prints every figure and ratio and writes Benchmarks/results.md.
#
#   Benchmarks/run.sh [COUNT] [--scaling]
#
# COUNT (default 10000) reports are generated with a fixed seed. --scaling also times lint
# and a cold index on 1,000 / 10,000 / 50,000 reports. Times come from hyperfine (several
# runs, mean ± σ); peak memory from /usr/bin/time -v. Needs: hyperfine, cmark (Debian),
# pymarkdownlnt (PyPI); they are installed when missing (as root).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
count=${1:-10000}
scaling=false
for arg in "$@"; do [ "$arg" = "--scaling" ] && scaling=true; done
work=${RETRO_BENCH_DIR:-/tmp/retro-bench}
mkdir -p "$work"

need=()
command -v hyperfine >/dev/null || need+=(hyperfine)
command -v cmark >/dev/null || need+=(cmark)
command -v /usr/bin/time >/dev/null || need+=(time)
if [ ${#need[@]} -gt 0 ]; then apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null; fi
command -v pymarkdown >/dev/null || pip install -q pymarkdownlnt

echo "== building release binary"
(cd "$here" && "$here/scripts/setup.sh" && swift build -c release --product retro 2>&1 | tail -1)
retro="$here/.build/release/retro"

corpus="$work/corpus-$count"
if [ ! -d "$corpus" ]; then python3 "$here/Benchmarks/generate.py" --seed 42 --count "$count" --out "$corpus"; fi
first1k="$work/first-1000"
if [ ! -d "$first1k" ]; then
  mkdir -p "$first1k"
  find "$corpus" -name '*.md' | sort | sed -n '1,1000p' | while read -r f; do cp "$f" "$first1k/"; done
fi
files=$(find "$corpus" -name '*.md' | wc -l)
bytes=$(du -sb "$corpus" | cut -f1)
echo "corpus: $files reports, $((bytes / 1000000)) MB"

export XDG_CACHE_HOME="$work/cache"
index="$work/index.sqlite"
json="$work/json"
mkdir -p "$json"
hf() { hyperfine --style basic --export-json "$json/$1.json" "${@:2}"; }

echo "== 1. cmark rendering every file vs retro lint (all rules)"
hf lint-vs-cmark --warmup 1 --runs 3 -i \
  -n cmark "find $corpus -name '*.md' -print0 | xargs -0 cmark > /dev/null" \
  -n "retro lint" "$retro lint $corpus --format json > /dev/null"

echo "== 2. pymarkdown scan vs retro lint, first 1,000 files"
hf lint-vs-pymarkdown --runs 1 -i \
  -n "pymarkdown scan" "pymarkdown scan $first1k > /dev/null" \
  -n "retro lint" "$retro lint $first1k --format json > /dev/null"

echo "== 3. retro index: cold, unchanged, one file changed"
one=$(find "$corpus" -name '*.md' | sort | sed -n '1p')
hf index-cold --runs 3 --prepare "rm -f $index $index-wal $index-shm" \
  -n "index cold" "$retro index $corpus --index $index > /dev/null"
"$retro" index "$corpus" --index "$index" > /dev/null
hf index-warm --warmup 1 --runs 10 \
  -n "index unchanged" "$retro index $corpus --index $index > /dev/null" \
  -n "index one changed" --prepare "echo '- [ ] Bench edit @ana OPS-1' >> $one" "$retro index $corpus --index $index > /dev/null"

echo "== 4. queries on the indexed corpus vs grep as the floor"
"$retro" index "$corpus" --index "$index" > /dev/null
hf queries --warmup 1 --runs 10 -i \
  -n "grep -rc open items" "grep -rc -- '- \[ \]' $corpus > /dev/null" \
  -n "retro actions --status open" "$retro actions $corpus --status open --format csv --index $index > /dev/null" \
  -n "retro stats" "$retro stats $corpus --index $index > /dev/null"

echo "== 5. retro site over the corpus"
hf site --runs 2 --prepare "rm -rf $work/site" \
  -n "retro site" "$retro site $corpus --out $work/site --index $index > /dev/null"

echo "== 6. retro show of one report (start-up cost)"
hf show --warmup 3 --runs 30 -n "retro show one" "$retro show $here/examples/2021-06-08-checkout-latency.md > /dev/null"

echo "== peak memory"
peak() { { /usr/bin/time -v "$@" 2>&1 >/dev/null || true; } | awk -F': ' '/Maximum resident/ {printf "%.0f", $2/1024}'; }
mem_lint=$(peak "$retro" lint "$corpus" --format json)
rm -f "$index" "$index-wal" "$index-shm"
mem_index=$(peak "$retro" index "$corpus" --index "$index")
mem_actions=$(peak "$retro" actions "$corpus" --status open --format csv --index "$index")
mem_stats=$(peak "$retro" stats "$corpus" --index "$index")
rm -rf "$work/site"
mem_site=$(peak "$retro" site "$corpus" --out "$work/site" --index "$index")
mem_show=$(peak "$retro" show "$here/examples/2021-06-08-checkout-latency.md")
printf '{"lint": %s, "index": %s, "actions": %s, "stats": %s, "site": %s, "show": %s}\n' \
  "$mem_lint" "$mem_index" "$mem_actions" "$mem_stats" "$mem_site" "$mem_show" > "$json/memory.json"

if $scaling; then
  echo "== scaling: lint and cold index at 1,000 / 10,000 / 50,000"
  for n in 1000 10000 50000; do
    dir="$work/corpus-$n"
    [ -d "$dir" ] || python3 "$here/Benchmarks/generate.py" --seed 42 --count "$n" --out "$dir"
    hf "scale-$n" --runs 1 --prepare "rm -f $work/scale.sqlite $work/scale.sqlite-wal $work/scale.sqlite-shm" -i \
      -n "lint $n" "$retro lint $dir --format json > /dev/null" \
      -n "index $n" "$retro index $dir --index $work/scale.sqlite > /dev/null"
  done
fi

python3 "$here/Benchmarks/summarize.py" "$json" "$files" "$bytes" > "$here/Benchmarks/results.md"
cat "$here/Benchmarks/results.md"
