"""The Prefect API the flows report to: the user's server (``PREFECT_API_URL``), else a throwaway one.

Prefect 3 cannot run a flow without an API. Left to itself it starts a temporary server in a
subprocess that a ``kill -9`` of kehoach leaves running as an orphan. kehoach starts that server
itself instead, the way Prefect does (uvicorn on the API app factory, UI off, ephemeral
services), but under ``flows.lifeline``, so that it ends when kehoach ends however kehoach ends.

The server starts before Prefect is imported (Prefect reads ``PREFECT_API_URL`` at import) and
comes up while the command imports Prefect, which is where most of the start-up time goes.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# What Prefect's own temporary server sets: no UI, the lighter set of services of an ephemeral server.
SERVER_ENV = {"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"}
STOP_SECONDS = 10.0


class ServerError(RuntimeError):
    """The throwaway server did not come up; the message carries the end of its log."""


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ThrowawayServer:
    """A Prefect API server on loopback that lives as long as this process and no longer."""

    def __init__(self, log: Path, *, verbose: bool = False) -> None:
        self.log = log
        self.port = _free_port()
        self.api_url = f"http://127.0.0.1:{self.port}/api"
        command = [sys.executable, "-m", "flows.lifeline", str(os.getpid()), "uvicorn", "--factory"]
        command += ["prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(self.port)]
        command += ["--log-level", "info" if verbose else "error", "--lifespan", "on"]
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("wb") as out:
            self.process = subprocess.Popen(
                command,
                env={**os.environ, **SERVER_ENV},
                stdin=subprocess.DEVNULL,
                stdout=None if verbose else out,
                stderr=None if verbose else subprocess.STDOUT,
            )

    def wait_ready(self, timeout: float) -> None:
        """Return once the API answers; ``ServerError`` if the server exits or stays silent."""
        import httpx  # here: the commands that never start a server (extract) do not pay for it

        deadline = time.monotonic() + timeout
        with httpx.Client(trust_env=False, timeout=2.0) as client:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    raise ServerError(f"the Prefect server exited with code {self.process.returncode}: {self._tail()}")
                try:
                    if client.get(f"{self.api_url}/health").status_code == 200:
                        return
                except httpx.TransportError:
                    pass
                time.sleep(0.2)
        raise ServerError(f"the Prefect server did not answer within {timeout:g} s: {self._tail()}")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(STOP_SECONDS)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def _tail(self, lines: int = 20) -> str:
        text = self.log.read_text(encoding="utf-8", errors="replace") if self.log.is_file() else ""
        return "\n".join(text.splitlines()[-lines:]) or f"nothing in {self.log}"


@contextmanager
def prefect_api(home: Path, *, verbose: bool = False) -> Iterator[ThrowawayServer | None]:
    """Point Prefect at an API for the duration: the user's when ``PREFECT_API_URL`` is set (None is
    yielded), else a throwaway server started now, logging to ``server.log`` in Prefect's ``home``.

    Call ``wait_ready`` on the server before running a flow; import Prefect in between."""
    if os.environ.get("PREFECT_API_URL"):
        yield None
        return
    server = ThrowawayServer(home / "server.log", verbose=verbose)
    os.environ["PREFECT_API_URL"] = server.api_url
    try:
        yield server
    finally:
        del os.environ["PREFECT_API_URL"]
        server.stop()
