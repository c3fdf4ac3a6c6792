"""Benchmark the country-brief sweep: cold, after one table changes, and against the naive way.

Each round times, on this machine:
  - the sweep over every country, cold (`hemisphere briefs` in a fresh build folder: forked
    kernels in parallel, HTML and PDF of each brief, the index);
  - a rebuild after one table changes (a Guatemala row of us_aid_hemisphere, in a copy of data/
    given through HEMISPHERE_DATA_DIR): only the briefs whose rows changed re-run;
  - a rebuild after a table read by a handful of briefs changes (one TPS row);
  - the naive way: papermill CLI then `jupyter nbconvert --to html`, country by country (HTML only);
  - the naive way for the main report's notebooks alone (the issue's target: every brief cold in
    less time than that);
  - optionally (--peer quarto|jupyter-book, when installed), the main report's notebooks rendered
    by the peer tool.
Rounds alternate which way goes first. Medians are reported, and ratios.

    .venv/bin/python benchmarks/bench_briefs.py [--runs 3] [--countries A B ...] [--peer quarto --peer-bin PATH]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT))


def countries(chosen: list[str] | None) -> list[str]:
    from hemisphere.briefs import countries as country_list

    return chosen or country_list.names()


def report_notebooks() -> list[str]:
    return [s["notebook"] for s in yaml.safe_load((ROOT / "report.yaml").read_text())["sections"]]


def run(command: list[str], env: dict | None = None, cwd: Path = ROOT) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env or dict(os.environ), check=True, capture_output=True, text=True)
    return time.perf_counter() - started, done.stdout


def sweep_command(chosen: list[str]) -> list[str]:
    return [str(BIN / "hemisphere"), "briefs", "--quiet", "--countries", *chosen]


def _edit_row(path: Path, prefix: str, old: str, new: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    edited = [line.replace(old, new, 1) if line.startswith(prefix) else line for line in lines]
    if edited == lines:
        raise SystemExit(f"benchmark: no row of {path.name} starts with {prefix!r}")
    path.write_text("\n".join(edited) + "\n", encoding="utf-8")


def ours_once(results: dict, chosen: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data"
        shutil.copytree(ROOT / "data", data)
        env = dict(os.environ, HEMISPHERE_BUILD_DIR=str(Path(folder) / "build"), HEMISPHERE_DATA_DIR=str(data))
        seconds, out = run(sweep_command(chosen), env)
        results["sweep, cold (HTML + PDF + index)"].append(seconds)
        results["no-op sweep"].append(run(sweep_command(chosen), env)[0])
        # One Guatemala aid row: the Guatemala brief alone reads it.
        _edit_row(data / "briefs" / "us_aid_hemisphere.csv", "Guatemala,GTM,2020,obligations,",
                  ",2020,obligations,", ",2020,obligations,1")
        seconds, out = run(sweep_command(chosen), env)
        results["after one aid row changed"].append(seconds)
        results.setdefault("_executed_after_aid_edit", []).append(out.strip())
        # One TPS row (Honduras): read by the Honduras brief only.
        _edit_row(data / "northern_triangle" / "tps.csv", "Honduras,2025-07-08", "72000", "72001")
        seconds, out = run(sweep_command(chosen), env)
        results["after one TPS row changed"].append(seconds)
        results.setdefault("_executed_after_tps_edit", []).append(out.strip())


def naive_briefs_once(results: dict, chosen: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        for country in chosen:
            executed = Path(folder) / f"country_brief--{country.replace(' ', '_')}.ipynb"
            subprocess.run([str(BIN / "papermill"), "notebooks/country_brief.ipynb", str(executed), "--cwd", "notebooks",
                            "-p", "country", country, "-p", "hemisphere_figures_dir", str(Path(folder) / "figures")],
                           cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            subprocess.run([str(BIN / "jupyter"), "nbconvert", "--to", "html", str(executed)],
                           cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        results["naive briefs (papermill + nbconvert, sequential, HTML only)"].append(time.perf_counter() - started)


def naive_report_once(results: dict) -> None:
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        for notebook in report_notebooks():
            executed = Path(folder) / f"{notebook}.ipynb"
            subprocess.run([str(BIN / "papermill"), f"notebooks/{notebook}.ipynb", str(executed), "--cwd", "notebooks"],
                           cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            subprocess.run([str(BIN / "jupyter"), "nbconvert", "--to", "html", str(executed)],
                           cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        results["naive main report (papermill + nbconvert, HTML only)"].append(time.perf_counter() - started)


def peer_once(results: dict, peer: str, peer_bin: str) -> None:
    """The main report's notebooks rendered by a peer tool (executed by it), HTML only."""
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder)
        for notebook in report_notebooks():
            shutil.copy(ROOT / "notebooks" / f"{notebook}.ipynb", project / f"{notebook}.ipynb")
        # The peer's kernels must be this project's Python (with its package): a kernelspec named
        # python3 on JUPYTER_PATH takes precedence over the peer environment's own.
        spec = project / "_kernels" / "kernels" / "python3"
        spec.mkdir(parents=True)
        (spec / "kernel.json").write_text(
            '{"argv": ["%s", "-m", "ipykernel_launcher", "-f", "{connection_file}"], "display_name": "Python 3", '
            '"language": "python"}' % sys.executable)
        env = dict(os.environ, JUPYTER_PATH=str(project / "_kernels"), QUARTO_PYTHON=sys.executable)
        started = time.perf_counter()
        if peer == "quarto":
            for notebook in report_notebooks():
                subprocess.run([peer_bin, "render", f"{notebook}.ipynb", "--execute", "--to", "html"], cwd=project,
                               env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        else:
            (project / "_config.yml").write_text("title: peer\nexecute:\n  execute_notebooks: cache\n  timeout: 600\n")
            (project / "_toc.yml").write_text("format: jb-article\nroot: " + report_notebooks()[0] + "\nsections:\n"
                                              + "".join(f"  - file: {n}\n" for n in report_notebooks()[1:]))
            subprocess.run([peer_bin, "build", "."], cwd=project, env=env, check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        results.setdefault(f"peer: {peer}, main report notebooks (HTML)", []).append(time.perf_counter() - started)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--countries", nargs="+", default=None)
    parser.add_argument("--no-naive-briefs", action="store_true", help="skip the naive per-country loop (slow)")
    parser.add_argument("--peer", choices=("quarto", "jupyter-book"), default=None)
    parser.add_argument("--peer-bin", default=None)
    args = parser.parse_args()
    chosen = countries(args.countries)
    print(f"{len(chosen)} briefs, {os.cpu_count()} cores, median of {args.runs} rounds; "
          f"load average at start {os.getloadavg()[0]:.1f}")
    results: dict[str, list] = {}
    for key in ("sweep, cold (HTML + PDF + index)", "no-op sweep", "after one aid row changed",
                "after one TPS row changed", "naive briefs (papermill + nbconvert, sequential, HTML only)",
                "naive main report (papermill + nbconvert, HTML only)"):
        results[key] = []
    steps = [lambda: ours_once(results, chosen), lambda: naive_report_once(results)]
    if not args.no_naive_briefs:
        steps.append(lambda: naive_briefs_once(results, chosen))
    if args.peer:
        def peer() -> None:
            try:
                peer_once(results, args.peer, args.peer_bin or args.peer)
            except (subprocess.CalledProcessError, OSError) as error:  # a peer that fails is reported, not fatal
                print(f"  peer {args.peer} failed: {error}", flush=True)
        steps.append(peer)
    for round_number in range(args.runs):
        for step in (steps if round_number % 2 == 0 else list(reversed(steps))):
            step()
            print("  so far: " + "; ".join(f"{k}={v[-1] if isinstance(v[-1], str) else round(v[-1], 1)}"
                                          for k, v in results.items() if v), flush=True)
    medians = {name: statistics.median(times) for name, times in results.items()
               if times and not name.startswith("_")}
    for name, value in medians.items():
        print(f"  {name:<64} {value:7.2f} s   (runs: {', '.join(f'{t:.1f}' for t in results[name])})")
    for note in ("_executed_after_aid_edit", "_executed_after_tps_edit"):
        print(f"  {note.strip('_').replace('_', ' ')}: {results[note][-1]}")
    cold = medians["sweep, cold (HTML + PDF + index)"]
    print(f"  per brief, cold: {cold / len(chosen):.2f} s")
    naive = "naive briefs (papermill + nbconvert, sequential, HTML only)"
    if naive in medians:
        print(f"  sweep vs naive briefs: {medians[naive] / cold:.2f}x faster (the sweep also writes PDFs)")
    report = "naive main report (papermill + nbconvert, HTML only)"
    print(f"  every brief cold vs the naive main report: {medians[report] / cold:.2f}x "
          f"({'faster' if cold < medians[report] else 'slower'})")
    print(f"  one aid row changed vs cold sweep: {cold / medians['after one aid row changed']:.1f}x faster")
    for name in medians:
        if name.startswith("peer"):
            print(f"  {name} vs naive main report: {medians[name] / medians[report]:.2f}x the time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
