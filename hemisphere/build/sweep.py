"""The parameter sweep: every notebook over a grid of its allowed values, each run checked.

For each notebook the grid holds: the defaults; each allowed value of a single-choice parameter
(each country, region, snapshot); each allowed member alone of a list parameter (each
country, programme, sea, theme); the edges of each declared period (one-year periods at the
earliest and latest allowed years, and the widest period); the edges of other whole-number
parameters; and one date in each year for a date parameter outside a period (an `as_of`).
Cases are made valid against the declaration's constraints (a base year is moved into a
one-year period), never dropped silently: a case the declaration refuses is reported.

Each case is executed the way `hemisphere run` does (hemisphere.execute, in a thread pool with
the build's forked kernels) and checked for:

- no error;
- no name that holds only for the default: a default country no longer chosen must not appear
  in the computed prose or in a chart's texts (its source line included, less the credits of
  catalogue sources that cover every row of their table: see `whole_table_credits`);
- no year outside the chosen period in the computed prose (in a fiscal-year period, one whose
  `start_year` help says "fiscal", October-December of the year before the first are inside);
- every chart either has data (its CSV has a row with a value) or says in its title that the
  selection has none.

`make sweep` runs the whole grid (`python -m hemisphere.build.sweep`); tests/test_sweep.py runs
a sample.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import re
import shutil
import sys
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from hemisphere import params, paths

# Parameters whose values are names a sentence or title would state (checked when not chosen).
NAME_PARAMETERS = ("country", "countries")
YEAR = re.compile(r"(?<![\w-])(19[5-9]\d|20[0-4]\d)(?![\w])")  # not FY2018, not 2017-18 ranges' tails
EMPTY_WORDS = re.compile(r"\b(no|none|nothing|not|without|empty)\b", re.I)
SVG_TEXT = re.compile(r"<!-- (.*?) -->", re.S)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# A US fiscal year N runs October N-1 to September N: "December 2012" lies inside FY2013.
FISCAL_YEAR_OPENING = re.compile(r"\b(?:October|November|December|Oct|Nov|Dec)\.? (\d{4})\b")
# Notebooks whose period parameters bound one part only, so their prose is not year-checked.
PERIOD_EXEMPT = {"overview": "start_date/end_date bound the timeline only; the findings follow each chapter's "
                             "parameters (params.section_parameters)"}


@dataclass
class Case:
    notebook: str
    overrides: dict
    problems: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        if not self.overrides:
            return f"{self.notebook}--defaults"
        parts = [f"{key}-{','.join(value) if isinstance(value, list) else value}"
                 for key, value in sorted(self.overrides.items())]
        return re.sub(r"[^A-Za-z0-9_.=,-]+", "_", f"{self.notebook}--" + "--".join(parts))[:150]


# --- the grid ---------------------------------------------------------------------------------

def _year(value) -> int:
    return int(str(value)[:4])


def grid(notebook: str) -> list[Case]:
    """The cases of one notebook (see the module docstring), each valid for its declaration."""
    spec = params.declaration(notebook)
    defaults = spec.defaults()
    wanted: list[dict] = [{}]
    periods = [(first, second) for first, second in spec.order if first.startswith("start")]
    in_pairs = {name for pair in periods for name in pair}
    for parameter in spec.parameters.values():
        allowed = parameter.allowed()
        default = defaults[parameter.name]
        if parameter.type == "str" and allowed:
            wanted += [{parameter.name: value} for value in allowed if value != default]
        elif parameter.type == "list[str]" and allowed:
            wanted += [{parameter.name: [value]} for value in allowed if [value] != default]
        elif parameter.type == "int" and parameter.name not in in_pairs:
            wanted += [{parameter.name: bound} for bound in (parameter.min, parameter.max)
                       if bound is not None and bound != default]
        elif parameter.type == "date" and parameter.name not in in_pairs and parameter.min and parameter.max:
            low, high = str(parameter.min), str(parameter.max)
            for year in range(_year(low), _year(high) + 1):
                wanted.append({parameter.name: min(max(f"{year}-07-01", low), high)})
    for first, second in periods:
        a, b = spec.parameters[first], spec.parameters[second]
        if a.type == "int" and None not in (a.min, b.max):
            low, high = max(a.min, b.min if b.min is not None else a.min), min(a.max, b.max)
            middle = (low + high) // 2
            wanted += [{first: low, second: low}, {first: high, second: high}, {first: middle, second: middle},
                       {first: a.min, second: b.max}]
        elif a.type == "date" and None not in (a.min, b.max):
            low, high = str(a.min), str(b.max)
            wanted += [{first: low, second: f"{_year(low)}-12-31"},
                       {first: f"{_year(high)}-01-01", second: high},
                       {first: low, second: high}]
    cases, seen = [], set()
    for overrides in wanted:
        overrides = _satisfy(spec, overrides)
        key = json.dumps(overrides, sort_keys=True, default=str)
        if key not in seen:
            seen.add(key)
            cases.append(Case(notebook, overrides))
    return cases


def _satisfy(spec: params.Declaration, overrides: dict) -> dict:
    """Move parameters the case does not set into the range its constraints allow (a <= x <= b)."""
    values = dict(spec.defaults(), **overrides)
    fixed = dict(overrides)
    for constraint in spec.constraints:
        names = constraint.names()
        if "<=" not in constraint.rule or any(op in constraint.rule for op in (">", "!=", "==")):
            continue
        for i, name in enumerate(names):
            if name in overrides:
                continue
            low = max([values[n] for n in names[:i]], default=values[name])
            high = min([values[n] for n in names[i + 1:]], default=values[name])
            moved = min(max(values[name], low), high)
            if moved != values[name]:
                values[name] = fixed[name] = moved
    return fixed


def every_case(notebooks: list[str] | None = None) -> list[Case]:
    return [case for notebook in (notebooks or params.available_notebooks()) for case in grid(notebook)]


# --- the checks -------------------------------------------------------------------------------

def computed_prose(executed: Path) -> list[str]:
    """The Markdown the notebook's code wrote (say(...)), not its fixed text."""
    import nbformat

    book = nbformat.read(executed, as_version=4)
    texts = []
    for cell in book.cells:
        if cell.cell_type != "code":
            continue
        for output in cell.get("outputs", []):
            text = output.get("data", {}).get("text/markdown")
            if text:
                texts.append(text if isinstance(text, str) else "".join(text))
    return texts


