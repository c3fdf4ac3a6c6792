"""`hemisphere briefs`: one brief per country through the report's parallel, cached pool.

The sweep executes notebooks/country_brief.ipynb once per country with the report's machinery:
kernels forked from one zygote (hemisphere.build.zygote), a thread pool of `jobs` kernels,
executions swapped whole into a cache, and each brief assembled with the report's own HTML
export and PDF writer (hemisphere.build.assemble, hemisphere.build.pdf).

The cache key of a brief is finer than the report's: besides the code, the environment, the
notebook and its parameters, it covers only the rows that brief reads
(`analysis.country_inputs`) and the few shared files its charts read (the catalogue, the
country list, the administrations). Editing one table re-runs only the briefs whose rows changed.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import json
import os
import shutil
import sys
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from hemisphere import paths
from hemisphere.briefs import analysis
from hemisphere.briefs import countries as country_list

NOTEBOOK = "country_brief"
# What every brief's charts and text read besides its own rows.
SHARED_FILES = ("datapackage.yaml", "countries.csv", "country_aliases.csv", "administrations.csv")


@dataclass
class SweepResult:
    folder: Path
    briefs: dict[str, Path]             # country -> HTML page
    executed: list[str]                 # countries whose notebook ran
    assembled: list[str]                # countries whose HTML and PDF were (re)written
    timings: dict[str, float] = field(default_factory=dict)


def slug(country: str) -> str:
    """File name of a brief: 'Saint Kitts and Nevis' -> 'saint-kitts-and-nevis'."""
    return "-".join("".join(ch.lower() if ch.isalnum() else " " for ch in country).split())


def cache_root() -> Path:
    return paths.BUILD / "cache" / "briefs"


def output_root() -> Path:
    return paths.BUILD / "briefs"


def code_fingerprint() -> str:
    """The package code, the environment, the notebook and its declaration, and the shared files."""
    from hemisphere.build import cache

    code = [p for p in (paths.ROOT / "hemisphere").rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    own = [paths.NOTEBOOKS / f"{NOTEBOOK}.ipynb", paths.NOTEBOOKS / f"{NOTEBOOK}.params.yaml"]
    lock = [p for p in (cache.LOCK_FILE,) if p.is_file()]
    shared = [paths.DATA / name for name in SHARED_FILES if (paths.DATA / name).is_file()]
    digest = hashlib.sha256()
    for part in (cache._digest_files(code + own + lock, paths.ROOT), cache._digest_files(shared, paths.DATA),
                 getattr(cache, "installed_versions", lambda: "")(), sys.version):
        digest.update(part.encode())
    return digest.hexdigest()


def brief_keys(chosen: list[str], start: int, end: int) -> dict[str, str]:
    """Cache key per country: code fingerprint + parameters + the digest of that brief's rows."""
    tables = analysis.load_tables()
    fingerprint = code_fingerprint()
    keys = {}
    for country in chosen:
        digest = hashlib.sha256(fingerprint.encode())
        digest.update(json.dumps({"country": country, "start_year": start, "end_year": end}, sort_keys=True).encode())
        digest.update(analysis.digest(analysis.country_inputs(tables, country, start, end)).encode())
        keys[country] = digest.hexdigest()
    return keys


def _entry(country: str) -> Path:
    return cache_root() / slug(country)


def _fresh(country: str, key: str) -> bool:
    folder = _entry(country)
    return (folder / "executed.ipynb").is_file() and (folder / "key.txt").is_file() \
        and (folder / "key.txt").read_text() == key


def _execute(country: str, values: dict, key: str, manager) -> None:
    """Run one brief in a scratch folder and swap it into the cache whole."""
    from hemisphere.build.runner import execute_in_scratch
    from hemisphere.execute import execute_notebook

    scratch = execute_in_scratch(
        cache_root(), slug(country), f"{NOTEBOOK}--{slug(country)}", f"{NOTEBOOK} ({country})",
        lambda scratch: execute_notebook(NOTEBOOK, values, output_dir=scratch, figures_dir=scratch / "figures",
                                         kernel_manager_class=manager))
    (scratch / "key.txt").write_text(key)
    (scratch / "figures").mkdir(exist_ok=True)
    target = _entry(country)
    if target.exists():
        shutil.rmtree(target)
    scratch.rename(target)


def _tidy_scratch() -> None:
    """Scratch folders a killed sweep left (their process is gone)."""
    from hemisphere.build.runner import _alive

    if not cache_root().is_dir():
        return
    for path in cache_root().iterdir():
        parts = path.name.split(".")
        if path.is_dir() and len(parts) == 3 and parts[1].isdigit() and not _alive(int(parts[1])):
            shutil.rmtree(path, ignore_errors=True)


