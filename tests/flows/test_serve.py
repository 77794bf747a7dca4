"""`kehoach serve` registers each profile's pipeline with its cron schedule on the Prefect server."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from pathlib import Path

SERVE_TIMEOUT = 90


async def _deployment_crons(name: str) -> list[str]:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.sorting import DeploymentSort

    async with get_client() as client:
        deployments = await client.read_deployments(limit=50, sort=DeploymentSort.NAME_ASC)
        return [
            schedule.schedule.cron
            for deployment in deployments
            if deployment.name == name
            for schedule in deployment.schedules
        ]


def test_serve_registers_the_profile_schedule(prefect_api: str, tmp_path: Path) -> None:
    env = {**os.environ, "PREFECT_API_URL": prefect_api, "DO_NOT_TRACK": "1"}
    command = [sys.executable, "-m", "flows.cli", "serve", "fixture", "--data", str(tmp_path / "data")]
    command += ["--cron", "15 6 * * *"]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + SERVE_TIMEOUT
        crons: list[str] = []
        while time.monotonic() < deadline and not crons:
            assert process.poll() is None, process.stderr.read().decode(errors="replace")[-2000:]
            time.sleep(1)
            crons = asyncio.run(_deployment_crons("crawl-fixture"))
        assert crons == ["15 6 * * *"]
    finally:
        process.terminate()
        process.wait(timeout=30)
