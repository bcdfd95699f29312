#!/usr/bin/env python3
"""Turns the hyperfine JSON files of Benchmarks/run.sh into the Markdown results table."""
import json
import os
import platform
import subprocess
import sys

folder, files, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])


def load(name):
    path = os.path.join(folder, name + ".json")
    if not os.path.exists(path):
        return {}
    return {r["command"]: r for r in json.load(open(path))["results"]}


def mean(results, name):
    return results[name]["mean"] if name in results else None


def fmt(seconds):
    if seconds is None:
        return "—"
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


lint = load("lint-vs-cmark")
peer = load("lint-vs-pymarkdown")
cold = load("index-cold")
warm = load("index-warm")
queries = load("queries")
site = load("site")
show = load("show")
memory = json.load(open(os.path.join(folder, "memory.json"))) if os.path.exists(os.path.join(folder, "memory.json")) else {}
cmark = mean(lint, "cmark")

rows = []


def row(task, target, value, ratio=None, met=None):
    rows.append(f"| {task} | {target} | {value} | {ratio or '—'} | {'yes' if met else ('no' if met is not None else '—')} |")


r = mean(lint, "retro lint")
row("retro lint, all files", "≤ 1.0 × cmark", fmt(r), f"{r / cmark:.2f} × cmark ({fmt(cmark)})" if r and cmark else None, r is not None and cmark is not None and r <= cmark)
p, rl = mean(peer, "pymarkdown scan"), mean(peer, "retro lint")
row("retro lint vs pymarkdown, 1,000 files", "≥ 100 × faster", f"{fmt(rl)} vs {fmt(p)}", f"{p / rl:.0f} × faster" if p and rl else None, p is not None and rl is not None and p / rl >= 100)
c = mean(cold, "index cold")
row("retro index, cold", "≤ 1.5 × cmark", fmt(c), f"{c / cmark:.2f} × cmark" if c and cmark else None, c is not None and cmark is not None and c <= 1.5 * cmark)
u = mean(warm, "index unchanged")
row("retro index, nothing changed", "< 0.2 s", fmt(u), None, u is not None and u < 0.2)
o = mean(warm, "index one changed")
row("retro index, one file changed", "< 0.3 s", fmt(o), None, o is not None and o < 0.3)
g, a, s = mean(queries, "grep -rc open items"), mean(queries, "retro actions --status open"), mean(queries, "retro stats")
row("retro actions --status open", "< 0.1 s", fmt(a), f"grep floor {fmt(g)}", a is not None and a < 0.1)
row("retro stats", "< 0.1 s", fmt(s), None, s is not None and s < 0.1)
si = mean(site, "retro site")
row("retro site", "≤ 3 × cmark", fmt(si), f"{si / cmark:.2f} × cmark" if si and cmark else None, si is not None and cmark is not None and si <= 3 * cmark)
sh = mean(show, "retro show one")
row("retro show, one report", "< 20 ms", fmt(sh), None, sh is not None and sh < 0.02)
peak = max(memory.values()) if memory else None
row("peak memory, any command", "< 200 MB", f"{peak} MB" if peak else "—", ", ".join(f"{k} {v} MB" for k, v in memory.items()), peak is not None and peak < 200)

cpu = subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], capture_output=True, text=True).stdout.strip()
print(f"Run on {platform.node() and 'this machine'}: {os.cpu_count()} cores ({cpu}), {files} reports, {size / 1e6:.0f} MB.\n")
print("| task | target | measured (mean) | ratio / detail | met |")
print("| --- | --- | --- | --- | --- |")
print("\n".join(rows))
scale = [load(f"scale-{n}") for n in (1000, 10000, 50000)]
if any(scale):
    print("\nScaling (one run each):\n")
    print("| reports | retro lint | retro index (cold) |")
    print("| --- | --- | --- |")
    for n, results in zip((1000, 10000, 50000), scale):
        if results:
            print(f"| {n:,} | {fmt(mean(results, f'lint {n}'))} | {fmt(mean(results, f'index {n}'))} |")
