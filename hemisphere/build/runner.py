"""Execute the report's notebooks: stale ones in parallel, fresh ones straight from the cache."""

from __future__ import annotations

import contextlib
import shutil
import sys
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

from hemisphere import data, paths
from hemisphere.build import cache, zygote
from hemisphere.build.config import Section
from hemisphere.execute import KERNEL_ENVIRONMENT, NotebookError, execute_notebook


def run_sections(sections: tuple[Section, ...], jobs: int, progress: bool = True) -> tuple[dict[str, str], list[str]]:
    """Cache key per section and the notebooks that had to execute; raises the first NotebookError."""
    shared = cache.shared_fingerprint()
    # Every section sees every section's parameters (the overview and claims state other
    # chapters' findings); a notebook depends on them only if it read them (hemisphere.deps).
    report_parameters = {s.notebook: dict(s.parameters) for s in sections}
    static = {s.notebook: cache.notebook_key(s.notebook, s.parameters, shared) for s in sections}
    keys: dict[str, str] = {}
    for s in sections:
        fresh = cache.fresh_key(s.notebook, static[s.notebook], report_parameters)
        if fresh is not None:
            keys[s.notebook] = fresh
    stale = [s for s in sections if s.notebook not in keys]
    failures: list[NotebookError] = []
    if stale:
        # The kernels' zygote imports while the tables are checked; one notebook needs none.
        forking = zygote.serving(KERNEL_ENVIRONMENT) if len(stale) > 1 else contextlib.nullcontext()
        with forking as manager:
            data.validate_all()  # a malformed table is bad input: say so before starting kernels
            _warm_up_pdf_writer()
            bar = _progress_bar(len(stale), progress)
            with ThreadPoolExecutor(max_workers=max(1, min(jobs, len(stale)))) as pool:
                futures = {pool.submit(_execute_into_cache, s, static[s.notebook], manager, report_parameters): s
                           for s in stale}
                for future in as_completed(futures):
                    section = futures[future]
                    try:
                        keys[section.notebook] = future.result()
                    except NotebookError as error:
                        failures.append(error)
                    bar.set_postfix_str(section.notebook)
                    bar.update(1)
            bar.close()
    if failures:
        raise failures[0]
    return {s.notebook: keys[s.notebook] for s in sections}, [s.notebook for s in stale]


def _warm_up_pdf_writer() -> None:
    """Import the PDF writer while the kernels run: half a second off the build's end.

    Only WeasyPrint: it shares no modules with papermill's threads (nbconvert does, and
    importing it alongside them races on jupyter_client's circular imports).
    """

    def warm() -> None:
        import weasyprint  # noqa: F401

    threading.Thread(target=warm, name="warm-up-pdf-writer", daemon=True).start()


def _progress_bar(total: int, enabled: bool):
    from tqdm import tqdm

    return tqdm(total=total, desc="executing notebooks", unit="nb", file=sys.stderr,
                disable=not enabled, leave=False)


def _execute_into_cache(section: Section, key: str, manager: type | None = None,
                        report_parameters: dict[str, dict] | None = None) -> str:
    """Execute in a scratch folder and swap it in whole, so the cache never holds half a run.

    Returns the entry's effective key (its static key with the digest of what it read).
    """
    (paths.BUILD / "cache").mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f"{section.notebook}.", dir=paths.BUILD / "cache"))
    report_parameters = report_parameters if report_parameters is not None else {section.notebook: section.parameters}
    try:
        executed = execute_notebook(section.notebook, section.parameters, output_dir=scratch,
                                    figures_dir=scratch / "figures", kernel_manager_class=manager,
                                    report_parameters=report_parameters, record_inputs=scratch / cache.RECORD)
    except NotebookError as error:
        failed = paths.BUILD / "failed"
        failed.mkdir(parents=True, exist_ok=True)
        kept = failed / f"{section.notebook}.ipynb"
        shutil.move(str(error.executed_copy), kept)
        shutil.rmtree(scratch, ignore_errors=True)
        raise NotebookError(error.notebook, error.cell, error.error, kept) from None
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    executed.rename(scratch / "executed.ipynb")
    effective = cache.seal(scratch, key, report_parameters)
    (scratch / "figures").mkdir(exist_ok=True)
    target = cache.entry_dir(section.notebook)
    if target.exists():
        shutil.rmtree(target)
    scratch.rename(target)
    stale_failure = paths.BUILD / "failed" / f"{section.notebook}.ipynb"
    stale_failure.unlink(missing_ok=True)
    return effective


# What the build writes into figures/ and report_data/; anything else there (a README) is left alone.
GENERATED = (".svg", ".png", ".csv")


def sync_outputs(notebooks: list[str], destination: Path, suffixes: tuple[str, ...]) -> None:
    """Mirror the cached files of these notebooks into `destination`, removing every file no section made.

    `figures/` and `report_data/` are owned by the build: they always equal what the cached
    executions produced, whatever ran or was edited by hand in between.
    """
    wanted: dict[Path, Path] = {}
    for notebook in notebooks:
        folder = cache.entry_dir(notebook) / "figures"
        for path in folder.rglob("*"):
            if path.is_file() and path.suffix in suffixes:
                wanted[path.relative_to(folder)] = path
    destination.mkdir(parents=True, exist_ok=True)
    for relative, source in wanted.items():
        target = destination / relative
        if not target.is_file() or target.read_bytes() != source.read_bytes():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    for path in sorted(destination.rglob("*"), reverse=True):
        relative = path.relative_to(destination)
        if path.is_file() and path.suffix in GENERATED and relative not in wanted:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
