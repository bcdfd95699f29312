#!/usr/bin/env python3
"""Deterministic corpus of realistic incident reports for retro's benchmarks.

    Benchmarks/generate.py --seed 42 --count 10000 --out /tmp/retro-bench/corpus

Reports are 3 to 15 KB, spread over 2016-2025 in monthly folders, in the styles of
examples/ and of real postmortems: YAML or TOML front matter or none, bullet and table
timelines with several stamp formats and zones, task lists and action-item tables with
varied owners, due dates, tickets and status. The same seed always writes the same bytes.
"""
import argparse
import os
import random

SERVICES = ["checkout", "payments", "search", "auth", "billing", "cdn", "dns", "queue", "api-gateway",
            "notifications", "inventory", "reporting", "mobile-api", "web", "ledger", "scheduler"]
OWNERS = ["@ana", "@ben", "@carla", "@dev", "@eli", "@fay", "@gus", "@hana", "@ivo", "@jun", "@kai", "@lea"]
TEAMS = ["sre", "payments", "platform", "data", "edge", "identity"]
VERBS = ["Add", "Alert on", "Document", "Automate", "Split", "Cap", "Rate-limit", "Test", "Monitor", "Remove",
         "Rotate", "Page on", "Shard", "Backfill", "Throttle", "Cache"]
THINGS = ["replication lag", "queue depth", "certificate expiry", "connection pool saturation", "cache hit rate",
          "error budget burn", "disk usage", "deploy rollbacks", "config pushes", "DNS TTLs", "retry storms",
          "batch windows", "dependency timeouts", "feature flag rollouts", "database failover", "log volume"]
WORDS = ("the a service request latency error rate database cache deploy config customer traffic load "
         "replica primary node cluster region queue worker timeout retry alert page dashboard metric "
         "threshold capacity rollout release change window batch job schedule upstream downstream").split()
ZONES = ["UTC", "PST", "CET", "EST", ""]


def sentence(rng, words=14):
    chosen = [rng.choice(WORDS) for _ in range(rng.randint(words - 6, words + 6))]
    return " ".join(chosen).capitalize() + "."


def paragraph(rng, sentences=4):
    return " ".join(sentence(rng) for _ in range(rng.randint(sentences - 2, sentences + 2)))


def stamp(rng, style, day, hour, minute, zone):
    if style == 0:
        return f"{hour:02d}:{minute:02d}" + (f" {zone}" if zone else "")
    if style == 1:
        h12 = hour % 12 or 12
        return f"{h12}:{minute:02d} {'AM' if hour < 12 else 'PM'}" + (f" {zone}" if zone else "")
    if style == 2:
        return f"{day} {hour:02d}:{minute:02d}" + (f" {zone}" if zone else "")
    return f"**{hour:02d}:{minute:02d}**"


