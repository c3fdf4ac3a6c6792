"""Execute one notebook with validated parameters through papermill's Python API.

Parameters are checked before a kernel starts; a failing cell becomes a NotebookError that
names the notebook, the cell and the error, with the executed copy kept for inspection.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from hemisphere import params, paths

KERNEL = "python3"
# Fixed inputs for byte-stable outputs: matplotlib reads SOURCE_DATE_EPOCH for SVG dates.
KERNEL_ENVIRONMENT = {
    "SOURCE_DATE_EPOCH": "0",
    "PYDEVD_DISABLE_FILE_VALIDATION": "1",
    "MPLBACKEND": "Agg",
    "PYTHONHASHSEED": "0",
}


# Defaults for report.yaml's `cell_timeout` and `kernel_start_timeout` (seconds).
CELL_TIMEOUT = 600
KERNEL_START_TIMEOUT = 30


class NotebookError(RuntimeError):
    """A notebook raised while executing."""

    def __init__(self, notebook: str, cell: int | None, error: str, executed_copy: Path):
        self.notebook, self.cell, self.error, self.executed_copy = notebook, cell, error, executed_copy
        where = f"cell {cell}" if cell is not None else "an unknown cell"
        super().__init__(f"notebook {notebook!r} failed at {where}: {error} (executed copy: {executed_copy})")


def notebook_path(notebook: str) -> Path:
    path = paths.NOTEBOOKS / f"{notebook}.ipynb"
    if not path.is_file():
        raise params.ParameterError(
            f"unknown notebook {notebook!r}; notebooks: {', '.join(params.available_notebooks())}"
        )
    return path


def execute_notebook(notebook: str, parameters: dict | None = None, output_dir: Path | None = None,
                     figures_dir: Path | None = None, source: Path | None = None,
                     kernel_manager_class: type | None = None, report_parameters: dict | None = None,
                     record_inputs: Path | None = None, cell_timeout: float = CELL_TIMEOUT,
                     start_timeout: float = KERNEL_START_TIMEOUT) -> Path:
    """Run `notebook` with `parameters` (validated first); return the executed copy's path.

    `source` runs another notebook file under this notebook's declaration (used by tests
    with fixture notebooks). `kernel_manager_class` starts the kernel another way (the
    build's forked kernels, see hemisphere.build.zygote). `report_parameters` (every section's
    parameters) is injected for the overview and claims (`params.section_parameters`);
    `record_inputs` is where the kernel records what it reads (hemisphere.deps, for the cache).
    A cell running longer than `cell_timeout` seconds fails the notebook; so does a kernel not
    ready in `start_timeout`.
    """
    import papermill
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from papermill.exceptions import PapermillExecutionError

    from hemisphere.build import kernels

    # The figures folder is injected into every notebook on purpose; papermill's warning about it is noise.
    logging.getLogger("papermill").setLevel(logging.ERROR)

    source = Path(source) if source else notebook_path(notebook)
    values = params.validate(notebook, parameters or {}) if source.parent == paths.NOTEBOOKS else dict(parameters or {})
    # Absolute, against this process's folder: the kernel runs in notebooks/, where a relative
    # figures folder would send the charts (`hemisphere run --output out/` drew into notebooks/out/).
    output_dir = Path(output_dir or paths.BUILD / "runs").resolve()
    output_dir.mkdir(parents=True, exist_ok=True)
    figures_dir = Path(figures_dir or output_dir / "figures").resolve()
    injected = dict(values, hemisphere_figures_dir=str(figures_dir))
    if report_parameters is not None:
        injected["hemisphere_report_parameters"] = report_parameters
    # Recording starts before the first cell, so every read of the run is seen (hemisphere.deps).
    recording = ([f"--IPKernelApp.exec_lines=import hemisphere.deps; hemisphere.deps.start({str(record_inputs)!r})"]
                 if record_inputs is not None else [])
    output = output_dir / f"{notebook}.ipynb"
    os.environ.update(KERNEL_ENVIRONMENT)
    manager = kernels.for_chapter(kernel_manager_class, notebook)
    try:
        papermill.execute_notebook(
            str(source), str(output), parameters=injected, kernel_name=KERNEL,
            progress_bar=False, log_output=False, request_save_on_cell_execute=False,
            # The kernel starts in notebooks/ without the build changing its own folder:
            # papermill's `cwd` does a process-wide chdir, which parallel threads race on.
            resources={"metadata": {"path": str(paths.NOTEBOOKS)}},
            execution_timeout=cell_timeout, start_timeout=start_timeout,
            # The kernel listens on loopback only; its warning about unencrypted TCP is noise here.
            extra_arguments=["--IPKernelApp.log_level=CRITICAL", *recording],
            kernel_manager_class=manager,
        )
    except PapermillExecutionError as error:
        raise NotebookError(notebook, _source_cell_number(output, error.cell_index),
                            f"{error.ename}: {error.evalue}", output) from None
    except CellTimeoutError as error:
        raise NotebookError(notebook, _cell_quoted_in(source, str(error)),
                            f"a cell ran longer than the limit of {cell_timeout:g} s (report.yaml: cell_timeout)",
                            output) from None
    except DeadKernelError as error:
        raise NotebookError(notebook, None, f"its kernel died ({error})", output) from None
    except (RuntimeError, TimeoutError) as error:
        if "kernel" not in str(error).lower():
            raise
        raise NotebookError(notebook, None, f"its kernel did not start within {start_timeout:g} s ({error})",
                            output) from None
    return output


def _cell_quoted_in(source: Path, message: str) -> int | None:
    """The 1-based number of the committed cell whose code a timeout message quotes (nbclient
    quotes the cell, and papermill writes no executed copy after a timeout)."""
    import nbformat

    cells = nbformat.read(source, as_version=4).cells
    for number, cell in enumerate(cells, start=1):
        if cell.cell_type == "code" and cell.source.strip() and cell.source.strip() in message:
            return number
    return None


def _source_cell_number(executed: Path, cell_index: int) -> int:
    """The 1-based cell number in the notebook as committed (papermill adds cells of its own)."""
    import nbformat

    cells = nbformat.read(executed, as_version=4).cells
    added = sum(
        1 for cell in cells[:cell_index]
        if {"injected-parameters", "papermill-error-cell-tag"} & set(cell.metadata.get("tags", []))
    )
    return cell_index - added + 1
