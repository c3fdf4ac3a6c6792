"""Command line: `hemisphere build`, `hemisphere run`, `hemisphere briefs`, `hemisphere params`, `hemisphere data`.

Exit status: 0 on success, 2 for bad input (unknown notebook or parameter, bad value,
malformed report.yaml, a missing or malformed data table), 1 when a notebook fails or no
kernel can start, 130 when interrupted (Ctrl-C).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

from hemisphere import currency, data, params, paths
from hemisphere.catalogue import CatalogueError
from hemisphere.data import DataError

BAD_INPUT = 2
FAILED = 1
INTERRUPTED = 130


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="hemisphere", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)

    build = commands.add_parser("build", help="build build/report.html and build/report.pdf")
    build.add_argument("-p", "--param", action="append", default=[], metavar="NOTEBOOK.KEY=VALUE",
                       help="override one section's parameter (repeatable)")
    build.add_argument("--jobs", type=int, default=None, help="notebooks executed at once (default: cores)")
    build.add_argument("--quiet", action="store_true", help="no progress bar")
    build.add_argument("--timings", action="store_true", help="print seconds per phase (execute, html, pdf)")

    run = commands.add_parser("run", help="execute one notebook with other parameters and render it alone")
    run.add_argument("notebook")
    run.add_argument("-p", "--param", action="append", default=[], metavar="KEY=VALUE")
    run.add_argument("--output", type=Path, default=None, help="folder for the run (default: build/runs/...)")

    briefs = commands.add_parser("briefs", help="build a brief per country under build/briefs/, with an index")
    briefs.add_argument("--countries", nargs="+", default=None, metavar="COUNTRY",
                        help="only these countries (default: every country of data/countries.csv)")
    briefs.add_argument("--start-year", type=int, default=None)
    briefs.add_argument("--end-year", type=int, default=None)
    briefs.add_argument("--jobs", type=int, default=None, help="briefs executed at once (default: cores)")
    briefs.add_argument("--quiet", action="store_true", help="no progress bar")
    briefs.add_argument("--timings", action="store_true", help="print seconds per phase (keys, execute, assemble)")

    listing = commands.add_parser("params", help="list the parameters a notebook accepts")
    listing.add_argument("notebook", nargs="?")

    tables = commands.add_parser("data", help="list every table, or show one table's metadata and columns")
    tables.add_argument("table", nargs="?")

    args = parser.parse_args(argv)
    from hemisphere.build.kernels import KernelStartError

    try:
        return {"build": _build, "run": _run, "params": _params, "data": _data, "briefs": _briefs}[args.command](args)
    except KeyboardInterrupt as interrupt:
        detail = f" ({interrupt})" if str(interrupt) else ""
        print(f"hemisphere: interrupted{detail}; the previous report, if any, was left as it was.", file=sys.stderr)
        return INTERRUPTED
    except KernelStartError as error:
        print(f"hemisphere: no kernel can start: {error}", file=sys.stderr)
        return FAILED
    except params.ParameterError as error:
        print(f"hemisphere: bad parameter: {error}", file=sys.stderr)
        return BAD_INPUT
    except (DataError, CatalogueError) as error:
        print(f"hemisphere: bad data: {error}", file=sys.stderr)
        return BAD_INPUT


def _build(args) -> int:
    from hemisphere.build.config import ReportConfigError
    from hemisphere.build.pipeline import build_report
    from hemisphere.execute import NotebookError

    started = time.perf_counter()
    try:
        result = build_report(args.param, jobs=args.jobs, progress=not args.quiet)
    except ReportConfigError as error:
        print(f"hemisphere: bad report definition: {error}", file=sys.stderr)
        return BAD_INPUT
    except NotebookError as error:
        for failure in getattr(error, "failures", [error]):
            print(f"hemisphere: build failed: {failure}", file=sys.stderr)
        print("The previous report, if any, was left as it was.", file=sys.stderr)
        return FAILED
    elapsed = time.perf_counter() - started
    ran = ", ".join(result.executed) if result.executed else "none (all cached)"
    print(f"built {_relative(result.html)} and {_relative(result.pdf)} in {elapsed:.1f} s; executed: {ran}")
    if args.timings:
        print("timings: " + " ".join(f"{phase}={seconds:.2f}" for phase, seconds in result.timings.items()))
    return 0


def _run(args) -> int:
    from hemisphere import anchors
    from hemisphere.build import assemble
    from hemisphere.build.config import Report, Section
    from hemisphere.execute import NotebookError, execute_notebook

    given = dict(params.parse_assignment(text) for text in args.param)
    values = params.validate(args.notebook, given)
    data.validate_all()
    # A relative --output is a folder under the current one (never under notebooks/, where the kernel runs).
    folder = Path(args.output or paths.BUILD / "runs" / _run_name(args.notebook, given)).resolve()
    # The overview and claims state other chapters' findings: give them the report's parameters.
    report_parameters = dict(_report_parameters(), **{args.notebook: values})
    try:
        executed = execute_notebook(args.notebook, values, output_dir=folder, figures_dir=folder / "figures",
                                    report_parameters=report_parameters)
    except NotebookError as error:
        print(f"hemisphere: run failed: {error}", file=sys.stderr)
        return FAILED
    try:
        title = anchors.chapter_title(args.notebook)
    except ValueError:
        title = args.notebook
    changed = ", ".join(f"{key} = {value}" for key, value in given.items())
    report = Report(title=title, subtitle="A single-chapter run" + (f" with {changed}" if changed else " at its defaults"),
                    date=f"{currency.edition_date():%Y-%m-%d}", authors="", sections=(Section(args.notebook, values),))
    page = assemble.export_html(assemble.merge([(args.notebook, executed)]), report)
    target = folder / f"{args.notebook}.html"
    target.write_text(_resolve_links(page, target), encoding="utf-8")
    _mirror_chart_data(folder)
    print(f"ran {args.notebook} with {values}\n  notebook: {_relative(executed)}\n  page: {_relative(target)}"
          f"\n  figures: {_relative(folder / 'figures')}\n  chart data: {_relative(folder / 'report_data')}")
    return 0


def _report_parameters() -> dict:
    """report.yaml's sections and parameters; none when the report definition cannot be read."""
    from hemisphere.build import config

    try:
        return {section.notebook: dict(section.parameters) for section in config.load().sections}
    except (config.ReportConfigError, params.ParameterError):
        return {}


