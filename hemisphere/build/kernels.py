"""The build's kernels: started under watch, stopped at once when the build is interrupted.

Why: papermill runs each notebook in a thread and owns its kernel; on Ctrl-C those threads
would otherwise run their notebooks to the end before the build could exit. Every kernel the
build starts registers here, so an interrupt can stop them all and the threads end quickly.
A loopback check before any kernel starts turns "kernel did not reply in 60 s" into one line
that names the cause.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import uuid

from jupyter_client.manager import AsyncKernelManager

_RUNNING: set["TrackedKernelManager"] = set()
_LOCK = threading.Lock()
# Set by stop_all: a kernel that finishes starting after Ctrl-C (its thread was already past the
# queue) is killed at once instead of running its notebook to the end.
_STOPPING = threading.Event()
# How long the loopback check waits for its own message to come back.
LOOPBACK_SECONDS = 3.0


class KernelStartError(RuntimeError):
    """No kernel can start on this machine (the cause is in the message)."""


class KernelsStopped(RuntimeError):
    """A kernel asked to start after the build was stopped (Ctrl-C)."""


class TrackedKernelManager(AsyncKernelManager):
    """A kernel manager that the build can find and stop from another thread."""

    chapter = ""  # the notebook this kernel runs, for messages and process names

    async def start_kernel(self, **kwargs):
        if not self.connection_file:
            # jupyter_client's default is a mkstemp file in /tmp, which a killed build leaves
            # behind; the build's runtime folder is tidied by the next build.
            from jupyter_core.paths import jupyter_runtime_dir

            folder = jupyter_runtime_dir()
            os.makedirs(folder, exist_ok=True)
            self.connection_file = os.path.join(folder, f"kernel-{uuid.uuid4()}.json")
        if _STOPPING.is_set():
            raise KernelsStopped(f"the build was stopped before the {self.chapter or 'notebook'} kernel started")
        await super().start_kernel(**kwargs)
        with _LOCK:
            _RUNNING.add(self)
            stopping = _STOPPING.is_set()
        if stopping:
            self.kill_now()
            raise KernelsStopped(f"the build was stopped while the {self.chapter or 'notebook'} kernel started")

    async def shutdown_kernel(self, now: bool = False, restart: bool = False):
        try:
            await super().shutdown_kernel(now=now, restart=restart)
        finally:
            with _LOCK:
                _RUNNING.discard(self)

    def kill_now(self) -> None:
        """SIGKILL the kernel process (or its launcher, which takes its forked kernel with it)."""
        process = getattr(self.provisioner, "process", None)
        if process is not None and process.poll() is None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(process.pid, signal.SIGKILL)


def for_chapter(base: type[AsyncKernelManager] | None, chapter: str) -> type[AsyncKernelManager]:
    """A manager class for one chapter's kernel: tracked, and named after the chapter."""
    base = base or TrackedKernelManager
    if not issubclass(base, TrackedKernelManager):
        base = type(f"Tracked{base.__name__}", (TrackedKernelManager, base), {})
    return type(f"{base.__name__}For_{chapter}", (base,), {"chapter": chapter})


def allow_starts() -> None:
    """A new build may start kernels again (after an earlier stop_all in the same process)."""
    _STOPPING.clear()


def stop_all() -> int:
    """Kill every kernel the build started, and any that finishes starting later; returns how many
    were running."""
    with _LOCK:
        _STOPPING.set()
        running = list(_RUNNING)
    for manager in running:
        manager.kill_now()
    return len(running)


def check_loopback() -> None:
    """Kernels talk to the build over ZeroMQ on 127.0.0.1: make sure a message can go round.

    Uses the kernels' own transport (pyzmq), so it fails exactly when they would.
    """
    import zmq

    context = zmq.Context.instance()
    server = context.socket(zmq.REP)
    client = context.socket(zmq.REQ)
    try:
        for sock in (server, client):
            sock.setsockopt(zmq.LINGER, 0)
        try:
            port = server.bind_to_random_port("tcp://127.0.0.1")
            client.connect(f"tcp://127.0.0.1:{port}")
            client.send(b"ping")
        except zmq.ZMQError as error:
            raise KernelStartError(f"cannot open a loopback connection on 127.0.0.1 ({error}); "
                                   "kernels need the loopback interface") from None
        if not server.poll(int(LOOPBACK_SECONDS * 1000)):
            raise KernelStartError(f"a message sent on 127.0.0.1 did not arrive within {LOOPBACK_SECONDS:.0f} s; "
                                   "is the loopback interface down? Kernels need it")
        server.recv()
    finally:
        server.close(0)
        client.close(0)
