"""Kernels forked from the build's zygote behave like kernels started fresh, and never linger.

Each test runs a tiny fixture notebook (made here, labelled as such) that reports on the
process it ran in.
"""

import asyncio
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from hemisphere import paths
from hemisphere.build import zygote
from hemisphere.execute import KERNEL_ENVIRONMENT, execute_notebook

pytestmark = pytest.mark.skipif(not zygote.available(), reason="forking kernels needs fork and Unix sockets")

# Fixture notebook: one cell that prints facts about its kernel process as JSON.
PROBE = """
import json, os, subprocess, sys
print(json.dumps({
    "pid": os.getpid(),
    "preloaded": "pandas" in sys.modules,
    "cwd": os.getcwd(),
    "marker": os.environ.get("HEMISPHERE_TEST_MARKER"),
    "parent_pid_variable": os.environ.get("JPY_PARENT_PID"),
    "subprocess_status": subprocess.run([sys.executable, "-c", "raise SystemExit(3)"]).returncode,
    "hash_seed": os.environ.get("PYTHONHASHSEED"),
    "process_name": open("/proc/self/comm").read().strip() if os.path.exists("/proc/self/comm") else None,
}))
"""


def probe(tmp_path, manager) -> dict:
    source = tmp_path / "probe.ipynb"
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(PROBE)])
    notebook.metadata.kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, source)
    executed = execute_notebook("probe", {}, output_dir=tmp_path / "out", source=source,
                                kernel_manager_class=manager)
    outputs = nbformat.read(executed, as_version=4).cells[-1].outputs
    return json.loads("".join(o.text for o in outputs if o.output_type == "stream"))


def alive(pid: int) -> bool:
    """Running, not merely a zombie waiting for a parent that may never reap it (a container's init)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return True


def wait_until_gone(*pids: int, seconds: float = 20) -> bool:
    deadline = time.monotonic() + seconds
    while any(alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    return not any(alive(pid) for pid in pids)


def test_forked_kernel_runs_a_notebook_as_a_fresh_kernel_would(tmp_path, monkeypatch):
    with zygote.serving(KERNEL_ENVIRONMENT) as manager:
        monkeypatch.setenv("HEMISPHERE_TEST_MARKER", "set after the zygote started")
        facts = probe(tmp_path, manager)
        assert alive(manager.zygote_pid)
    assert facts["preloaded"], "the kernel was not forked from the zygote"
    assert facts["marker"] == "set after the zygote started"  # the environment is the launch's own
    assert facts["parent_pid_variable"] == str(manager.zygote_pid)  # ipykernel watches its real parent
    assert facts["subprocess_status"] == 3  # the zygote ignores SIGCHLD; a kernel must see exit statuses
    assert facts["hash_seed"] == KERNEL_ENVIRONMENT["PYTHONHASHSEED"]
    if facts["process_name"] is not None:
        assert facts["process_name"] == "hs-probe"  # `ps -o comm` shows the chapter each kernel runs
    assert os.path.samefile(facts["cwd"], paths.NOTEBOOKS)  # papermill's folder, not the zygote's
    assert facts["pid"] != manager.zygote_pid and not alive(facts["pid"])
    assert not alive(manager.zygote_pid)  # the zygote ends with the block


def test_without_a_zygote_the_launcher_starts_an_ordinary_kernel(tmp_path):
    manager = zygote._manager_class(str(tmp_path / "no-zygote-here"))
    facts = probe(tmp_path, manager)
    assert not facts["preloaded"] and facts["subprocess_status"] == 3


def test_interrupts_reach_the_forked_kernel_and_it_dies_with_its_launcher():
    async def scenario(manager_class) -> tuple[str, int]:
        kernel = manager_class(kernel_name="python3")
        await kernel.start_kernel(extra_arguments=["--IPKernelApp.log_level=CRITICAL"])
        client = kernel.client()
        client.start_channels()
        try:
            await client.wait_for_ready(timeout=60)
            printed: list[str] = []
            hook = lambda m: printed.append(m["content"].get("text", ""))  # noqa: E731
            await client.execute_interactive("import os; print(os.getpid())", output_hook=hook, timeout=60)
            pid = int("".join(printed))
            client.execute("import time; time.sleep(60)")
            await asyncio.sleep(1)
            await kernel.interrupt_kernel()
            reply = await client.get_shell_msg(timeout=30)
            while reply["parent_header"].get("msg_type") != "execute_request" or reply["content"].get("ename") is None:
                reply = await client.get_shell_msg(timeout=30)
            kernel.provisioner.process.kill()  # the launcher is what jupyter_client would kill
            return reply["content"]["ename"], pid
        finally:
            client.stop_channels()

    with zygote.serving(KERNEL_ENVIRONMENT) as manager:
        error, pid = asyncio.run(scenario(manager))
        assert error == "KeyboardInterrupt"
        assert wait_until_gone(pid), "the forked kernel outlived its launcher"


# A build that starts a forked kernel busy for a minute, says the pids, and waits to be killed.
KILLED_BUILD = """
import asyncio, time
from hemisphere.build import zygote
from hemisphere.execute import KERNEL_ENVIRONMENT

