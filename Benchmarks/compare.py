#!/usr/bin/env python3
"""Turns the hyperfine JSON of Benchmarks/compare.sh into issue 10's table: each target, the
before and after builds, and whether the after build meets it."""
import json
import os
import subprocess
import sys

folder = sys.argv[1]


def load(name):
    path = os.path.join(folder, name + ".json")
    if not os.path.exists(path):
        return {}
    return {r["command"]: r for r in json.load(open(path))["results"]}


def wall(results, name):
    return results[name]["mean"] if name in results else None


def cpu(results, name):
    return results[name]["user"] + results[name]["system"] if name in results else None


def fmt(seconds):
    if seconds is None:
        return "—"
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def ratio(value, base):
    return f"{value / base:.1f} ×" if value and base else "—"


lint, peer, index, queries = load("lint"), load("peer"), load("index"), load("queries")
recurring, site = load("recurring"), load("site")
memory = json.load(open(os.path.join(folder, "memory.json"))) if os.path.exists(os.path.join(folder, "memory.json")) else {}
cmark, cmark_cpu = wall(lint, "cmark"), cpu(lint, "cmark")

rows = []


def row(task, target, before, after, met):
    rows.append(f"| {task} | {target} | {before} | {after} | {'yes' if met else 'no'} |")


b, a = wall(lint, "before"), wall(lint, "after")
row("`retro lint` wall / cmark wall", "≤ 3 ×", f"{ratio(b, cmark)} ({fmt(b)})", f"{ratio(a, cmark)} ({fmt(a)})", a and cmark and a <= 3 * cmark)
b, a = cpu(lint, "before"), cpu(lint, "after")
row("`retro lint` CPU / cmark CPU", "≤ 5 ×", f"{ratio(b, cmark_cpu)} ({fmt(b)})", f"{ratio(a, cmark_cpu)} ({fmt(a)})", a and cmark_cpu and a <= 5 * cmark_cpu)
p, b, a = wall(peer, "pymarkdown"), wall(peer, "before"), wall(peer, "after")
row("`retro lint` vs `pymarkdown scan`, 1,000 files", "≥ 150 × faster", f"{p / b:.0f} × faster ({fmt(b)} vs {fmt(p)})" if p and b else "—",
    f"{p / a:.0f} × faster ({fmt(a)})" if p and a else "—", p and a and p / a >= 150)
b, a = wall(index, "before"), wall(index, "after")
row("`retro index` cold / cmark wall", "≤ 4 ×", f"{ratio(b, cmark)} ({fmt(b)})", f"{ratio(a, cmark)} ({fmt(a)})", a and cmark and a <= 4 * cmark)
for corpus in ("real", "generated"):
    b, a = wall(recurring, f"before {corpus}"), wall(recurring, f"after {corpus}")
    row(f"`retro actions --recurring`, {corpus} 10k", "< 1 s", fmt(b), fmt(a), a is not None and a < 1)
for command in ("actions", "stats"):
    b, a = wall(queries, f"before {command}"), wall(queries, f"after {command}")
    label = "`retro actions --status open`, warm" if command == "actions" else "`retro stats`, warm"
    row(label, "< 0.15 s", fmt(b), fmt(a), a is not None and a < 0.15)
b, a = wall(site, "before"), wall(site, "after")
row("`retro site` / cmark", "≤ 5 ×", f"{ratio(b, cmark)} ({fmt(b)})", f"{ratio(a, cmark)} ({fmt(a)})", a and cmark and a <= 5 * cmark)
if memory:
    pb, pa = max(memory["before"].values()), max(memory["after"].values())
    row("peak memory, any command", "< 150 MB", f"{pb} MB", f"{pa} MB", pa < 150)

cpu_name = subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], capture_output=True, text=True).stdout.strip()
print(f"One run on {os.cpu_count()} cores ({cpu_name}). cmark: {fmt(cmark)} wall, {fmt(cmark_cpu)} CPU for the 10,044 real files.\n")
print("| command, 10,044-file real corpus | target | before | after | met |")
print("| --- | --- | --- | --- | --- |")
print("\n".join(rows))
if memory:
    print("\nPeak memory (MB, `/usr/bin/time -v`):\n")
    commands = list(memory["after"].keys())
    print("| build | " + " | ".join(commands) + " |")
    print("| --- | " + " | ".join("---" for _ in commands) + " |")
    for side in ("before", "after"):
        print(f"| {side} | " + " | ".join(str(memory[side][c]) for c in commands) + " |")
scale = {n: load(f"scale-{n}") for n in (1000, 10000, 50000)}
if any(scale.values()):
    print("\nScaling, generated reports, after build (one run each; per file in brackets):\n")
    print("| reports | lint | index, cold | actions --recurring |")
    print("| --- | --- | --- | --- |")
    for n, results in scale.items():
        if results:
            cells = [f"{fmt(wall(results, c))} ({wall(results, c) / n * 1000:.2f} ms)" if wall(results, c) else "—" for c in ("lint", "index", "recurring")]
            print(f"| {n:,} | " + " | ".join(cells) + " |")