def chart_texts(figures: Path) -> dict[str, list[str]]:
    """Chart name -> every text drawn in it (ticks, labels, title, subtitle, notes, source line).

    Read from the SVG, where matplotlib writes each text it draws as a comment.
    """
    return {str(svg.relative_to(figures).with_suffix("")): [" ".join(text.split()) for text in
                                                             SVG_TEXT.findall(svg.read_text(encoding="utf-8"))]
            for svg in sorted(figures.rglob("*.svg"))}


def _joined_source_lines(texts: list[str]) -> list[str]:
    """A chart's texts with its source line whole again (drawn wrapped, one text per line)."""
    joined, open_line = [], None
    for text in texts:
        if open_line is None and text.startswith("Source:"):
            open_line = [text]
        elif open_line is not None:
            open_line.append(text)
        else:
            joined.append(text)
        if open_line is not None and "report_data/" in text:
            joined.append(" ".join(open_line))
            open_line = None
    if open_line is not None:
        joined.append(" ".join(open_line))
    return joined


def whole_table_credits() -> list[str]:
    """Publishers and titles of catalogue sources that cover every row of their table (no `rows:`).

    Such a source is rightly credited whatever country is chosen (a region-wide budget compiled
    partly from a Salvadoran government page), so a country named in it is no default's leftover.
    A source that covers some rows only declares them (`rows:`), and the chart credits it only
    when those rows are drawn: names in its credit are still checked.
    """
    from hemisphere import catalogue

    texts: set[str] = set()
    for block in catalogue.resources():
        for source in block.get("sources") or []:
            if catalogue.row_selector(source):
                continue
            texts |= {part.strip() for part in (source.get("publisher") or "").split(";") if part.strip()}
            if source.get("title"):
                texts.add(", ".join(p for p in (source.get("publisher"), source.get("title")) if p))
    return sorted(texts, key=len, reverse=True)


def _without_whole_table_credits(text: str, credits: list[str]) -> str:
    """A source line less the credits of sources that cover every row (see whole_table_credits)."""
    if not text.startswith("Source:"):
        return text
    for credit in credits:
        text = text.replace(credit, " ")
    return text


def _wording(texts: list[str]) -> list[str]:
    """A chart's sentences and labels: not tick values, not event badges' numbers."""
    return [text for text in texts if re.search(r"[A-Za-z]{3,}", text)]


def _has_data(csv: Path) -> bool:
    import pandas as pd

    if not csv.is_file():
        return False
    try:
        table = pd.read_csv(csv)
    except Exception:
        return False
    return len(table) > 0 and bool(table.notna().any(axis=None))