def report(rng, index):
    year = rng.randint(2016, 2025)
    month = rng.randint(1, 12)
    dom = rng.randint(1, 28)
    day = f"{year:04d}-{month:02d}-{dom:02d}"
    service = rng.choice(SERVICES)
    title = f"{rng.choice(['Degraded', 'Failed', 'Slow', 'Partial outage of', 'Errors in'])} {service} {rng.choice(['requests', 'deploys', 'jobs', 'writes', 'logins'])} #{index}"
    severity = rng.choice(["SEV1", "SEV2", "SEV3", "SEV3", "SEV4"])
    status = rng.choice(["final", "final", "published", "in-review", "draft"])
    zone = rng.choice(ZONES)
    fm = rng.random()
    out = []
    if fm < 0.55:
        out += ["---", f'title: "{title}"', f"date: {day}", f"severity: {severity}", f"status: {status}",
                f"authors: [{rng.choice(OWNERS)[1:].capitalize()}]", f"tags: [{service}, {rng.choice(TEAMS)}]",
                f"services: [{service}]", "---", ""]
    elif fm < 0.7:
        out += ["+++", f'title = "{title}"', f"date = {day}", f'authors = ["{rng.choice(OWNERS)[1:].capitalize()}"]',
                "", "[extra]", f'severity = "{severity}"', "+++", ""]
    else:
        out += [f"# {title}", "", f"**Date:** {day}", f"**Severity:** {severity}", f"**Status:** {status}",
                f"**Authors:** {rng.choice(OWNERS)}", ""]
    out += ["## Summary", "", paragraph(rng), ""]
    out += ["## Impact", "", f"About {rng.randint(1, 60)}% of {service} requests failed for {rng.randint(5, 240)} minutes; "
            f"{rng.randint(10, 90000)} customers were affected.", "", paragraph(rng, 3), ""]
    out += ["## Root causes", ""] + [f"- {sentence(rng)}" for _ in range(rng.randint(1, 4))] + ["", paragraph(rng, 3), ""]
    out += ["## Trigger", "", sentence(rng), ""]
    out += ["## Detection", "", sentence(rng), ""]
    out += ["## Resolution", "", paragraph(rng, 3), ""]
    heading = f"## Timeline ({zone})" if zone and rng.random() < 0.5 else "## Timeline"
    out += [heading, ""]
    hour, minute = rng.randint(0, 20), rng.randint(0, 59)
    entries = rng.randint(5, 30)
    kinds = ["impact starts", "alert fired and paged on-call", "rolled back the change, mitigated", "service restored, resolved"]
    table = rng.random() < 0.3
    style = rng.randint(0, 3)
    if table:
        out += [f"| Time ({zone or 'UTC'}) | Event | Who |", "| --- | --- | --- |"]
    for n in range(entries):
        minute += rng.randint(1, 25)
        hour += minute // 60
        minute %= 60
        hour %= 24
        text = kinds[min(3, n * 4 // entries)] if n in (0, entries // 4, entries // 2, entries - 1) else sentence(rng, 10)
        if table:
            out.append(f"| {hour:02d}:{minute:02d} | {text} | {rng.choice(OWNERS)} |")
        else:
            out.append(f"- {stamp(rng, style, day, hour, minute, zone if style != 3 else '')}: {text}")
    out += ["", "## Lessons learned", "", "### What went well", ""]
    out += [f"- {sentence(rng)}" for _ in range(rng.randint(1, 4))]
    out += ["", "### What went wrong", ""] + [f"- {sentence(rng)}" for _ in range(rng.randint(1, 5))]
    if rng.random() < 0.5:
        out += ["", "### Where we got lucky", "", f"- {sentence(rng)}"]
    out += ["", "## Action items", ""]
    items = rng.randint(2, 12)
    if rng.random() < 0.3:
        out += ["| Action Item | Type | Owner | Bug | Status |", "| --- | --- | --- | --- | --- |"]
        for _ in range(items):
            out.append(f"| {rng.choice(VERBS)} {rng.choice(THINGS)} for {service} | {rng.choice(['prevent', 'mitigate', 'detect', 'process'])} | "
                       f"{rng.choice(OWNERS + [''])} | {service.upper()[:3]}-{rng.randint(1, 9999)} | {rng.choice(['open', 'open', 'done'])} |")
    else:
        for _ in range(items):
            box = rng.choice(["[ ] ", "[ ] ", "[x] ", ""])
            owner = rng.choice(OWNERS + [""])
            due = f" due {year + rng.randint(0, 1)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" if rng.random() < 0.6 else ""
            ticket = f" {service.upper()[:3]}-{rng.randint(1, 9999)}" if rng.random() < 0.6 else ""
            out.append(f"- {box}{rng.choice(VERBS)} {rng.choice(THINGS)} for {service} {owner}{due}{ticket}".rstrip())
    # Appendix prose pads reports to a realistic 3 to 15 KB.
    target = int(rng.triangular(3000, 15000, 4000))
    text = "\n".join(out) + "\n"
    if len(text) < target:
        extra = ["", "## Appendix", ""]
        while len(text) + sum(len(x) + 1 for x in extra) < target:
            extra += [paragraph(rng, 5), ""]
        text += "\n".join(extra) + "\n"
    return f"{year:04d}/{month:02d}", f"{day}-{service}-{index:05d}.md", text


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    total = 0
    for index in range(args.count):
        folder, name, text = report(rng, index)
        directory = os.path.join(args.out, folder)
        os.makedirs(directory, exist_ok=True)
        with open(os.path.join(directory, name), "w", encoding="utf-8") as handle:
            handle.write(text)
        total += len(text.encode("utf-8"))
    print(f"wrote {args.count} reports, {total / 1e6:.1f} MB, to {args.out}")


if __name__ == "__main__":
    main()
