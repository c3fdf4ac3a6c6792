"""Benchmark the build: cold, no-op and one-notebook-changed rebuilds, against the naive way.

The naive way is what one would do by hand: the papermill CLI on each notebook, then
`jupyter nbconvert --to html` on each, one after another. It makes HTML only, so the ratio
understates our advantage (our build also writes the PDF). Each figure is the median of
--runs rounds on this machine, each round timing both ways back to back (alternating which
goes first); run with nothing else busy.

    .venv/bin/python benchmarks/bench.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def timed(command: list[str], env: dict, phases: dict | None = None) -> float:
    """Wall time of a command; with `phases`, also the build's own per-phase seconds."""
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if phases is not None:
        for line in done.stdout.splitlines():
            if line.startswith("timings: "):
                for item in line.removeprefix("timings: ").split():
                    name, seconds = item.split("=")
                    phases.setdefault(name, []).append(float(seconds))
    return elapsed


def sections() -> list[str]:
    return [s["notebook"] for s in yaml.safe_load((ROOT / "report.yaml").read_text())["sections"]]


NAIVE = "naive (papermill CLI + nbconvert, sequential, HTML only)"
NO_FORK = "cold, kernels started the ordinary way (no zygote)"


def ours_once(results: dict[str, list[float]]) -> None:
    """One cold build in a fresh build folder, then a no-op rebuild and a one-notebook rebuild."""
    changed = ROOT / "notebooks" / f"{sections()[0]}.ipynb"
    original = changed.read_bytes()
    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ, HEMISPHERE_BUILD_DIR=folder)
        build = [str(BIN / "hemisphere"), "build", "--quiet", "--timings"]
        phases: dict[str, list[float]] = {}
        results["cold"].append(timed(build, env, phases))
        # The naive way makes no PDF: the like-for-like figure leaves the PDF phase out.
        results["cold, without its PDF step"].append(results["cold"][-1] - phases["pdf"][-1])
        results["no-op"].append(timed(build, env))
        try:
            changed.write_bytes(original + b"\n")  # a byte more: its cache key changes, nothing else's
            results["one notebook changed"].append(timed(build, env))
        finally:
            changed.write_bytes(original)
    # The same cold build with every kernel started the ordinary way: what the zygote earns.
    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ, HEMISPHERE_BUILD_DIR=folder, HEMISPHERE_NO_FORK="1")
        results[NO_FORK].append(timed([str(BIN / "hemisphere"), "build", "--quiet"], env))


def naive_once(results: dict[str, list[float]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        for notebook in sections():
            executed = Path(folder) / f"{notebook}.ipynb"
            subprocess.run([str(BIN / "papermill"), f"notebooks/{notebook}.ipynb", str(executed), "--cwd", "notebooks"],
                           cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            subprocess.run([str(BIN / "jupyter"), "nbconvert", "--to", "html", str(executed)],
                           cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        results[NAIVE].append(time.perf_counter() - started)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"{len(sections())} notebooks, {os.cpu_count()} cores, median of {args.runs} rounds")
    results: dict[str, list[float]] = {name: [] for name in
                                       ("cold", NO_FORK, "no-op", "one notebook changed",
                                        "cold, without its PDF step", NAIVE)}
    for round_number in range(args.runs):
        # Rounds alternate which way goes first, so a machine that slows or speeds up over the
        # run weighs on both ways alike; each round's ratio compares builds minutes apart at most.
        steps = (ours_once, naive_once) if round_number % 2 == 0 else (naive_once, ours_once)
        for step in steps:
            step(results)
    medians = {name: statistics.median(times) for name, times in results.items()}
    for name, value in medians.items():
        print(f"  {name:<58} {value:6.2f} s")
    ratios = [naive / cold for naive, cold in zip(results[NAIVE], results["cold"])]
    like_for_like = [naive / cold for naive, cold in zip(results[NAIVE], results["cold, without its PDF step"])]
    print(f"  cold build (HTML + PDF) vs naive (HTML only): {medians[NAIVE] / medians['cold']:.2f}x faster "
          f"(per round: {', '.join(f'{r:.2f}x' for r in ratios)})")
    print(f"  cold build without its PDF step vs naive: {medians[NAIVE] / medians['cold, without its PDF step']:.2f}x "
          f"faster (per round: {', '.join(f'{r:.2f}x' for r in like_for_like)})")
    print(f"  no-op rebuild vs cold build: {medians['cold'] / medians['no-op']:.1f}x faster")
    forks = [plain / cold for plain, cold in zip(results[NO_FORK], results["cold"])]
    print(f"  cold build with forked kernels vs ordinary kernels: {medians[NO_FORK] / medians['cold']:.2f}x faster "
          f"(per round: {', '.join(f'{r:.2f}x' for r in forks)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
