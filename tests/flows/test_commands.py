"""The crawl and run commands as a user runs them: a crawl that lists nothing is an error, Prefect's
own lines only with --verbose, and no process outlives a ``kill -9`` of the command."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from flows.portals import FIXTURE_SITE

KEHOACH = [sys.executable, "-m", "flows.cli"]
GONE_WITHIN = 10.0  # seconds: the lifeline polls twice a second, a server gets 5 s to stop


def kehoach(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*KEHOACH, *args], env=env, capture_output=True, text=True, timeout=180)


def session(sid: int) -> dict[int, str]:
    """The live processes of session ``sid`` (a command started as a session leader and all it
    started, orphans included): pid → command line."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        state, _ppid, _group, their_session = stat[stat.rindex(")") + 2 :].split()[:4]
        if int(their_session) == sid and state != "Z":
            found[int(entry.name)] = command
    return found


def wait_for(condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def killed_leaves_nothing(command: list[str], env: dict[str, str], started) -> tuple[dict[int, str], dict[int, str]]:
    """Start ``command`` in its own session, ``kill -9`` it once ``started(children)`` holds, and give
    what it had started ``GONE_WITHIN`` seconds to end: the children before the kill and what is left."""
    proc = subprocess.Popen(
        command, env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        assert wait_for(lambda: started({p: c for p, c in session(proc.pid).items() if p != proc.pid}), 120)
        before = {p: c for p, c in session(proc.pid).items() if p != proc.pid}
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        wait_for(lambda: not session(proc.pid), GONE_WITHIN)
        return before, session(proc.pid)
    finally:
        for pid in session(proc.pid):  # whatever a failing run left behind
            os.kill(pid, signal.SIGKILL)


def test_a_crawl_that_lists_nothing_says_so_and_exits_1(prefect_api, start_site, tmp_path) -> None:
    root = tmp_path / "site"
    shutil.copytree(FIXTURE_SITE, root)
    (root / "vbcd" / "index.html").write_text("<html><body><p>Trang đang bảo trì</p></body></html>", encoding="utf-8")
    site = start_site(root)
    env = {**os.environ, "PREFECT_API_URL": prefect_api}
    done = kehoach("crawl", "fixture", "--base-url", site.base_url, "--data", str(tmp_path / "data"), env=env)
    assert done.returncode == 1
    assert done.stderr == (
        "kehoach: crawl fixture: no document listed from its start URLs:"
        f" {site.base_url}/vbcd/index.html (no item matched the listing selectors)\n"
    )


def test_prefect_lines_only_with_verbose(prefect_api, start_site, tmp_path) -> None:
    site = start_site()
    env = {**os.environ, "PREFECT_API_URL": prefect_api}
    args = ("crawl", "fixture", "--base-url", site.base_url, "--data", str(tmp_path), "--no-progress")
    quiet = kehoach(*args, env=env)
    assert quiet.returncode == 0
    assert quiet.stderr.splitlines() == [
        "crawl fixture: 7 documents listed, 7 fetched (7 new, 0 changed), 0 unchanged, 0 failed, 0 refused"
    ]
    verbose = kehoach(*args, "--verbose", env=env)
    assert verbose.returncode == 0
    lines = verbose.stderr.splitlines()
    assert (
        lines[-1] == "crawl fixture: 7 documents listed, 0 fetched (0 new, 0 changed), 7 unchanged, 0 failed, 0 refused"
    )
    assert any("| INFO    | Flow run" in line and "Finished in state Completed()" in line for line in lines)
    assert any("| INFO    | Flow run" in line and "- crawl fixture: 2 listing pages" in line for line in lines)


def test_no_process_outlives_a_killed_crawl(start_site, tmp_path) -> None:
    """``kehoach crawl`` without PREFECT_API_URL starts its own Prefect server: killed with -9 in the
    middle of the crawl, it leaves no process behind."""
    site = start_site(delay=0.3)
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env["PREFECT_HOME"] = str(tmp_path / "prefect")
    command = [*KEHOACH, "crawl", "fixture", "--base-url", site.base_url, "--data", str(tmp_path / "data")]
    before, left = killed_leaves_nothing(command, env, lambda _: any("chi-tiet" in p for p, _ in site.requests))
    assert [c for c in before.values() if "prefect.server.api.server:create_app" in c]  # the server was up
    assert all("flows.lifeline" in c for c in before.values())
    assert left == {}


def test_no_process_outlives_a_killed_run_with_worker_processes(prefect_api, start_site, tmp_path) -> None:
    """``kehoach run --workers 2`` killed with -9 while its extraction processes run leaves none behind."""
    site = start_site()
    env = {**os.environ, "PREFECT_API_URL": prefect_api}
    command = [*KEHOACH, "run", "fixture", "--base-url", site.base_url, "--data", str(tmp_path), "--workers", "2"]
    command += ["--batch-size", "1", "--no-progress"]
    before, left = killed_leaves_nothing(
        command, env, lambda children: sum("spawn_main" in c for c in children.values()) >= 2
    )
    assert sum("spawn_main" in c for c in before.values()) >= 2
    assert left == {}


def test_no_process_outlives_a_killed_extract(tmp_path) -> None:
    """``kehoach extract --workers 2`` killed with -9 while its workers read leaves none behind."""
    scans = tmp_path / "scans"
    scans.mkdir()
    for k in range(4):  # OCR keeps the workers busy for seconds
        shutil.copy(Path(__file__).resolve().parents[2] / "corpus" / "published" / "p09.pdf", scans / f"s{k}.pdf")
    command = [*KEHOACH, "extract", str(scans), "-o", str(tmp_path / "r.jsonl"), "--workers", "2", "--no-progress"]
    before, left = killed_leaves_nothing(command, dict(os.environ), lambda children: len(children) >= 2)
    assert len(before) >= 2
    assert left == {}
