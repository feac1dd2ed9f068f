#!/usr/bin/env python3
"""What a user would script instead of `rt report`: read every case file with tomllib and
count the half-year's main figures. The comparison baseline of bench/run.sh.

    python3 bench/count.py TEAM_DIR 2026H1
"""
import sys
import tomllib
from collections import Counter
from pathlib import Path


def main():
    team, half = Path(sys.argv[1]), sys.argv[2]
    year, part = int(half[:4]), int(half[-1])
    months = range(1, 7) if part == 1 else range(7, 13)

    def in_half(d):
        return d is not None and d.year == year and d.month in months

    counts = Counter()
    by_way, by_unit = Counter(), Counter()
    for path in (team / "cases").rglob("*.toml"):
        with open(path, "rb") as f:
            case = tomllib.load(f)
        outcome = case.get("outcome") or {}
        discussed = in_half(outcome.get("date"))
        if not (in_half(case.get("referred")) or discussed):
            continue
        counts["cases"] += 1
        counts["referred"] += in_half(case.get("referred"))
        counts["discussed"] += discussed
        by_way[case.get("way_in")] += 1
        by_unit[(case.get("referrer") or {}).get("unit")] += 1
        counts["anonymous"] += bool((case.get("user") or {}).get("anonymous"))
        if discussed:
            proposed = [p.get("measure") for p in outcome.get("proposed", [])]
            counts["proposed"] += len(proposed)
            accepted = (case.get("decision") or {}).get("accepted", [])
            counts["accepted"] += sum(1 for a in accepted if a in proposed)
    print(dict(counts), dict(by_way), dict(by_unit))


if __name__ == "__main__":
    main()