async def start(manager_class):
    kernel = manager_class(kernel_name="python3")
    await kernel.start_kernel(extra_arguments=["--IPKernelApp.log_level=CRITICAL"])
    client = kernel.client()
    client.start_channels()
    await client.wait_for_ready(timeout=60)
    printed = []
    await client.execute_interactive("import os; print(os.getpid())", timeout=60,
                                     output_hook=lambda m: printed.append(m["content"].get("text", "")))
    client.execute("import time; time.sleep(60)")
    return int("".join(printed)), kernel.provisioner.process.pid

with zygote.serving(KERNEL_ENVIRONMENT) as manager:
    kernel, launcher = asyncio.run(start(manager))
    print(kernel, launcher, manager.zygote_pid, manager.zygote_address, flush=True)
    time.sleep(120)
"""


def test_a_killed_build_leaves_no_zygote_kernel_or_launcher():
    build = subprocess.Popen([sys.executable, "-c", KILLED_BUILD], stdout=subprocess.PIPE, text=True)
    try:
        *pids, address = build.stdout.readline().split()
        pids = [int(pid) for pid in pids]
        assert len(pids) == 3, "the fixture build did not start its kernel"
    finally:
        build.kill()
        build.wait()
    assert wait_until_gone(*pids), "a process of the killed build lingers"
    assert not os.path.exists(os.path.dirname(address)), "the killed build's socket folder was left behind"


def test_launcher_runs_other_kernels_unchanged(tmp_path):
    """A command that is not an IPython kernel is executed as given."""
    done = subprocess.run([sys.executable, "-S", str(zygote.LAUNCHER), str(tmp_path / "socket"), "fixture",
                           sys.executable, "-c", "print('ran as given')"], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.strip() == "ran as given"


def _outputs_and_figures(build: Path, notebooks: list[str]) -> dict:
    """What a chapter produced: every cell's outputs and every figure file, byte for byte."""
    produced = {}
    for notebook in notebooks:
        entry = build / "cache" / notebook
        cells = nbformat.read(entry / "executed.ipynb", as_version=4).cells
        produced[notebook] = json.dumps([c.get("outputs", []) for c in cells], sort_keys=True)
        for path in sorted((entry / "figures").rglob("*")):
            if path.is_file():
                produced[str(path.relative_to(entry))] = path.read_bytes()
    return produced


def test_forked_kernels_produce_the_same_bytes_as_ordinary_kernels(tmp_path, monkeypatch):
    """Two real chapters (with charts) executed both ways give identical outputs and figure files."""
    from hemisphere.build import runner
    from hemisphere.build.config import Section

    sections = (Section("overview", {}), Section("sources_and_methods", {}))
    produced = {}
    for way, no_fork in (("forked", ""), ("ordinary", "1")):
        monkeypatch.setattr(paths, "BUILD", tmp_path / way)
        monkeypatch.setenv(runner.NO_FORK, no_fork)
        runner.run_sections(sections, jobs=2, progress=False)
        produced[way] = _outputs_and_figures(tmp_path / way, [s.notebook for s in sections])
    assert any(name.endswith(".png") for name in produced["forked"]), "the chapters drew no chart to compare"
    assert produced["forked"].keys() == produced["ordinary"].keys()
    different = [name for name in produced["forked"] if produced["forked"][name] != produced["ordinary"][name]]
    assert different == []


def test_a_kernelspec_naming_another_interpreter_is_not_forked(tmp_path):
    manager = zygote._manager_class(str(tmp_path / "socket"))(kernel_name="python3")
    manager.kernel_spec.argv[0] = "/opt/another/python3"  # as a kernelspec for another environment would
    command = manager.format_kernel_cmd()
    assert command[0] == "/opt/another/python3" and str(zygote.LAUNCHER) not in command
