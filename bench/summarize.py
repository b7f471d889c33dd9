#!/usr/bin/env python3
"""Prints bench/run.sh's measurements as Markdown: the medians and peaks, then each goal of the
performance issue with the measured ratio and whether it is met.

    python3 bench/summarize.py /tmp/pov-bench/results.jsonl
"""
import json
import sys

MIB = 1024


def load(path):
    rows = {}
    for line in open(path):
        row = json.loads(line)
        rows[(row["label"], row["n"])] = row
    return rows


def table(rows):
    sizes = sorted({n for _, n in rows})
    labels = list(dict.fromkeys(label for label, _ in rows))
    print("| command | " + " | ".join(f"{n:,} POVs" for n in sizes) + " |")
    print("|---|" + "---|" * len(sizes))
    for label in labels:
        cells = []
        for n in sizes:
            row = rows.get((label, n))
            cells.append(f"{row['median_ms']:.1f} ms, {row['peak_kb'] / MIB:.0f} MiB" if row else "")
        print(f"| {label} | " + " | ".join(cells) + " |")


def goals(rows):
    def ms(label, n):
        row = rows.get((label, n))
        return row["median_ms"] if row else None

    def peak(label, n):
        row = rows.get((label, n))
        return row["peak_kb"] / MIB if row else None

    checks = []

    def ratio(goal, n, mine, theirs, limit, faster=False):
        a, b = ms(mine, n), ms(theirs, n)
        if a is None or b is None:
            return
        value = b / a if faster else a / b
        met = value >= limit if faster else value <= limit
        checks.append((goal, n, f"{value:.2f}×", met))

    for label in ("create", "set", "log"):
        ratio(f"`{label}` ≤ 1.5× the floor's insert", 10000, label, "floor_insert", 1.5)
    ratio("`list --json` ≤ 2× the floor's JSON dump", 10000, "list_json", "floor_json_open", 2)
    ratio("`report --period all` ≤ 2× the floor's dump", 10000, "report_all", "floor_json_all", 2)
    if ms("report_all", 10000) is not None:
        checks.append(("`report --period all` ≤ 50 ms", 10000, f"{ms('report_all', 10000):.1f} ms",
                       ms("report_all", 10000) <= 50))
    ratio("`list --all --json` ≥ 2× faster than `task export`", 10000, "list_all_json", "task_export", 2, True)
    # taskwarrior's tasks are all pending: its filtered list lists as many rows as `list --all --sa`.
    ratio("filtered `list` ≥ 10× faster than `task project:X list`", 10000, "list_all_sa", "task_list_project", 10,
          True)
    ratio("`log` ≥ 5× faster than `task N annotate`", 10000, "log", "task_annotate", 5, True)
    ratio("`report --period all` no slower than five GROUP BYs", 100000, "report_all", "floor_group_by", 1)
    ratio("`list --sa` ≤ 3× the floor's count(*)", 100000, "list_sa", "floor_count_sa", 3)
    ratio("`list --all --sa` ≤ 3× the floor's count(*)", 100000, "list_all_sa", "floor_count_all_sa", 3)
    for label in ("report_all", "report_all_text", "report_all_csv", "list_all_json", "export"):
        if peak(label, 100000) is not None:
            checks.append((f"`{label}` ≤ 64 MiB", 100000, f"{peak(label, 100000):.0f} MiB",
                           peak(label, 100000) <= 64))
    for label, shape in (("import", "full"), ("import_lean", "lean")):
        if ms(label, 100000) is not None:
            rate = 100000 / (ms(label, 100000) / 1000)
            checks.append((f"`import` ({shape} POVs) ≥ 50,000 POVs/s", 100000, f"{rate:,.0f}/s", rate >= 50000))
    for n in sorted({n for _, n in rows}):
        if ms("version", n) is not None:
            checks.append(("`--version` ≤ 3 ms", n, f"{ms('version', n):.1f} ms", ms("version", n) <= 3))
            break
    if ms("show", 1000) is not None and ms("show", 100000) is not None:
        value = ms("show", 100000) / ms("show", 1000)
        checks.append(("`show` flat from 1,000 to 100,000 (≤ 1.5×)", 100000, f"{value:.2f}×", value <= 1.5))

    # Not goals: how pov's import compares with SQLite inserting the same rows.
    for n in sorted({n for _, n in rows}):
        a, b = ms("import_lean", n), ms("floor_import_lean", n)
        if a is not None and b is not None:
            checks.append(("`import` (lean) against SQLite inserting its rows (context)", n, f"{a / b:.2f}×", True))

    print()
    print("| goal | POVs | measured | met |")
    print("|---|---|---|---|")
    for goal, n, value, met in checks:
        print(f"| {goal} | {n:,} | {value} | {'yes' if met else '**no**'} |")


def main():
    rows = load(sys.argv[1])
    table(rows)
    goals(rows)


if __name__ == "__main__":
    main()
