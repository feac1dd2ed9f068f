#!/usr/bin/env python3
"""Times rt on synthetic team folders of 1 000, 10 000 and 100 000 cases, beside the floor
(reading every case file's bytes with cat) and the Python script a user would write instead
(bench/count.py), and writes the table to BENCHMARKS.md. Run through bench/run.sh.
"""
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RT = ROOT / "target" / "release" / "rt"
GEN = ROOT / "target" / "release" / "examples" / "generate"
WORK = Path(os.environ.get("RT_BENCH_DIR", ROOT / "target" / "bench"))
TODAY = "2026-11-23"
HALF = "2026H1"


def peak_kb(cmd):
    """Peak resident memory of one run of a command, in KiB (measured in a fresh child)."""
    probe = (
        "import resource,subprocess,sys;"
        "subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL,shell=False);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, text=True, check=True)
    return int(out.stdout.strip())


def median_seconds(cmd, runs, shell=False):
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, shell=shell)  # warm up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, shell=shell)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def folder(n):
    """The synthetic folder of n cases, made again when the generator is newer than it."""
    path = WORK / f"team-{n}"
    stamp = path / "rt.toml"
    if not stamp.exists() or stamp.stat().st_mtime < GEN.stat().st_mtime:
        shutil.rmtree(path, ignore_errors=True)
        subprocess.run([str(GEN), str(path), str(n), "2026"], check=True, stderr=subprocess.DEVNULL)
    return path


def fmt_time(s):
    return f"{s * 1000:.1f} ms" if s < 1 else f"{s:.2f} s"


def main():
    sizes = [int(x) for x in (sys.argv[1:] or ["1000", "10000", "100000"])]
    rows = []
    help_s = median_seconds([str(RT), "--help"], 30)
    for n in sizes:
        team = folder(n)
        runs = 5 if n >= 100_000 else 11
        floor_cmd = f"find '{team}/cases' -name '*.toml' -print0 | xargs -0 cat > /dev/null"
        floor = median_seconds(floor_cmd, runs, shell=True)
        python = median_seconds([sys.executable, str(ROOT / "bench" / "count.py"), str(team), HALF], 3 if n >= 100_000 else 5)
        base = [str(RT), "--dir", str(team), "--today", TODAY]
        commands = {
            "rt list": base + ["list"],
            "rt check": base + ["check"],
            "rt schedule": base + ["schedule"],
            "rt report --format json": base + ["report", "--half", HALF, "--format", "json"],
            "rt agenda": base + ["agenda"],
        }
        rows.append((n, "floor: cat every case file", floor, None, None, None))
        rows.append((n, "python3 tomllib script", python, None, None, None))
        for name, cmd in commands.items():
            t = median_seconds(cmd, runs)
            rows.append((n, name, t, t / floor, python / t, peak_kb(cmd)))
        print(f"{n} cases done", file=sys.stderr)

    cpu = (subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip() or "?")
    lines = [
        "# Benchmarks",
        "",
        "Made by `bash bench/run.sh` (on a fresh clone; it builds `rt` and the generator in",
        f"release mode and writes synthetic folders under `target/bench/`). Machine: {cpu} cores.",
        "Medians of 5 runs (100 000 cases) or 11 runs, after one warm-up run, so the files are in",
        "the page cache. *Floor* is `find … | xargs cat` over every case file; *Python* is",
        "`bench/count.py`, which computes the report's main counts with `tomllib`.",
        "",
        f"`rt --help`: {help_s * 1000:.1f} ms.",
        "",
        "| cases | command | time | × floor | Python ÷ rt | peak memory |",
        "|---:|---|---:|---:|---:|---:|",
    ]
    for n, name, t, ratio, faster, mem in rows:
        r = f"{ratio:.2f}" if ratio is not None else ""
        f = f"{faster:.0f}×" if faster is not None else ""
        m = f"{mem / 1024:.0f} MB" if mem is not None else ""
        lines.append(f"| {n:,} | {name} | {fmt_time(t)} | {r} | {f} | {m} |".replace(",", " "))
    lines += ["", "## Targets", "", "| target | measured | met |", "|---|---:|:---:|"]
    for target, measured, met in targets(rows, help_s):
        lines.append(f"| {target} | {measured} | {'yes' if met else '**no**'} |")
    table = "\n".join(lines) + "\n"
    print(table)
    (ROOT / "BENCHMARKS.md").write_text(table + NOTES)


def targets(rows, help_s):
    """The issue's targets, judged from the rows measured (those whose size was run)."""
    by = {(n, name): (t, ratio, faster, mem) for n, name, t, ratio, faster, mem in rows}
    out = []
    for name in ["rt report --format json", "rt check"]:
        if (100_000, name) in by:
            t, ratio, faster, _ = by[(100_000, name)]
            out.append((f"`{name}`, 100 000 cases: within 3× of the floor", f"{ratio:.2f}×", ratio <= 3))
            out.append((f"`{name}`, 100 000 cases: at least 20× faster than Python", f"{faster:.1f}×", faster >= 20))
    if (10_000, "rt list") in by:
        t = by[(10_000, "rt list")][0]
        out.append(("`rt list`, 10 000 cases: under 50 ms", fmt_time(t), t < 0.050))
    mems = [mem for (n, _), (_, _, _, mem) in by.items() if n == 100_000 and mem is not None]
    if mems:
        out.append(("peak memory at 100 000 cases: under 200 MB", f"{max(mems) / 1024:.0f} MB", max(mems) < 200 * 1024))
    out.append(("`rt --help`: under 5 ms", fmt_time(help_s), help_s < 0.005))
    return out


NOTES = """
## How `rt` gets there

- **A fast reader for plain files.** The files `rt` writes are plain TOML: one `key = value`
  per line, strings without escapes, dates, small integers, one-line arrays. A small reader
  (`src/store/case_file/quick.rs`) takes exactly that and notes where each value starts; on
  anything else (an escape, an inline table, `[extra]`, an unknown key, a wrong type) it gives
  up and the full `toml_edit` reader decides and reports. A property test
  (`tests/fuzz.rs`) holds the two to the same case, the same problems and the same positions
  on thousands of mutated files. `rt check` parses a file with `toml_edit` only when a finding
  needs a position the fast reader cannot give (an element of a list).
- **Only what a command needs.** `rt list`, `rt schedule` and `rt agenda` read only the top of
  each file (before the first table other than `[referrer]` and `[user]`). `rt report` reads
  every file's bytes but decodes only those that mention a month of the two half-years it
  compares (sound: dates are written literally), about a tenth of them with ten years of
  history.
- **Every core.** Files are read and decoded in parallel (one thread per core, at most 8,
  inputs under 512 files stay on one thread); each file is read once.
- **Why `rt` can beat the floor.** The floor is one `cat` process per few thousand files and
  a single reader; `rt` reads on both cores.

## Where the time goes now

`perf record` on `rt check` with 100 000 cases (`RUSTFLAGS="-C force-frame-pointers=yes"`,
`perf report --children`): opening and reading the files in the kernel about 20 %, the fast
reader 28 %, the rules 8 %, the national id scan 5 %, walking the folder and sorting 7 % (on
the main thread). Before the fast reader, `toml_edit`'s parser alone was 51 % and `rt check`
took 1.13 s (10× Python); a faster TOML parser (`toml`'s `DeTable`, measured 1.6× faster)
would not have reached 20×.
"""

if __name__ == "__main__":
    main()