def execute(chosen: list[str], keys: dict[str, str], start: int, end: int, jobs: int,
            progress: bool = True) -> list[str]:
    """Execute the stale briefs in parallel; returns the countries that ran."""
    from hemisphere import data
    from hemisphere.build import kernels, runner, zygote
    from hemisphere.execute import KERNEL_ENVIRONMENT, NotebookError

    _tidy_scratch()
    stale = [c for c in chosen if not _fresh(c, keys[c])]
    if not stale:
        return []
    data.validate_all()
    kernels.check_loopback()
    fork = len(stale) > 1 and not os.environ.get(runner.NO_FORK)
    forking = zygote.serving(KERNEL_ENVIRONMENT) if fork else contextlib.nullcontext()
    failures = []
    kernels.allow_starts()  # an earlier Ctrl-C in this process stopped kernel starts
    with runner._runtime_folder(), forking as manager:
        bar = runner._progress_bar(len(stale), progress)
        bar.set_description("executing briefs")
        with ThreadPoolExecutor(max_workers=max(1, min(jobs, len(stale)))) as pool:
            futures = {pool.submit(_execute, c, {"country": c, "start_year": start, "end_year": end}, keys[c],
                                   manager): c for c in stale}
            try:
                for future in as_completed(futures):
                    try:
                        future.result()
                    except NotebookError as error:
                        failures.append(error)
                    bar.set_postfix_str(futures[future])
                    bar.update(1)
            except KeyboardInterrupt:
                pool.shutdown(wait=False, cancel_futures=True)
                kernels.stop_all()
                raise
        bar.close()
    if failures:
        raise runner.NotebooksFailed(failures)
    return stale


def _assemble_one(country: str, key: str, folder: str, date: str) -> str:
    """HTML and PDF of one brief from its cached execution (runs in a worker process)."""
    from hemisphere.build import assemble, pdf
    from hemisphere.build.config import Report, Section

    entry = _entry(country)
    report = Report(title=f"{country}: a country brief",
                    subtitle="US security policy and the country since 2017: what the Hemisphere tables hold",
                    date=date, authors="The Hemisphere contributors", sections=(Section(NOTEBOOK, {"country": country}),))
    page = assemble.export_html(assemble.merge([(NOTEBOOK, entry / "executed.ipynb")]), report)
    target = Path(folder)
    html_path, pdf_path = target / f"{slug(country)}.html", target / f"{slug(country)}.pdf"
    html_tmp = html_path.with_name(f"{html_path.name}.{os.getpid()}.partial")
    pdf_tmp = pdf_path.with_name(f"{pdf_path.name}.{os.getpid()}.partial")
    try:
        html_tmp.write_text(page, encoding="utf-8")
        pdf.write_pdf(page, pdf_tmp, target, figures=entry / "figures")
        os.replace(html_tmp, html_path)
        os.replace(pdf_tmp, pdf_path)
    finally:
        html_tmp.unlink(missing_ok=True)
        pdf_tmp.unlink(missing_ok=True)
    (target / f"{slug(country)}.key").write_text(key)
    return country


def _edition_date() -> str:
    import yaml

    spec = yaml.safe_load(paths.REPORT_CONFIG.read_text(encoding="utf-8")) or {}
    return str(spec.get("date", ""))


def assemble_all(chosen: list[str], keys: dict[str, str], jobs: int) -> list[str]:
    """Write the HTML and PDF of every brief whose execution changed (in parallel processes)."""
    folder = output_root()
    folder.mkdir(parents=True, exist_ok=True)
    todo = [c for c in chosen
            if not ((folder / f"{slug(c)}.key").is_file() and (folder / f"{slug(c)}.key").read_text() == keys[c]
                    and (folder / f"{slug(c)}.html").is_file() and (folder / f"{slug(c)}.pdf").is_file())]
    if not todo:
        return []
    date = _edition_date()
    if len(todo) == 1 or jobs == 1:
        return [_assemble_one(c, keys[c], str(folder), date) for c in todo]
    import multiprocessing

    # Imported once here, the writers are inherited by every forked worker instead of each
    # importing them again (nbconvert's templates, WeasyPrint and its fonts).
    import nbconvert  # noqa: F401
    import weasyprint  # noqa: F401
    from nbconvert import HTMLExporter  # noqa: F401

    context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    with ProcessPoolExecutor(max_workers=max(1, min(jobs, len(todo))), mp_context=context) as pool:
        return [future.result() for future in
                [pool.submit(_assemble_one, c, keys[c], str(folder), date) for c in todo]]


# -- the index: one small multiple per country ------------------------------------------------

def _sparkline(values: list[tuple[int, float]], median: list[tuple[int, float]], top: float,
               first: int, last: int, width=150, height=46) -> str:
    """An inline SVG of the country's homicide rate (solid) and the regional median (dashed), on the
    scale every cell shares (0 to `top`, years `first` to `last`), so the cells compare."""
    if not values:
        return f'<svg class="spark" width="{width}" height="{height}" role="img" aria-label="no UNODC rate"></svg>'
    top = top or 1.0
    x0, x1 = first, last

    def path(series):
        span = (x1 - x0) or 1
        return " ".join(f"{4 + (x - x0) / span * (width - 8):.1f},{height - 4 - y / top * (height - 8):.1f}"
                        for x, y in series)

    return (f'<svg class="spark" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
            f'aria-label="homicide rate {values[0][0]}-{values[-1][0]} beside the regional median">'
            f'<polyline fill="none" stroke="#7F7F7F" stroke-width="1.2" stroke-dasharray="3 2" points="{path(median)}"/>'
            f'<polyline fill="none" stroke="#D55E00" stroke-width="1.8" points="{path(values)}"/></svg>')