def period_of(values: dict) -> tuple[int, int] | None:
    """The years a case's sentences may speak of, from its period or as-of parameters."""
    for first, second in (("start_year", "end_year"), ("start_date", "end_date")):
        if first in values and second in values:
            return _year(values[first]), _year(values[second])
    if "as_of" in values:
        return 1900, _year(values["as_of"])
    return None


def allowed_sentences(notebook: str) -> list[re.Pattern]:
    """Sentences a chapter's owner has declared true for every value (`sweep: allowed:` in its declaration).

    A sentence may rightly name the default country or a year outside the period ("UNODC's
    production figures cover Colombia only", "the first strike came later, on 2 September
    2025"); its owner lists a regular expression for it, and the sweep skips sentences matching it.
    """
    import yaml

    path = params.declaration_path(notebook)
    spec = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}) if path.is_file() else {}
    return [re.compile(pattern) for pattern in ((spec.get("sweep") or {}).get("allowed") or [])]


def allowed_chart_texts(notebook: str) -> dict[str, list[re.Pattern]]:
    """Chart texts declared true for every value: `sweep: allowed_in_charts: {chart: [regex]}`.

    A chart may rightly name the default country whatever is chosen (a grid of every country's
    majors-list status, a region-wide timeline); its owner names the chart and the texts.
    """
    import yaml

    path = params.declaration_path(notebook)
    spec = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}) if path.is_file() else {}
    declared = (spec.get("sweep") or {}).get("allowed_in_charts") or {}
    return {chart: [re.compile(p) for p in patterns] for chart, patterns in declared.items()}


def fiscal_period(notebook: str) -> bool:
    """Whether a notebook's start year may be a US fiscal year (its help says 'fiscal')."""
    spec = params.declaration(notebook)
    start = spec.parameters.get("start_year")
    return start is not None and "fiscal" in (start.help or "").lower()


def years_outside(text: str, first: int, last: int, fiscal: bool = False) -> list[int]:
    """The years a sentence names outside first-last; with `fiscal`, October-December of first-1 are inside."""
    named = [int(y) for y in YEAR.findall(text)]
    prior_months = [int(y) for y in FISCAL_YEAR_OPENING.findall(text) if int(y) == first - 1] if fiscal else []
    # The prior calendar year is inside a fiscal period only where each mention of it is an Oct-Dec month.
    inside_prior = bool(prior_months) and named.count(first - 1) == len(prior_months)
    return sorted({year for year in named if not first <= year <= last and not (inside_prior and year == first - 1)})


def check(case: Case, executed: Path, figures: Path) -> list[str]:
    """Problems found in one executed case (empty: it passed)."""
    problems = []
    values = params.validate(case.notebook, case.overrides)
    defaults = params.validate(case.notebook, {})
    allowed = allowed_sentences(case.notebook)
    prose = [" ".join(sentence for sentence in SENTENCE_END.split(text)
                      if not any(pattern.search(sentence) for pattern in allowed))
             for text in computed_prose(executed)]
    charts = chart_texts(figures)
    credits = whole_table_credits()
    named_texts = {chart: [_without_whole_table_credits(text, credits) for text in _joined_source_lines(texts)]
                   for chart, texts in charts.items()}
    chart_allowed = allowed_chart_texts(case.notebook)
    chosen_names = {v for name, value in values.items() if isinstance(value, list) for v in value}
    chosen_names |= {value for value in values.values() if isinstance(value, str)}
    for name in NAME_PARAMETERS:
        if name not in values or values[name] == defaults[name]:
            continue
        gone = defaults[name] if isinstance(defaults[name], list) else [defaults[name]]
        for word in [w for w in gone if w not in chosen_names]:
            pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")
            # A sentence that tells the reader about the parameter ("run it with country=Colombia") may name it.
            sentences = [s for text in prose for s in SENTENCE_END.split(text) if f"{name}=" not in s]
            for sentence in sentences:
                if pattern.search(sentence):
                    problems.append(f"prose names {word!r} ({name}={values[name]!r}): {_around(sentence, pattern)}")
                    break
            for chart, texts in named_texts.items():
                exempt = chart_allowed.get(Path(chart).stem, []) + chart_allowed.get(chart, [])
                named = [text for text in _wording(texts) if pattern.search(text)
                         and not any(allowance.search(text) for allowance in exempt)]
                if named:
                    problems.append(f"chart {chart} names {word!r} ({name}={values[name]!r}): {named[0][:120]!r}")
    period = period_of(values) if case.notebook not in PERIOD_EXEMPT else None
    if period:
        first, last = period
        # A sentence that points the reader at a parameter ("widen `end_date`") may name years outside.
        mentions = [f"`{name}`" for name in values] + [f"{name}=" for name in values]
        fiscal = fiscal_period(case.notebook)
        for text in [s for text in prose for s in SENTENCE_END.split(text) if not any(m in s for m in mentions)]:
            outside = years_outside(text, first, last, fiscal)
            if outside:
                problems.append(f"prose states {', '.join(map(str, outside))} outside {first}-{last}: "
                                f"{_around(text, re.compile(str(outside[0])))}")
    for chart, texts in charts.items():
        wording = [text for text in _wording(texts) if not text.startswith(("Source:", "Shaded:"))]
        if not _has_data(figures / f"{chart}.csv") and not any(EMPTY_WORDS.search(text) for text in wording):
            longest = max(wording, key=len, default="")
            problems.append(f"chart {chart} has no data and says nothing of it (its longest text: {longest[:120]!r})")
    return problems