def _mirror_chart_data(folder: Path) -> None:
    """Charts and tables name their data as report_data/<theme>/<name>.csv: put the files there."""
    import shutil

    for csv in (folder / "figures").rglob("*.csv"):
        target = folder / "report_data" / csv.relative_to(folder / "figures")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(csv, target)


def _resolve_links(page: str, target: Path) -> str:
    """Links that hold in the full report hold on a single chapter's page too.

    Links to sections of other chapters point at the full report (build/report.html), not
    nowhere; links to files the report has beside it (the country briefs, build/briefs/) point
    at those files in build/, unless the run folder has its own copy (its chart data does).
    """
    import os

    present = set(re.findall(r'\sid="([^"]+)"', page))
    report = os.path.relpath(paths.BUILD / "report.html", target.parent).replace(os.sep, "/")

    def repoint(match: re.Match) -> str:
        anchor = match.group(1)
        return match.group(0) if anchor in present else f'href="{report}#{anchor}"'

    def beside_report(match: re.Match) -> str:
        link = match.group(1)
        if re.match(r"[a-z][a-z0-9+.-]*:", link, re.I) or link.startswith(("/", "report_data/")):
            return match.group(0)
        path = link.split("#")[0]
        if not path or (target.parent / path).exists():
            return match.group(0)
        moved = os.path.relpath(paths.BUILD / path, target.parent).replace(os.sep, "/")
        return f'href="{moved}{link[len(path):]}"'

    page = re.sub(r'href="([^"#][^"]*)"', beside_report, page)
    return re.sub(r'href="#([^"]+)"', repoint, page)


def _briefs(args) -> int:
    from hemisphere.briefs.build import sweep
    from hemisphere.execute import NotebookError

    started = time.perf_counter()
    try:
        result = sweep(args.countries, args.start_year, args.end_year, jobs=args.jobs, progress=not args.quiet)
    except NotebookError as error:
        for failure in getattr(error, "failures", [error]):
            print(f"hemisphere: brief failed: {failure}", file=sys.stderr)
        return FAILED
    print(f"wrote {len(result.briefs)} brief(s) and {_relative(result.folder / 'index.html')} in "
          f"{time.perf_counter() - started:.1f} s; executed {len(result.executed)}, assembled {len(result.assembled)}")
    if args.timings:
        print("timings: " + " ".join(f"{phase}={seconds:.2f}" for phase, seconds in result.timings.items()))
    return 0


def _params(args) -> int:
    notebooks = [args.notebook] if args.notebook else params.available_notebooks()
    for notebook in notebooks:
        declaration = params.declaration(notebook)
        print(notebook)
        if not declaration.parameters:
            print("  (no parameters)")
        for parameter in declaration.parameters.values():
            print(f"  {parameter.name} ({parameter.type}, default {parameter.default!r}): {parameter.describe()}")
            if parameter.help:
                print(f"      {parameter.help}")
    return 0


def _data(args) -> int:
    from hemisphere import catalogue

    if not args.table:
        listing = data.tables()
        width = max(len(name) for name in listing["name"])
        for row in listing.itertuples(index=False):
            print(f"{row.name:<{width}}  {row.rows:>6} rows  {row.period or '-':<24}  {row.title}")
            print(f"{'':<{width}}  publishers: {row.publishers}")
        print(f"{len(listing)} tables; `hemisphere data <table>` shows one, "
              "`hemisphere.data.load(<table>)` loads it.")
        return 0
    columns = data.describe(args.table)
    block = catalogue.resource(args.table)
    table = data.load(args.table)
    print(f"{block['name']}: {block.get('title', '')}")
    print(f"  file: data/{block['path']} · theme: {block.get('theme', 'general')} · {len(table)} rows"
          + (f" · period: {data.period(table)}" if data.period(table) else ""))
    for key in ("description", "units", "vintage", "currency_note"):
        if block.get(key):
            print(f"  {key}: {' '.join(str(block[key]).split())}")
    print("  sources:")
    for source in block.get("sources", []):
        print(f"    - {', '.join(p for p in (source.get('publisher'), source.get('title')) if p)}"
              + (f" <{source['path']}>" if source.get("path") else ""))
    for caveat in block.get("caveats", []):
        print(f"  caveat: {caveat}")
    print("  columns:")
    for row in columns.itertuples(index=False):
        extras = ", ".join(part for part in (row.unit, "required" if row.required else "", "key" if row.key else "",
                                             row.allowed) if part)
        print(f"    {row.column} ({row.type}{', ' + extras if extras else ''})"
              + (f": {row.description}" if row.description else ""))
    return 0


def _run_name(notebook: str, given: dict) -> str:
    if not given:
        return f"{notebook}--defaults"
    parts = [f"{key}-{value}" for key, value in sorted(given.items())]
    return re.sub(r"[^A-Za-z0-9_.=-]+", "_", f"{notebook}--" + "--".join(parts))[:120]


def _relative(path: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


if __name__ == "__main__":
    sys.exit(main())
