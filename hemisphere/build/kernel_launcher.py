"""Stand in for one kernel process: ask the build's zygote for a forked kernel and mirror it.

Run by jupyter_client in the kernel's place (see zygote.py) as
`python -S kernel_launcher.py ZYGOTE_SOCKET CHAPTER KERNEL_COMMAND...`. Standard library only and
no site packages, so it starts in a few milliseconds. Signals sent to it reach the kernel;
it exits with the kernel's status. If no zygote answers, it becomes the ordinary kernel.
"""

import json
import os
import signal
import socket
import sys

RELAYED_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT, signal.SIGUSR1, signal.SIGUSR2)


def main(argv: list) -> int:
    address, chapter, command = argv[1], argv[2], argv[3:]
    if command[1:3] != ["-m", "ipykernel_launcher"]:
        os.execv(command[0], command)  # not an IPython kernel: nothing the zygote can fork
    reader = None
    try:
        connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        connection.connect(address)
        request = {"argv": command[3:], "env": dict(os.environ), "cwd": os.getcwd(), "chapter": chapter}
        connection.sendall((json.dumps(request) + "\n").encode())
        reader = connection.makefile("rb")
        answer = reader.readline()
    except OSError:
        answer = b""
    if not answer.startswith(b"pid "):
        os.execv(command[0], command)  # no zygote: start the kernel the ordinary way
    kernel = int(answer.split()[1])

    def relay(signum, _frame):
        try:
            os.kill(kernel, signum)
        except ProcessLookupError:
            pass

    for signum in RELAYED_SIGNALS:
        signal.signal(signum, relay)
    code = 1  # a kernel that vanished without saying how it ended died
    for line in reader:  # until the kernel's end closes the connection
        if line.startswith(b"exit "):
            code = int(line.split()[1])
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv))
