#!/usr/bin/env python3
"""Scores `retro lint` on ../shared/corpus against findings judged by reading each report.

    scripts/score-lint.py [--retro BINARY] [--judgements FILE] [--corpus DIR] [--config FILE]
                          [--markdown] [--new] [--gone]

The judgements (scripts/lint-judgements.json) hold one entry per finding retro gave at some
run: file, line, rule, message, verdict and a one-line reason. The verdicts, as issue 20
defines them:

  TRUE       a real problem in the report, worth the author fixing
  DEBATABLE  what the rule says, but a team convention rather than a problem
  FALSE      retro misread the report

This runs `retro lint --format json` on every corpus file, matches each finding to its
judgement (same file, rule and message at the same line; else the same file, rule and message
at another line, for findings that moved), and prints per rule: findings, verdicts, and
precision TRUE / (TRUE + FALSE); then findings and false findings per report, errors and
false errors, and the findings that are new (unjudged) or gone since the judgements were
made. Run it after every parser or rule change, judge what is new, and keep the table in
scripts/LINT-SCORE.md. This reads ../shared, which a user's clone does not have, so it is not
part of `swift test`.
"""
import argparse
import collections
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def lint(retro, corpus, config):
    command = [retro, "lint", "--format", "json"]
    if config:
        command += ["--config", config]
    command.append(corpus)
    out = subprocess.run(command, capture_output=True, text=True, timeout=600)
    if out.returncode not in (0, 1):
        raise SystemExit(f"retro lint exited {out.returncode}: {out.stderr[:500]}")
    findings = []
    for f in json.loads(out.stdout):
        findings.append({
            "file": os.path.basename(f["path"]), "line": f["line"], "rule": f["ruleId"],
            "severity": f["severity"], "message": f["message"],
        })
    return findings


def match(findings, judgements):
    """Pairs findings with judgements: exact (file, rule, message, line) first, then
    (file, rule, message) for a finding whose line moved. Returns (pairs, new, gone)."""
    exact = collections.defaultdict(list)
    loose = collections.defaultdict(list)
    for j in judgements:
        exact[(j["file"], j["rule"], j["message"], j["line"])].append(j)
        loose[(j["file"], j["rule"], j["message"])].append(j)
    used = set()
    pairs, new = [], []
    pending = []
    for f in findings:
        candidates = [j for j in exact[(f["file"], f["rule"], f["message"], f["line"])] if id(j) not in used]
        if candidates:
            used.add(id(candidates[0]))
            pairs.append((f, candidates[0]))
        else:
            pending.append(f)
    for f in pending:
        candidates = [j for j in loose[(f["file"], f["rule"], f["message"])] if id(j) not in used]
        if candidates:
            best = min(candidates, key=lambda j: abs(j["line"] - f["line"]))
            used.add(id(best))
            pairs.append((f, best))
        else:
            new.append(f)
    gone = [j for j in judgements if id(j) not in used]
    return pairs, new, gone


def precision(true, false):
    return true / (true + false) if true + false else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--retro", default=os.path.join(ROOT, ".build", "debug", "retro"))
    parser.add_argument("--judgements", default=os.path.join(HERE, "lint-judgements.json"))
    parser.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus"))
    parser.add_argument("--config", help="a .retro.yml to lint with (a profile, opt-in rules)")
    parser.add_argument("--markdown", action="store_true", help="print the per-rule table as Markdown")
    parser.add_argument("--new", action="store_true", help="list the unjudged findings")
    parser.add_argument("--gone", action="store_true", help="list the judged findings retro no longer gives")
    args = parser.parse_args()
    if not os.path.isdir(args.corpus):
        print("no ../shared/corpus next to the project: nothing to score")
        return 0
    with open(args.judgements) as f:
        judgements = json.load(f)
    findings = lint(args.retro, args.corpus, args.config)
    pairs, new, gone = match(findings, judgements)
    reports = len([n for n in os.listdir(args.corpus) if n.endswith((".md", ".markdown", ".mdx"))])

    per_rule = collections.OrderedDict()
    for f in sorted(findings, key=lambda f: f["rule"]):
        per_rule.setdefault(f["rule"], collections.Counter())
    for f, j in pairs:
        per_rule[f["rule"]][j["verdict"]] += 1
        per_rule[f["rule"]]["findings"] += 1
        if f["severity"] == "error":
            per_rule[f["rule"]]["errors"] += 1
            if j["verdict"] == "FALSE":
                per_rule[f["rule"]]["falseErrors"] += 1
    for f in new:
        per_rule[f["rule"]]["findings"] += 1
        per_rule[f["rule"]]["UNJUDGED"] += 1

    total = collections.Counter()
    for counts in per_rule.values():
        total.update(counts)
    rows = []
    for rule, c in list(per_rule.items()) + [("all", total)]:
        p = precision(c["TRUE"], c["FALSE"])
        rows.append((rule, c["findings"], c["TRUE"], c["DEBATABLE"], c["FALSE"], c["UNJUDGED"],
                     "—" if p is None else f"{p:.0%}", c["errors"], c["falseErrors"]))
    header = ("rule", "findings", "true", "debatable", "false", "unjudged", "precision", "errors", "false errors")
    if args.markdown:
        print("| " + " | ".join(header) + " |")
        print("| " + " | ".join("---" for _ in header) + " |")
        for row in rows:
            print("| " + " | ".join(str(x) for x in row) + " |")
    else:
        print(f"{header[0]:<32}" + "".join(f"{h:>11}" for h in header[1:]))
        for row in rows:
            print(f"{row[0]:<32}" + "".join(f"{str(x):>11}" for x in row[1:]))
    false_files = collections.Counter(f["file"] for f, j in pairs if j["verdict"] == "FALSE")
    error_files = {f["file"] for f, j in pairs if f["severity"] == "error" and j["verdict"] == "FALSE"}
    useless = sum(1 for n in {f["file"] for f in findings} if not any(
        j["verdict"] == "TRUE" for f, j in pairs if f["file"] == n))
    print()
    print(f"reports {reports}: {len(findings) / reports:.1f} findings a report, "
          f"{sum(false_files.values()) / reports:.2f} false a report, "
          f"{total['TRUE'] / reports:.2f} true a report")
    print(f"files with a false error: {len(error_files)}; files with findings but none true: {useless}")
    print(f"new (unjudged) findings: {len(new)}; judged findings gone: {len(gone)}")
    if args.new:
        for f in new:
            print(f"NEW  {f['file']}:{f['line']} {f['rule']}: {f['message']}")
    if args.gone:
        for j in gone:
            print(f"GONE {j['file']}:{j['line']} {j['rule']} [{j['verdict']}]: {j['message']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
