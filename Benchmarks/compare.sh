#!/usr/bin/env bash
# Issue 10's speed table: every command timed for two builds of retro in the same run, on
# the same machine, next to cmark (the reference parser) and pymarkdown (a peer linter).
#
#   Benchmarks/compare.sh BEFORE_BINARY [--scaling]
#
# BEFORE_BINARY is an older release build (for example: git worktree add /tmp/before REV &&
# (cd /tmp/before && swift build -c release --product retro); then /tmp/before/.build/release/retro).
# The "after" build is this checkout's release build. Corpora:
#   real   the 62 postmortems of ../shared/corpus copied 162 times (10,044 files, 97 MB);
#          needs ../shared (a developer's checkout; a user's clone has none)
#   gen    Benchmarks/generate.py --seed 42 --count 10000: 10,000 reports whose action items
#          are drawn from a small vocabulary, the near-duplicate worst case for recurrence
# --scaling also runs lint, a cold index and --recurring on 1,000 / 10,000 / 50,000 generated
# reports, for the cost per file. Writes Benchmarks/compare/*.json and BENCHMARKS-RUN.md.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
before=$(realpath "${1:?usage: Benchmarks/compare.sh BEFORE_BINARY [--scaling]}")
scaling=false
for arg in "$@"; do [ "$arg" = "--scaling" ] && scaling=true; done
work=${RETRO_BENCH_DIR:-/tmp/retro-bench}
out="$here/Benchmarks/compare"
mkdir -p "$work" "$out"

need=()
command -v hyperfine >/dev/null || need+=(hyperfine)
command -v cmark >/dev/null || need+=(cmark)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null; fi
command -v pymarkdown >/dev/null || pip install -q pymarkdownlnt

(cd "$here" && swift build -c release --product retro 2>&1 | tail -1)
after="$here/.build/release/retro"

shared="$here/../shared/corpus"
[ -d "$shared" ] || { echo "needs ../shared/corpus (the real postmortems)" >&2; exit 2; }
real="$work/real-10044"
if [ ! -d "$real" ]; then
  mkdir -p "$real"
  for i in $(seq 1 162); do for f in "$shared"/*.md; do cp "$f" "$real/$i-$(basename "$f")"; done; done
fi
real1k="$work/real-1000"
if [ ! -d "$real1k" ]; then
  mkdir -p "$real1k"
  find "$real" -name '*.md' | sort | sed -n '1,1000p' | while read -r f; do cp "$f" "$real1k/"; done
fi
gen="$work/corpus-10000"
[ -d "$gen" ] || python3 "$here/Benchmarks/generate.py" --seed 42 --count 10000 --out "$gen"

export XDG_CACHE_HOME="$work/cache"
hf() { hyperfine --style basic --export-json "$out/$1.json" "${@:2}"; }
fresh() { rm -f "$1" "$1-wal" "$1-shm"; }

echo "== lint, real corpus, against cmark"
hf lint --warmup 1 --runs 3 -i \
  -n cmark "find $real -name '*.md' -print0 | xargs -0 cmark > /dev/null" \
  -n before "$before lint $real --format json > /dev/null" \
  -n after "$after lint $real --format json > /dev/null"

echo "== lint against pymarkdown, 1,000 real files"
hf peer --runs 1 -i \
  -n pymarkdown "pymarkdown scan $real1k > /dev/null" \
  -n before "$before lint $real1k --format json > /dev/null" \
  -n after "$after lint $real1k --format json > /dev/null"

echo "== index, cold, real corpus"
hf index --runs 2 \
  --prepare "rm -f $work/b.sqlite $work/b.sqlite-wal $work/b.sqlite-shm" \
  --prepare "rm -f $work/a.sqlite $work/a.sqlite-wal $work/a.sqlite-shm" \
  -n before "$before index $real --index $work/b.sqlite > /dev/null" \
  -n after "$after index $real --index $work/a.sqlite > /dev/null"

echo "== warm queries, real corpus"
"$before" index "$real" --index "$work/b.sqlite" > /dev/null
"$after" index "$real" --index "$work/a.sqlite" > /dev/null
hf queries --warmup 1 --runs 5 \
  -n "before actions" "$before actions $real --status open --format csv --index $work/b.sqlite > /dev/null" \
  -n "after actions" "$after actions $real --status open --format csv --index $work/a.sqlite > /dev/null" \
  -n "before stats" "$before stats $real --index $work/b.sqlite > /dev/null" \
  -n "after stats" "$after stats $real --index $work/a.sqlite > /dev/null"

echo "== actions --recurring, real and generated"
"$before" index "$gen" --index "$work/gb.sqlite" > /dev/null
"$after" index "$gen" --index "$work/ga.sqlite" > /dev/null
hf recurring --runs 1 \
  -n "before real" "$before actions $real --recurring --index $work/b.sqlite > /dev/null" \
  -n "after real" "$after actions $real --recurring --index $work/a.sqlite > /dev/null" \
  -n "before generated" "$before actions $gen --recurring --index $work/gb.sqlite > /dev/null" \
  -n "after generated" "$after actions $gen --recurring --index $work/ga.sqlite > /dev/null"

echo "== site, real corpus"
hf site --runs 1 \
  --prepare "rm -rf $work/site-b" --prepare "rm -rf $work/site-a" \
  -n before "$before site $real --out $work/site-b --index $work/b.sqlite > /dev/null" \
  -n after "$after site $real --out $work/site-a --index $work/a.sqlite > /dev/null"

echo "== peak memory"
peak() { { /usr/bin/time -v "$@" 2>&1 >/dev/null || true; } | awk -F': ' '/Maximum resident/ {printf "%.0f", $2/1024}'; }
{
  printf '{'
  for side in before after; do
    bin=$before; db=$work/b.sqlite; [ $side = after ] && { bin=$after; db=$work/a.sqlite; }
    lint=$(peak "$bin" lint "$real" --format json)
    fresh "$work/m.sqlite"; index=$(peak "$bin" index "$real" --index "$work/m.sqlite")
    actions=$(peak "$bin" actions "$real" --status open --format csv --index "$db")
    recurring=$(peak "$bin" actions "$real" --recurring --index "$db")
    stats=$(peak "$bin" stats "$real" --index "$db")
    rm -rf "$work/site-m"; site=$(peak "$bin" site "$real" --out "$work/site-m" --index "$db")
    printf '"%s": {"lint": %s, "index": %s, "actions": %s, "recurring": %s, "stats": %s, "site": %s}' \
      "$side" "$lint" "$index" "$actions" "$recurring" "$stats" "$site"
    [ $side = before ] && printf ', '
  done
  printf '}\n'
} > "$out/memory.json"

if $scaling; then
  echo "== scaling, generated corpora, after only"
  for n in 1000 10000 50000; do
    dir="$work/corpus-$n"
    [ -d "$dir" ] || python3 "$here/Benchmarks/generate.py" --seed 42 --count "$n" --out "$dir"
    # One --prepare per command, in order: only the index starts from nothing.
    hf "scale-$n" --runs 1 -i \
      --prepare true --prepare "rm -f $work/s.sqlite $work/s.sqlite-wal $work/s.sqlite-shm" --prepare true \
      -n lint "$after lint $dir --format json > /dev/null" \
      -n index "$after index $dir --index $work/s.sqlite > /dev/null" \
      -n recurring "$after actions $dir --recurring --index $work/s.sqlite > /dev/null"
  done
fi

python3 "$here/Benchmarks/compare.py" "$out" > "$here/Benchmarks/compare/RESULTS.md"
cat "$here/Benchmarks/compare/RESULTS.md"
