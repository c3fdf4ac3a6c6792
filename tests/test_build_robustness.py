"""The build stops cleanly and loudly: Ctrl-C, a hung cell, every failure named, no leftovers.

The notebooks run here are the fixtures under tests/fixtures/notebooks (labelled test notebooks,
not chapters): `sleeps` sleeps for its `seconds` parameter, `raises` divides by zero.
"""

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from hemisphere import cli
from hemisphere.build import kernels, runner
from hemisphere.build.pipeline import build_report

ROOT = Path(__file__).resolve().parent.parent


def write_report(sandbox, sections: str, extra: str = "") -> None:
    (sandbox / "report.yaml").write_text(f"title: Fixture report\n{extra}sections:\n{textwrap.dedent(sections)}")


def test_a_hung_cell_fails_at_the_configured_timeout_naming_notebook_and_cell(sandbox, capsys):
    write_report(sandbox, "  - notebook: sleeps\n    parameters: {seconds: 120}\n", extra="cell_timeout: 2\n")
    started = time.monotonic()
    assert cli.main(["build", "--quiet"]) == 1
    assert time.monotonic() - started < 60
    error = capsys.readouterr().err
    assert "'sleeps' failed at cell 3" in error and "longer than the limit of 2 s" in error
    assert "Traceback" not in error


def test_every_failing_notebook_is_reported_not_only_the_first(sandbox, capsys):
    write_report(sandbox, "  - notebook: raises\n  - notebook: sleeps\n    parameters: {seconds: 30}\n  - notebook: alpha\n",
                 extra="cell_timeout: 2\n")
    assert cli.main(["build", "--quiet"]) == 1
    error = capsys.readouterr().err
    assert "'raises' failed" in error and "ZeroDivisionError" in error
    assert "'sleeps' failed" in error
    assert error.count("hemisphere: build failed:") == 2
    assert (sandbox / "build" / "cache" / "alpha" / "executed.ipynb").is_file(), "the good notebook still ran"


@pytest.mark.parametrize("value", ["0", "-3", "'soon'", "true"])
def test_a_bad_timeout_in_report_yaml_is_bad_input(sandbox, capsys, value):
    write_report(sandbox, "  - notebook: alpha\n", extra=f"cell_timeout: {value}\n")
    assert cli.main(["build", "--quiet"]) == 2
    assert "`cell_timeout` must be a positive number of seconds" in capsys.readouterr().err


SANDBOXED_BUILD = """
import sys
from pathlib import Path
from hemisphere import cli, paths
root = Path(sys.argv[1])
paths.NOTEBOOKS, paths.BUILD, paths.FIGURES = root / "notebooks", root / "build", root / "figures"
paths.REPORT_CONFIG = root / "report.yaml"
sys.exit(cli.main(["build", "--quiet", "--jobs", "2"]))
"""


def test_ctrl_c_cancels_the_queue_stops_the_kernels_and_exits_130(sandbox):
    (sandbox / "report.yaml").write_text(
        "title: Fixture report\nsections:\n  - notebook: sleeps\n    parameters: {seconds: 120}\n"
        "  - notebook: alpha\n  - notebook: beta\n")
    # A shell without job control starts background jobs with SIGINT ignored, and the ignore is
    # inherited: a test run launched that way (`cmd &`) would send Ctrl-C to a build that cannot
    # hear it. The build gets the terminal's default, as a user's would.
    build = subprocess.Popen([sys.executable, "-c", SANDBOXED_BUILD, str(sandbox)], stderr=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True, cwd=ROOT,
                             preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    runtime = sandbox / "build" / "runtime"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not any(runtime.glob("*/kernel-*.json")):
        time.sleep(0.2)
    time.sleep(2)  # the kernels are running their cells
    sent = time.monotonic()
    build.send_signal(signal.SIGINT)
    try:
        _, error = build.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        # Seen once under heavy load: say what was still running, so the cause can be found.
        survivors = subprocess.run(["ps", "-eo", "pid,ppid,stat,etime,args"], capture_output=True, text=True).stdout
        build.kill()
        _, error = build.communicate()
        pytest.fail("the build ran on for 60 s after Ctrl-C; its stderr ended:\n" + error[-2000:]
                    + "\nprocesses:\n" + "\n".join(line for line in survivors.splitlines()
                                                  if "hs-" in line or "kernel" in line or "python" in line)[-3000:])
    assert build.returncode == 130
    assert time.monotonic() - sent < 15, "queued or running notebooks ran on after Ctrl-C"
    assert "Traceback" not in error and "KeyboardInterrupt" not in error
    assert [line for line in error.splitlines() if line.strip()][-1].startswith("hemisphere: interrupted")
    assert not (sandbox / "build" / "report.html").exists()
    assert not [p for p in (sandbox / "build" / "cache").glob("*.*")], "scratch folders were left"


def test_the_next_build_removes_what_a_killed_build_left(sandbox):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    cache_dir, runtime = sandbox / "build" / "cache", sandbox / "build" / "runtime"
    leftovers = [cache_dir / f"alpha.{dead.pid}.abc123", cache_dir / "beta.xyz789", runtime / str(dead.pid)]
    for folder in leftovers:
        folder.mkdir(parents=True)
    partial = sandbox / "build" / f"report.html.{dead.pid}.partial"
    partial.write_text("half a report (fixture)")
    ours = cache_dir / f"alpha.{os.getpid()}.live"  # a build still running owns this one
    ours.mkdir()
    removed = runner.tidy_leftovers()
    assert sorted(removed) == sorted(leftovers + [partial])
    assert ours.exists()


def test_a_build_leaves_the_working_directory_where_it_was(sandbox):
    before = os.getcwd()
    write_report(sandbox, "  - notebook: alpha\n  - notebook: beta\n")
    build_report(jobs=2, progress=False)
    assert os.getcwd() == before


def test_kernel_connection_files_never_go_to_the_temporary_folder(sandbox, monkeypatch):
    import jupyter_client.connect

    def refuse(*args, **kwargs):
        raise AssertionError("a kernel connection file was about to be made in the temporary folder")

    monkeypatch.setattr(jupyter_client.connect.tempfile, "mkstemp", refuse)
    write_report(sandbox, "  - notebook: alpha\n  - notebook: beta\n")
    build_report(jobs=2, progress=False)
    assert not (sandbox / "build" / "runtime").exists(), "the build's own connection files are removed"


def test_a_machine_where_no_kernel_can_start_fails_fast_in_one_line(sandbox, capsys, monkeypatch):
    def no_loopback():
        raise kernels.KernelStartError("a message sent on 127.0.0.1 did not arrive within 3 s (fixture)")

    monkeypatch.setattr(kernels, "check_loopback", no_loopback)
    assert cli.main(["build", "--quiet"]) == 1
    error = capsys.readouterr().err.strip()
    assert error == "hemisphere: no kernel can start: a message sent on 127.0.0.1 did not arrive within 3 s (fixture)"


def test_the_loopback_check_passes_on_a_working_machine():
    kernels.check_loopback()


def test_a_kernel_asked_to_start_after_ctrl_c_is_refused(tmp_path, monkeypatch):
    """A worker thread already past the queue when Ctrl-C came must not start its notebook's kernel
    (under load the build otherwise ran on until that notebook ended)."""
    import asyncio

    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path))
    kernels.stop_all()
    try:
        manager = kernels.for_chapter(None, "alpha")()
        with pytest.raises(kernels.KernelsStopped, match="stopped before the alpha kernel started"):
            asyncio.run(manager.start_kernel())
    finally:
        kernels.allow_starts()
    assert not kernels._STOPPING.is_set()
