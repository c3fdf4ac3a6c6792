"""Start the build's kernels as forks of one process that has already imported what notebooks use.

Why: a fresh kernel spends over a second importing IPython, pandas, matplotlib and this
package before its first cell runs, and a build starts one kernel per chapter. The build
starts one "zygote" that imports them once; each kernel is then a fork of it (copy-on-write,
milliseconds). Every kernel is still its own process, starting from the state a fresh
interpreter reaches after those imports, so a chapter's output does not change: the
determinism test compares whole builds byte for byte.

How it plugs in: jupyter_client launches `kernel_launcher.py` instead of the kernel. The
launcher hands the kernel's arguments, environment and folder to the zygote over a Unix
socket, relays signals to the forked kernel and exits with its exit status, so jupyter_client
manages it like any kernel process. Without a zygote (another platform, or it died), the
launcher starts the kernel the ordinary way.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import select
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import traceback
from pathlib import Path

from hemisphere.build.kernels import TrackedKernelManager

LAUNCHER = Path(__file__).with_name("kernel_launcher.py")
# What a chapter's kernel imports before its first cell; the rest of hemisphere loads with them.
PRELOAD = (
    "ipykernel.kernelapp",
    "ipykernel.ipkernel",
    "IPython.core.interactiveshell",
    "numpy",
    "pandas",
    "matplotlib.pyplot",
    "hemisphere.charts",
    "hemisphere.data",
    "hemisphere.prose",
)
# Set by `serving()` for the kernel managers it hands out; one zygote per build.
_SOCKET_ENV = "HEMISPHERE_KERNEL_ZYGOTE"


def available() -> bool:
    return hasattr(os, "fork") and hasattr(socket, "AF_UNIX")


@contextlib.contextmanager
def serving(environment: dict[str, str]):
    """Run a zygote for the duration of the block; yields the kernel manager class to use.

    `environment` is the kernels' environment: the zygote imports under it (the hash seed,
    the matplotlib backend), so forks match kernels started fresh with it.
    """
    if not available():
        yield None
        return
    folder = tempfile.mkdtemp(prefix="hemisphere-zygote-")  # short path: socket names are limited
    address = os.path.join(folder, "socket")
    process = None
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as listener:
            listener.bind(address)
            listener.listen(64)  # bound before the zygote exists: an early launcher waits in the backlog
            process = subprocess.Popen(
                [sys.executable, "-c", f"from hemisphere.build.zygote import serve; serve({listener.fileno()})"],
                # Output goes where an ordinary kernel's goes: the build's own stdout and stderr.
                pass_fds=(listener.fileno(),), env=dict(os.environ, **environment), start_new_session=True,
                stdin=subprocess.DEVNULL,
            )
        manager = _manager_class(address)
        manager.zygote_pid, manager.zygote_address = process.pid, address
        yield manager
    finally:
        if process is not None:
            process.terminate()
            process.wait()
        _remove_socket(address)


def _manager_class(address: str) -> type[TrackedKernelManager]:
    class ForkedKernelManager(TrackedKernelManager):
        """Starts its kernel through the launcher, which asks the zygote at `address` for a fork.

        Only a kernel whose kernelspec runs this very interpreter is forked: the zygote's
        imports come from this environment, and a kernelspec naming another Python (another
        virtual environment) must get that Python, so it starts the ordinary way.
        """

        def format_kernel_cmd(self, extra_arguments=None):
            command = super().format_kernel_cmd(extra_arguments)
            if not command or os.path.abspath(command[0]) != os.path.abspath(sys.executable):
                return command
            return [sys.executable, "-S", str(LAUNCHER), address, self.chapter or "kernel", *command]

    return ForkedKernelManager


# -- the zygote process ---------------------------------------------------------------------------


def serve(listener_fd: int) -> None:
    """Import PRELOAD, then fork a kernel for each launcher that connects, until the build goes."""
    if sys.path and sys.path[0] in ("", os.getcwd()):
        del sys.path[0]  # as ipykernel_launcher does; the kernel puts its folder back itself
    for module in PRELOAD:
        with contextlib.suppress(Exception):  # a module that fails to import fails in the notebook instead
            importlib.import_module(module)
    listener = socket.socket(fileno=listener_fd)
    build = os.getppid()
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the zygote never waits for its kernels
    while os.getppid() == build:  # an orphaned zygote (the build was killed) goes too
        ready, _, _ = select.select([listener], [], [], 1.0)
        if not ready:
            continue
        connection, _ = listener.accept()
        if os.fork() == 0:
            listener.close()
            _become_kernel(connection)  # never returns
        connection.close()
    _remove_socket(listener.getsockname())  # the build was killed and cannot tidy up


def _remove_socket(address: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(address)
    with contextlib.suppress(OSError):
        os.rmdir(os.path.dirname(address))


def _become_kernel(connection: socket.socket) -> None:
    """In the forked child: take the launcher's request and run the kernel; exit with it."""
    code = 1
    try:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)  # a kernel waits for its own subprocesses
        request = json.loads(connection.makefile("r").readline())
        os.environ.clear()
        os.environ.update(request["env"])
        # ipykernel stops a kernel whose parent goes; this kernel's parent is the zygote, which
        # goes when the build does (a build killed mid-run leaves no kernel behind). The
        # option, not just the variable: ipykernel read the variable when the zygote imported it.
        zygote = str(os.getppid())
        os.environ["JPY_PARENT_PID"] = zygote
        os.chdir(request["cwd"])
        _name_process(f"hs-{request.get('chapter', 'kernel')}")
        sys.argv = ["ipykernel_launcher", *request["argv"], f"--IPKernelApp.parent_handle={zygote}"]
        connection.sendall(f"pid {os.getpid()}\n".encode())
        threading.Thread(target=_exit_when_launcher_goes, args=(connection,), daemon=True).start()
        from ipykernel import kernelapp

        try:
            kernelapp.launch_new_instance()
            code = 0
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
    except BaseException:
        traceback.print_exc()
    finally:
        with contextlib.suppress(BaseException):
            sys.stdout.flush()
            sys.stderr.flush()
            connection.sendall(f"exit {code}\n".encode())
        os._exit(code)


def _name_process(name: str) -> None:
    """Name the forked kernel after its chapter, so `ps -o comm` and `top` show which one it runs."""
    import ctypes
    import ctypes.util

    with contextlib.suppress(Exception):
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        PR_SET_NAME = 15
        libc.prctl(PR_SET_NAME, name.encode()[:15], 0, 0, 0)


def _exit_when_launcher_goes(connection: socket.socket) -> None:
    """The launcher is what jupyter_client watches and kills; a kernel never outlives it."""
    with contextlib.suppress(OSError):
        while connection.recv(1024):
            pass
    os._exit(1)
