"""Execute the report's notebooks: stale ones in parallel, fresh ones straight from the cache."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sys
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

from hemisphere import data, paths
from hemisphere.build import cache, kernels, zygote
from hemisphere.build.config import Section
from hemisphere.execute import (CELL_TIMEOUT, KERNEL_ENVIRONMENT, KERNEL_START_TIMEOUT, NotebookError,
                                execute_notebook)

# Set HEMISPHERE_NO_FORK=1 to start every kernel the ordinary way (the benchmark compares both).
NO_FORK = "HEMISPHERE_NO_FORK"


class BuildInterrupted(KeyboardInterrupt):
    """Ctrl-C during the build: queued notebooks were cancelled and running kernels stopped."""


class NotebooksFailed(NotebookError):
    """One or more notebooks raised; carries every failure, and the first one's details."""

    def __init__(self, failures: list[NotebookError]):
        self.failures = failures
        first = failures[0]
        super().__init__(first.notebook, first.cell, first.error, first.executed_copy)
        self.args = ("; ".join(str(f) for f in failures),)

    def __str__(self) -> str:
        return self.args[0]


def run_sections(sections: tuple[Section, ...], jobs: int, progress: bool = True,
                 cell_timeout: float = CELL_TIMEOUT,
                 start_timeout: float = KERNEL_START_TIMEOUT) -> tuple[dict[str, str], list[str]]:
    """Cache key per section and the notebooks that had to execute.

    Raises NotebooksFailed naming every notebook that failed (the others still run), and
    BuildInterrupted on Ctrl-C, after cancelling what was queued and killing running kernels.
    """
    tidy_leftovers()
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
        data.validate_all()  # a malformed table is bad input: say so before starting kernels
        kernels.check_loopback()  # no kernel could start: say why in one line, now
        kernels.allow_starts()  # an earlier Ctrl-C in this process stopped kernel starts
        fork = len(stale) > 1 and not os.environ.get(NO_FORK)
        # The kernels' zygote imports while the PDF writer warms up; one notebook needs none.
        forking = zygote.serving(KERNEL_ENVIRONMENT) if fork else contextlib.nullcontext()
        with _runtime_folder(), forking as manager:
            _warm_up_pdf_writer()
            bar = _progress_bar(len(stale), progress)
            pool = ThreadPoolExecutor(max_workers=max(1, min(jobs, len(stale))))
            try:
                futures = {pool.submit(_execute_into_cache, s, static[s.notebook], manager, report_parameters,
                                       cell_timeout, start_timeout): s for s in stale}
                for future in as_completed(futures):
                    section = futures[future]
                    try:
                        keys[section.notebook] = future.result()
                    except NotebookError as error:
                        failures.append(error)
                    bar.set_postfix_str(section.notebook)
                    bar.update(1)
            except KeyboardInterrupt:
                pool.shutdown(wait=False, cancel_futures=True)
                stopped = kernels.stop_all()
                pool.shutdown(wait=True)  # the running threads end as their kernels die
                bar.close()
                raise BuildInterrupted(f"{len(stale) - len(failures)} notebook(s) not finished; "
                                       f"{stopped} kernel(s) stopped") from None
            finally:
                pool.shutdown(wait=True)
            bar.close()
    if failures:
        order = [s.notebook for s in stale]
        raise NotebooksFailed(sorted(failures, key=lambda f: order.index(f.notebook)))
    return {s.notebook: keys[s.notebook] for s in sections}, [s.notebook for s in stale]


SCRATCH = re.compile(r"[a-z0-9_]+\.(?P<pid>\d+)\..+|[a-z0-9_]+\.[^.]+")  # <notebook>.<pid>.<random>, or an older <notebook>.<random>
PARTIAL = re.compile(r".+\.(?P<pid>\d+)\.partial")


def tidy_leftovers() -> list[Path]:
    """Remove what a killed build left behind: scratch folders in build/cache, half-written
    report files and kernel connection files. Anything a build still running owns is kept."""
    removed = []
    candidates = []
    cache_dir, runtime = paths.BUILD / "cache", paths.BUILD / "runtime"
    if cache_dir.is_dir():
        candidates += [(p, SCRATCH.fullmatch(p.name)) for p in cache_dir.iterdir() if p.is_dir()]
    if paths.BUILD.is_dir():
        candidates += [(p, PARTIAL.fullmatch(p.name)) for p in paths.BUILD.iterdir() if p.is_file()]
    if runtime.is_dir():
        candidates += [(p, re.fullmatch(r"(?P<pid>\d+)", p.name)) for p in runtime.iterdir()]
    for path, match in candidates:
        if match is None:
            continue
        pid = match.groupdict().get("pid")
        if pid is not None and _alive(int(pid)):
            continue
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
        removed.append(path)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextlib.contextmanager
def _runtime_folder():
    """Kernel connection files go to build/runtime/<pid>/, not the user's Jupyter folder or /tmp,
    so a killed build's files are found and removed by the next build (tidy_leftovers)."""
    folder = paths.BUILD / "runtime" / str(os.getpid())
    folder.mkdir(parents=True, exist_ok=True)
    before = os.environ.get("JUPYTER_RUNTIME_DIR")
    os.environ["JUPYTER_RUNTIME_DIR"] = str(folder)
    try:
        yield folder
    finally:
        if before is None:
            os.environ.pop("JUPYTER_RUNTIME_DIR", None)
        else:
            os.environ["JUPYTER_RUNTIME_DIR"] = before
        shutil.rmtree(folder, ignore_errors=True)
        with contextlib.suppress(OSError):
            folder.parent.rmdir()


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


def execute_in_scratch(cache_dir: Path, prefix: str, failed_name: str, label: str, run) -> Path:
    """Run `run(scratch)` in a fresh scratch folder; return the folder, its notebook as executed.ipynb.

    Why: a cache entry is swapped in whole, so it never holds half a run. On failure the executed
    copy is kept as build/failed/<failed_name>.ipynb and the scratch is removed; the scratch name
    carries this process's id, so a later build can tell a killed build's leftovers (tidy_leftovers).
    Shared by the report's sections and the country briefs.
    """
    cache_dir.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f"{prefix}.{os.getpid()}.", dir=cache_dir))
    try:
        executed = run(scratch)
    except NotebookError as error:
        failed = paths.BUILD / "failed"
        failed.mkdir(parents=True, exist_ok=True)
        kept = failed / f"{failed_name}.ipynb"
        if Path(error.executed_copy).is_file():
            shutil.move(str(error.executed_copy), kept)
        shutil.rmtree(scratch, ignore_errors=True)
        raise NotebookError(label, error.cell, error.error, kept) from None
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    executed.rename(scratch / "executed.ipynb")
    return scratch


def _execute_into_cache(section: Section, key: str, manager: type | None = None,
                        report_parameters: dict[str, dict] | None = None, cell_timeout: float = CELL_TIMEOUT,
                        start_timeout: float = KERNEL_START_TIMEOUT) -> str:
    """Execute in a scratch folder and swap it in whole, so the cache never holds half a run.

    Returns the entry's effective key (its static key with the digest of what it read).
    """
    report_parameters = report_parameters if report_parameters is not None else {section.notebook: section.parameters}
    scratch = execute_in_scratch(
        paths.BUILD / "cache", section.notebook, section.notebook, section.notebook,
        lambda scratch: execute_notebook(section.notebook, section.parameters, output_dir=scratch,
                                         figures_dir=scratch / "figures", kernel_manager_class=manager,
                                         report_parameters=report_parameters, record_inputs=scratch / cache.RECORD,
                                         cell_timeout=cell_timeout, start_timeout=start_timeout))
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