def index_page(chosen: list[str], start: int, end: int) -> str:
    """build/briefs/index.html: a grid of small multiples, each linking to its brief."""
    from hemisphere.briefs import narrative

    tables = analysis.load_tables()
    every = {country: analysis.country_inputs(tables, country, start, end) for country in chosen}
    rates = [inputs["homicide"] for inputs in every.values() if not inputs["homicide"].empty]
    top = max((float(frame["rate_per_100k"].max()) for frame in rates), default=1.0)
    first = min((int(frame["year"].min()) for frame in rates), default=start)
    last = max((int(frame["year"].max()) for frame in rates), default=end)
    cells = []
    for country in chosen:
        inputs = every[country]
        homicide = inputs["homicide"]
        spark = _sparkline(list(zip(homicide["year"].astype(int), homicide["rate_per_100k"].astype(float))),
                           list(zip(homicide["year"].astype(int), homicide["regional_median"].astype(float))),
                           top, first, last)
        headline = narrative.aid_headline(country, inputs["aid"], start, end)
        sections = len(analysis.present(inputs))
        cells.append(
            f'<a class="cell" href="{slug(country)}.html"><h2>{html.escape(country)}</h2>{spark}'
            f'<p>{html.escape(headline)}</p><p class="meta">{sections} of {len(analysis.SECTIONS)} sections with data · '
            f'<span>{html.escape(country_list.subregion(country))}</span></p></a>')
    style = ("body{font-family:'DejaVu Sans',sans-serif;margin:2rem;color:#222}"
             ".grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(190px,1fr));gap:12px}"
             ".cell{display:block;border:1px solid #ddd;padding:8px;text-decoration:none;color:#222}"
             ".cell:hover{border-color:#0072B2}.cell h2{font-size:1rem;margin:0 0 4px}"
             ".cell p{font-size:.72rem;margin:4px 0}.meta{color:#555}")
    key = (f'<p>Each cell: the UNODC homicide rate (solid) beside the median of the region\'s countries with a figure '
           f'that year (dashed), {first} to {last}, on one scale for every cell (0 to {top:.0f} per 100,000), and the '
           f'US aid headline. Click a country for its brief (HTML; a PDF sits beside it, same name). '
           f'Source: UNODC (via Our World in Data); US Department of State / USAID (ForeignAssistance.gov).</p>')
    return ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
            f"<title>Hemisphere country briefs</title><style>{style}</style></head><body>"
            f"<h1>Hemisphere country briefs, {start}-{end}</h1>{key}<div class=\"grid\">{''.join(cells)}</div>"
            "</body></html>")


def sweep(chosen: list[str] | None = None, start: int | None = None, end: int | None = None,
          jobs: int | None = None, progress: bool = True) -> SweepResult:
    """Execute what changed, assemble what changed, rewrite the index."""
    from hemisphere import params

    declaration = params.declaration(NOTEBOOK)
    defaults = declaration.defaults()
    start = defaults["start_year"] if start is None else start
    end = defaults["end_year"] if end is None else end
    everyone = country_list.names()
    chosen = everyone if not chosen else chosen
    for country in chosen:  # every value checked before a kernel starts
        params.validate(NOTEBOOK, {"country": country, "start_year": start, "end_year": end})
    jobs = jobs or os.cpu_count() or 1
    timings = {}
    began = time.perf_counter()
    keys = brief_keys(chosen, start, end)
    timings["keys"] = time.perf_counter() - began
    began = time.perf_counter()
    ran = execute(chosen, keys, start, end, jobs, progress)
    timings["execute"] = time.perf_counter() - began
    began = time.perf_counter()
    assembled = assemble_all(chosen, keys, jobs)
    timings["assemble"] = time.perf_counter() - began
    folder = output_root()
    listed = sorted({p.stem for p in folder.glob("*.html") if p.stem != "index"} | {slug(c) for c in chosen})
    indexed = [c for c in everyone if slug(c) in listed and (folder / f"{slug(c)}.html").is_file()]
    index_key = hashlib.sha256(json.dumps([start, end, [(c, keys.get(c) or (folder / f"{slug(c)}.key").read_text())
                                                           for c in indexed]]).encode()).hexdigest()
    key_file = folder / "index.key"
    if not (key_file.is_file() and key_file.read_text() == index_key and (folder / "index.html").is_file()):
        (folder / "index.html").write_text(index_page(indexed, start, end), encoding="utf-8")
        key_file.write_text(index_key)
    return SweepResult(folder, {c: folder / f"{slug(c)}.html" for c in chosen}, ran, assembled, timings)
