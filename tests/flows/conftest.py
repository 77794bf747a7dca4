"""Fixtures of the flow tests: fixture portals served on loopback (optionally faulty) and one
Prefect test server for the whole session."""

from __future__ import annotations

import os
import random
import socket
import struct
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

# Prefect reads its environment when first imported: telemetry off, its home in a temp folder.
os.environ["DO_NOT_TRACK"] = "1"
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ["PREFECT_HOME"] = tempfile.mkdtemp(prefix="kehoach-prefect-")
os.environ["PREFECT_LOGGING_EXTRA_LOGGERS"] = "kehoach"
os.environ["PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW"] = "ignore"  # crawl worker threads log too

from flows.portals import FIXTURE_SITE, Profile, load_profile
from flows.portals.profile import rebased
from flows.portals.site import SiteHandler, base_url, serve_site

FAULTS = ("500", "429", "hang", "reset")


class Site:
    """A served folder and what it was asked."""

    def __init__(self, server, handler: type[SiteHandler]) -> None:
        self.server = server
        self.handler = handler
        self.base_url = base_url(server)

    @property
    def requests(self) -> list[tuple[str, str]]:
        return list(self.handler.log)


def faulty_handler(fault_rate: float, delay: float, hang: float, seed: int) -> type[SiteHandler]:
    """A handler that fails ``fault_rate`` of requests (500, 429 + Retry-After, hang, reset in turn),
    never more than twice in a row for one path, and otherwise serves the folder after ``delay``."""

    class Faulty(SiteHandler):
        log: ClassVar[list[tuple[str, str]]] = []
        rng = random.Random(seed)
        streak: ClassVar[dict[str, int]] = {}
        lock = threading.Lock()

        def do_GET(self) -> None:
            with self.lock:
                fail = self.streak.get(self.path, 0) < 2 and self.rng.random() < fault_rate
                fault = FAULTS[sum(f != "ok" for _, f in self.log) % len(FAULTS)] if fail else None
                self.streak[self.path] = self.streak.get(self.path, 0) + 1 if fail else 0
                self.log.append((self.path, fault or "ok"))
            if fault == "500":
                self.send_error(500)
            elif fault == "429":
                self.send_response(429)
                self.send_header("Retry-After", "1")
                self.send_header("Content-Length", "0")
                self.end_headers()
            elif fault == "hang":
                time.sleep(hang)
                self.close_connection = True
            elif fault == "reset":
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                self.connection.close()
                self.close_connection = True
            elif self.path.startswith("/redirect-out"):
                self.send_response(302)
                self.send_header("Location", "http://evil.example/stolen.html")
                self.send_header("Content-Length", "0")
                self.end_headers()
            else:
                if delay:
                    time.sleep(delay)
                super().do_GET()

        def handle_one_request(self) -> None:
            try:
                super().handle_one_request()
            except OSError:
                self.close_connection = True

    return Faulty


@pytest.fixture
def start_site() -> Iterator:
    """Start a loopback site: ``start_site(root, fault_rate=0.3)``; all stopped after the test."""
    servers = []

    def start(root: Path = FIXTURE_SITE, *, fault_rate: float = 0.0, delay: float = 0.0, seed: int = 7) -> Site:
        handler = faulty_handler(fault_rate, delay, hang=1.5, seed=seed)
        server = serve_site(root, handler=handler)
        servers.append(server)
        return Site(server, handler)

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture
def profile_for():
    """``profile_for(site)``: the fixture profile (or another) pointed at ``site``, with timeouts
    and backoff short enough for tests."""

    def make(site: Site, profile: Profile | None = None) -> Profile:
        chosen = rebased(profile or load_profile("fixture"), site.base_url)
        limits = chosen.limits.model_copy(update={"timeout": 0.5, "backoff": 0.05, "retries": 5, "rate": 200.0})
        return chosen.model_copy(update={"limits": limits})

    return make


@pytest.fixture(scope="session")
def prefect_api() -> Iterator[str]:
    """One Prefect test server for the session; its API URL, for subprocesses."""
    from prefect.settings import PREFECT_API_URL
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield PREFECT_API_URL.value()
