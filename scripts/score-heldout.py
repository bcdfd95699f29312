#!/usr/bin/env python3
"""Scores retro's reading of files labelled by kind presence (../shared/corpus/labels-200.json).

    scripts/score-heldout.py [--retro BINARY] [--labels FILE] [--corpus DIR] [--files]

The held-out labels say, for each file, which canonical sections it has (true/false per kind,
not per heading), how many timeline entries, action items and done items, and the incident
date. This is the "heldout-style" score issue 21 measured before anyone tuned the parser to
these files:

  recall     labelled kinds retro found in some section (its kind, an also-kind, or the kind
             a custom sub-section sits within)
  precision  kinds retro found that the label has
  exact      files whose timeline / action-item / done counts and date match exactly

scripts/score-corpus.py is the line-by-line score on scripts/corpus-labels.json. This reads
../shared, which a user's clone does not have, so it is not part of `swift test`.
"""
import argparse
import importlib.util
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
KINDS = {
    "summary": "summary", "impact": "impact", "root_causes": "rootCauses", "trigger": "trigger",
    "detection": "detection", "resolution": "resolution", "timeline": "timeline",
    "lessons_learned": "lessonsLearned", "went_well": "wentWell", "went_wrong": "wentWrong",
    "got_lucky": "gotLucky", "action_items": "actionItems",
}


def _score_corpus():
    """scripts/score-corpus.py as a module (its name has a hyphen), for its `retro_show`."""
    spec = importlib.util.spec_from_file_location("score_corpus", os.path.join(HERE, "score-corpus.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


retro_show = _score_corpus().retro_show


def found_kinds(report):
    kinds = set()
    for section in report["sections"]:
        for kind in [section["kind"]] + section.get("alsoKinds", []):
            kinds.add(kind)
        if section.get("within"):
            kinds.add(section["within"])
    return kinds & set(KINDS.values())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--retro", default=os.path.join(ROOT, ".build", "debug", "retro"))
    parser.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus"))
    parser.add_argument("--labels", default=None, help="default: CORPUS/labels-200.json")
    parser.add_argument("--files", action="store_true", help="print every file's differences")
    args = parser.parse_args()
    labels_path = args.labels or os.path.join(args.corpus, "labels-200.json")
    if not os.path.isfile(labels_path):
        print(f"no {labels_path}: nothing to score")
        return 0
    with open(labels_path) as f:
        labels = json.load(f)
    hits = total = correct = claimed = 0
    exact = {"timeline": 0, "actionItems": 0, "done": 0, "date": 0}
    for label in labels:
        report = retro_show(args.retro, os.path.join(args.corpus, label["file"]))
        want = {KINDS[k] for k, present in label["sections"].items() if present and k in KINDS}
        have = found_kinds(report)
        problems = []
        total += len(want)
        hits += len(want & have)
        claimed += len(have)
        correct += len(have & want)
        if want - have:
            problems.append(f"  missed {', '.join(sorted(want - have))}")
        if have - want:
            problems.append(f"  claimed {', '.join(sorted(have - want))}")
        items = label.get("action_items", {})
        pairs = {
            "timeline": (label.get("timeline", {}).get("entries"), len(report["timeline"])),
            "actionItems": (items.get("count"), len(report["actionItems"])),
            "done": (items.get("done"), sum(1 for a in report["actionItems"] if a["status"] == "done")),
            "date": (label.get("date"), report.get("date")),
        }
        for key, (w, h) in pairs.items():
            if w == h:
                exact[key] += 1
            else:
                problems.append(f"  {key}: label {w}, retro {h}")
        if args.files and problems:
            print(label["file"])
            print("\n".join(problems))
    n = len(labels)
    print(f"files {n}")
    print(f"sections  recall {hits / max(1, total):.3f} ({hits}/{total})  precision {correct / max(1, claimed):.3f} ({correct}/{claimed})")
    for key, value in exact.items():
        print(f"exact {key:<12} {value / n:.3f} ({value}/{n})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
