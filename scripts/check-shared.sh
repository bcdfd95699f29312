#!/usr/bin/env bash
# Checks retro against ../shared (the seeds and the corpus of real postmortems), which a
# user's clone does not have: the project's tests never read it, this script does.
#
#   scripts/check-shared.sh [RETRO_BINARY]
#
# Prints the seed checks, then per corpus file: sections, timeline entries (timed / total),
# action items (open / total), lessons, and the wall time; fails if a file crashes retro
# or takes more than a second.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
shared="$here/../shared"
retro=${1:-"$here/.build/debug/retro"}
if [ ! -d "$shared" ]; then echo "no ../shared next to the project: nothing to check"; exit 0; fi
if [ ! -x "$retro" ]; then (cd "$here" && swift build) || exit 2; fi
command -v python3 >/dev/null || { echo "python3 is needed to read the JSON"; exit 2; }

status=0
summary() {
  python3 -c '
import json, sys
r = json.load(sys.stdin)
kinds = [s["kind"] for s in r["sections"] if s["kind"] != "custom"]
tl = r["timeline"]; ai = r["actionItems"]; l = r["lessons"]
print("sections=%s | timeline %d/%d timed | actions %d open/%d | lessons %d/%d/%d | date %s" % (
  ",".join(dict.fromkeys(kinds)) or "-", sum(1 for e in tl if e["instant"]), len(tl),
  sum(1 for a in ai if a["status"] == "open"), len(ai),
  len(l["wentWell"]), len(l["wentWrong"]), len(l["gotLucky"]), r["date"]))
'
}

echo "== seeds"
seed0="$shared/seeds/000_70c5d7e03edf48f1.txt"
seed1="$shared/seeds/001_074a954b06cc13dd.txt"
python3 - "$retro" "$seed0" "$seed1" <<'PY' || status=1
import json, subprocess, sys
retro, s0, s1 = sys.argv[1:4]
def show(p):
    out = subprocess.run([retro, "show", "--format", "json", p], capture_output=True, text=True, timeout=10)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)
ok = True
def check(name, cond):
    global ok
    print(("ok   " if cond else "FAIL ") + name)
    ok = ok and cond
r = show(s0)
kinds = {s["kind"] for s in r["sections"]}
canon = {"summary","impact","rootCauses","trigger","detection","resolution","timeline","lessonsLearned","wentWell","wentWrong","gotLucky","actionItems"}
check("seed 000: every canonical section", canon <= kinds)
check("seed 000: 3 timeline entries at 18:45, 19:45, 20:15 on 2019-02-25",
      [e["instant"] for e in r["timeline"]] == ["2019-02-25T18:45:00Z","2019-02-25T19:45:00Z","2019-02-25T20:15:00Z"])
check("seed 000: 6 open action items", len(r["actionItems"]) == 6 and all(a["status"] == "open" for a in r["actionItems"]))
check("seed 000: lessons 1/5/1", [len(r["lessons"][k]) for k in ("wentWell","wentWrong","gotLucky")] == [1,5,1])
check("seed 000: incident date 2019-02-25, published 2019-03-01", r["date"] == "2019-02-25" and r["publishedDate"] == "2019-03-01")
r = show(s1)
kinds = {s["kind"] for s in r["sections"]}
check("seed 001: root causes and the three lessons lists", {"rootCauses","wentWell","wentWrong","gotLucky"} <= kinds)
check("seed 001: lessons 1/5/1", [len(r["lessons"][k]) for k in ("wentWell","wentWrong","gotLucky")] == [1,5,1])
check("seed 001: 6 action items from the bullet lines", len(r["actionItems"]) == 6)
check("seed 001: timeline lines recovered (18:45, 19:45, 20:15)", [e["timeText"] for e in r["timeline"]] == ["18:45","19:45","20:15"])
sys.exit(0 if ok else 1)
PY

echo "== corpus"
for file in "$shared"/corpus/*.md; do
  name=$(basename "$file")
  start=$(date +%s%N)
  out=$(timeout 10 "$retro" show --format json "$file" 2>/tmp/retro-check-err)
  rc=$?
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  if [ $rc -ne 0 ]; then
    echo "FAIL $name: exit $rc: $(head -c 300 /tmp/retro-check-err)"; status=1; continue
  fi
  if [ $ms -gt 1000 ]; then echo "SLOW $name: ${ms} ms"; status=1; fi
  printf '%-45s %5d ms  %s\n' "$name" "$ms" "$(printf '%s' "$out" | summary)"
done
exit $status
