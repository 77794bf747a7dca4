"""Child processes that end with the kehoach process that started them, even after its ``kill -9``.

A process killed with SIGKILL stops nothing it started: its children are adopted by init and
live on (a throwaway Prefect server would hold its port and database for good). So each child
watches its parent itself: a daemon thread polls ``os.getppid()`` and, once the parent is gone,
sends SIGTERM to its own process (a server shuts down cleanly), then exits after a grace period.

Polling the parent's pid is used rather than PR_SET_PDEATHSIG, which fires when the *thread*
that started the child ends (Prefect starts processes from worker threads) and is Linux-only.

``python -m flows.lifeline PARENT_PID MODULE ARGS...`` runs ``python -m MODULE ARGS...`` under
such a watch: the way to bind a program kehoach does not own, such as uvicorn, to kehoach.
"""

from __future__ import annotations

import os
import runpy
import signal
import sys
import threading
import time

POLL_SECONDS = 0.5
GRACE_SECONDS = 5.0


def watch_parent(parent: int) -> None:
    """End this process soon after process ``parent`` (its parent when started) is gone.

    ``parent`` is passed in, not read here: a parent killed before this runs would otherwise be
    missed, its pid already replaced by init's."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(POLL_SECONDS)
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(GRACE_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="kehoach-lifeline", daemon=True).start()


def main(argv: list[str]) -> None:
    parent, module, *args = argv
    watch_parent(int(parent))
    sys.argv = [module, *args]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main(sys.argv[1:])
