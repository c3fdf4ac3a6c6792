"""`hemisphere build`: validate, execute what changed, assemble, publish atomically."""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from hemisphere import paths
from hemisphere.build import cache, config, runner

HTML_NAME = "report.html"
PDF_NAME = "report.pdf"


@dataclass
class BuildResult:
    html: Path
    pdf: Path
    executed: list[str]
    assembled: bool
    timings: dict[str, float] = field(default_factory=dict)  # seconds per phase, for the benchmark


def build_report(overrides: list[str] | None = None, jobs: int | None = None, progress: bool = True,
                 report_path: Path | None = None, output_dir: Path | None = None) -> BuildResult:
    """Build report.html and report.pdf; a failure leaves any previous report untouched."""
    timings: dict[str, float] = {}
    started = time.perf_counter()
    report = config.load(report_path, overrides)  # every parameter checked before a kernel starts
    output_dir = Path(output_dir or paths.BUILD)
    keys, executed = runner.run_sections(report.sections, jobs or os.cpu_count() or 1, progress,
                                         cell_timeout=report.cell_timeout,
                                         start_timeout=report.kernel_start_timeout)
    timings["execute"] = time.perf_counter() - started
    notebooks = [s.notebook for s in report.sections]
    runner.sync_outputs(notebooks, paths.FIGURES, (".svg", ".png"))
    runner.sync_outputs(notebooks, output_dir / "report_data", (".csv",))
    html_path, pdf_path = output_dir / HTML_NAME, output_dir / PDF_NAME
    assembly_key = _assembly_key(keys, report_path)
    key_file = output_dir / "report.key"
    if html_path.is_file() and pdf_path.is_file() and key_file.is_file() and key_file.read_text() == assembly_key:
        return BuildResult(html_path, pdf_path, executed, assembled=False, timings=timings)
    _assemble(report, notebooks, html_path, pdf_path, timings)
    key_file.write_text(assembly_key)
    return BuildResult(html_path, pdf_path, executed, assembled=True, timings=timings)


def _assembly_key(keys: dict[str, str], report_path: Path | None) -> str:
    """What the assembled report depends on: each section's execution, report.yaml, the template."""
    digest = hashlib.sha256()
    for notebook, key in keys.items():
        digest.update(f"{notebook}={key}\n".encode())
    # Section keys already cover data, package code (template and CSS included) and environment.
    digest.update(Path(report_path or paths.REPORT_CONFIG).read_bytes())
    return digest.hexdigest()


def _assemble(report: config.Report, notebooks: list[str], html_path: Path, pdf_path: Path,
              timings: dict[str, float]) -> None:
    from hemisphere.build import assemble, pdf

    started = time.perf_counter()
    executed = [(n, cache.entry_dir(n) / "executed.ipynb") for n in notebooks]
    page = assemble.export_html(assemble.merge(executed), report)
    timings["html"] = time.perf_counter() - started
    html_path.parent.mkdir(parents=True, exist_ok=True)
    # Per-process names: two builds started at once never write into each other's files.
    html_tmp = html_path.with_name(f"{html_path.name}.{os.getpid()}.partial")
    pdf_tmp = pdf_path.with_name(f"{pdf_path.name}.{os.getpid()}.partial")
    try:
        html_tmp.write_text(page, encoding="utf-8")
        started = time.perf_counter()
        pdf.write_pdf(page, pdf_tmp, html_path.parent, figures=paths.FIGURES)
        timings["pdf"] = time.perf_counter() - started
        os.replace(html_tmp, html_path)
        os.replace(pdf_tmp, pdf_path)
    finally:
        html_tmp.unlink(missing_ok=True)
        pdf_tmp.unlink(missing_ok=True)