def _around(text: str, pattern: re.Pattern, width: int = 90) -> str:
    match = pattern.search(text)
    start = max(0, match.start() - width) if match else 0
    return " ".join(text[start:start + 2 * width].split())


# --- running ----------------------------------------------------------------------------------

def run_case(case: Case, folder: Path, manager: type | None = None) -> Case:
    """Execute one case as `hemisphere run` does and check it; problems are stored on the case."""
    from hemisphere.execute import NotebookError, execute_notebook

    out = folder / case.name
    shutil.rmtree(out, ignore_errors=True)  # a chart an earlier run drew must not be checked again
    try:
        values = params.validate(case.notebook, case.overrides)
    except params.ParameterError as error:
        case.problems = [f"refused by the declaration: {error}"]
        return case
    try:
        executed = execute_notebook(case.notebook, values, output_dir=out, figures_dir=out / "figures",
                                    kernel_manager_class=manager)
    except NotebookError as error:
        case.problems = [f"error: cell {error.cell}: {error.error}"]
        return case
    case.problems = check(case, executed, out / "figures")
    return case


def recheck(case: Case, folder: Path) -> Case:
    """Check a case's earlier run again; a case never run is reported as such."""
    executed = folder / case.name / f"{case.notebook}.ipynb"
    case.problems = (check(case, executed, folder / case.name / "figures") if executed.is_file()
                     else ["not run yet (no executed notebook under build/sweep/)"])
    return case


def run(cases: list[Case], jobs: int = 2, folder: Path | None = None, progress: bool = True) -> list[Case]:
    """Run the cases in parallel through the build's kernels; returns them with their problems."""
    from hemisphere import data
    from hemisphere.build import zygote
    from hemisphere.execute import KERNEL_ENVIRONMENT

    folder = Path(folder or paths.BUILD / "sweep")
    folder.mkdir(parents=True, exist_ok=True)
    data.validate_all()
    forking = zygote.serving(KERNEL_ENVIRONMENT) if len(cases) > 1 and zygote.available() else contextlib.nullcontext()
    done = []
    with forking as manager, ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = [pool.submit(run_case, case, folder, manager) for case in cases]
        for future in as_completed(futures):
            case = future.result()
            done.append(case)
            if progress:
                print(f"[{len(done)}/{len(cases)}] {'ok  ' if not case.problems else 'FAIL'} {case.name}",
                      file=sys.stderr, flush=True)
    return sorted(done, key=lambda case: (case.notebook, case.name))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hemisphere.build.sweep", description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", help="notebooks to sweep (default: all)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--list", action="store_true", help="print the grid, run nothing")
    parser.add_argument("--recheck", action="store_true",
                        help="check the runs already under build/sweep/ again (after changing the checks), run nothing")
    args = parser.parse_args(argv)
    cases = every_case(args.notebooks or None)
    if args.list:
        for case in cases:
            print(case.name)
        print(f"{len(cases)} cases")
        return 0
    started = dt.datetime.now()
    if args.recheck:
        results = [recheck(case, paths.BUILD / "sweep") for case in cases]
    else:
        results = run(cases, args.jobs)
    failed = [case for case in results if case.problems]
    summary = {case.name: case.problems for case in results}
    (paths.BUILD / "sweep" / "results.json").write_text(json.dumps(summary, indent=1, ensure_ascii=False))
    for case in failed:
        print(f"FAIL {case.name}")
        for problem in case.problems:
            print(f"  - {problem}")
    print(f"{len(results) - len(failed)} of {len(results)} cases passed in "
          f"{(dt.datetime.now() - started).seconds} s; details in build/sweep/results.json")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
