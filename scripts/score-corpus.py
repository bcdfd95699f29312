#!/usr/bin/env python3
"""Scores retro's reading of ../shared/corpus against hand-made labels.

    scripts/score-corpus.py [--retro BINARY] [--labels FILE] [--corpus DIR] [--only 2] [--files] [--save FILE]

The labels (scripts/corpus-labels.json) were written by reading each file, not from retro's
output: for every heading (and bold pseudo-heading) the kind of section it is, the number of
timeline entries, action items and done items, the owners and the incident date.

Sections are compared by line. A label's kind is what the section is about; a sub-heading
that only subdivides a canonical section carries its parent's kind, so retro's answer is its
`kind`, or the kind it sits `within` when its own kind is custom. A label may carry two kinds
(`rootCauses+trigger`).

  recall     labelled canonical (heading, kind) pairs retro found with that kind
  precision  retro's canonical sections whose kind the label agrees with (a canonical section
             where the labels have no heading counts against it)
  exact      files whose timeline / action-item / done counts / date / owners match exactly

Prints the totals, then per file what differs. This reads ../shared, which a user's clone
does not have, so it is not part of `swift test`.
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CANONICAL = {
    "summary", "impact", "rootCauses", "trigger", "detection", "resolution", "timeline",
    "lessonsLearned", "wentWell", "wentWrong", "gotLucky", "actionItems",
}


def retro_show(retro, path):
    out = subprocess.run([retro, "show", "--format", "json", path], capture_output=True, text=True, timeout=60)
    if out.returncode != 0:
        raise RuntimeError(f"{path}: retro exited {out.returncode}: {out.stderr[:300]}")
    return json.loads(out.stdout)


def retro_kinds(section):
    kinds = [section["kind"]] + section.get("alsoKinds", [])
    if section["kind"] == "custom" and section.get("within"):
        kinds = [section["within"]]
    return {k for k in kinds if k in CANONICAL}


def owner_key(name):
    return name.strip().lstrip("@").lower()


def score_file(label, report):
    problems = []
    got = {}
    for section in report["sections"]:
        got.setdefault(section["range"]["start"]["line"], (section, retro_kinds(section)))
    labelled = {s["line"]: s for s in label["sections"]}
    hits = total = correct = claimed = 0
    for line, s in sorted(labelled.items()):
        want = {k for k in s["kind"].split("+") if k in CANONICAL}
        have = got.get(line, (None, set()))[1]
        for kind in sorted(want):
            total += 1
            if kind in have:
                hits += 1
            else:
                problems.append(f"  line {line} '{s['heading']}': missed {kind} (retro: {','.join(sorted(have)) or 'custom/none'})")
    for line, (section, have) in sorted(got.items()):
        for kind in sorted(have):
            claimed += 1
            want = {k for k in labelled[line]["kind"].split("+")} if line in labelled else set()
            if kind in want:
                correct += 1
            else:
                what = labelled[line]["kind"] if line in labelled else "no section"
                problems.append(f"  line {line} '{section['heading']}': retro says {kind}, label {what}")

    counts = {}
    def compare(name, want, have):
        ok = want == have
        counts[name] = ok
        if not ok:
            problems.append(f"  {name}: label {want}, retro {have}")

    compare("timeline", label["timeline"], len(report["timeline"]))
    compare("actionItems", label["actionItems"], len(report["actionItems"]))
    compare("done", label["actionItemsDone"], sum(1 for a in report["actionItems"] if a["status"] == "done"))
    compare("date", label.get("date"), report.get("date"))
    want_owners = {owner_key(o) for o in label.get("owners", [])}
    have_owners = {owner_key(o) for a in report["actionItems"] for o in a["owners"]}
    compare("owners", sorted(want_owners), sorted(have_owners))
    return {"hits": hits, "total": total, "correct": correct, "claimed": claimed, "counts": counts, "problems": problems}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--retro", default=os.path.join(ROOT, ".build", "debug", "retro"))
    parser.add_argument("--labels", default=os.path.join(HERE, "corpus-labels.json"))
    parser.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus"))
    parser.add_argument("--files", action="store_true", help="print every file's differences")
    parser.add_argument("--only", help="score only files whose names start with one of these comma-separated prefixes (2 = files 200-239)")
    parser.add_argument("--save", help="write per-file results as JSON (to compare two runs)")
    parser.add_argument("--compare", help="a file written by --save: list files that got worse")
    args = parser.parse_args()
    if not os.path.isdir(args.corpus):
        print("no ../shared/corpus next to the project: nothing to score")
        return 0
    with open(args.labels) as f:
        labels = json.load(f)
    if args.only:
        prefixes = tuple(args.only.split(","))
        labels = [label for label in labels if label["file"].startswith(prefixes)]

    totals = {"hits": 0, "total": 0, "correct": 0, "claimed": 0}
    exact = {}
    per_file = {}
    for label in labels:
        report = retro_show(args.retro, os.path.join(args.corpus, label["file"]))
        result = score_file(label, report)
        for key in totals:
            totals[key] += result[key]
        for key, ok in result["counts"].items():
            exact[key] = exact.get(key, 0) + (1 if ok else 0)
        per_file[label["file"]] = result
        if args.files and result["problems"]:
            print(label["file"])
            print("\n".join(result["problems"]))

    n = len(labels)
    recall = totals["hits"] / max(1, totals["total"])
    precision = totals["correct"] / max(1, totals["claimed"])
    print(f"files {n}")
    print(f"sections  recall {recall:.3f} ({totals['hits']}/{totals['total']})  "
          f"precision {precision:.3f} ({totals['correct']}/{totals['claimed']})")
    for key in ("timeline", "actionItems", "done", "date", "owners"):
        print(f"exact {key:<12} {exact.get(key, 0) / n:.3f} ({exact.get(key, 0)}/{n})")

    if args.compare:
        with open(args.compare) as f:
            before = json.load(f)
        for name, result in per_file.items():
            old = before.get(name)
            if not old:
                continue
            worse = []
            if result["hits"] < old["hits"]:
                worse.append(f"recall {old['hits']}->{result['hits']}")
            if result["claimed"] - result["correct"] > old["claimed"] - old["correct"]:
                worse.append(f"wrong {old['claimed'] - old['correct']}->{result['claimed'] - result['correct']}")
            for key, ok in result["counts"].items():
                if old["counts"].get(key) and not ok:
                    worse.append(f"{key} no longer exact")
            if worse:
                print(f"WORSE {name}: {'; '.join(worse)}")
    if args.save:
        with open(args.save, "w") as f:
            json.dump(per_file, f, indent=1, sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
