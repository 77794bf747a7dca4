"""The Prefect flows end to end on the fixture portal, on one session-wide Prefect test server."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pandas as pd

from flows.store import open_store
from models.schema import shipped_schema

KEHOACH = [sys.executable, "-m", "flows.cli"]


def records(data: Path) -> dict[str, str]:
    store = open_store(data)
    out = {row["url"]: row["json"] for row in store.catalogue.records()}
    store.close()
    return out


def assert_same_records(first: Path, second: Path) -> None:
    """The two stores hold the same records; only fetched_at (the time of each crawl) may differ."""
    a, b = records(first), records(second)
    assert sorted(a) == sorted(b)
    for url in a:
        ra, rb = json.loads(a[url]), json.loads(b[url])
        ra["source"].pop("fetched_at"), rb["source"].pop("fetched_at")
        assert ra == rb


def test_pipeline_then_export_formats(prefect_api, start_site, tmp_path):
    from flows.pipeline import pipeline_flow

    site = start_site()
    data, out = tmp_path / "data", tmp_path / "out" / "records.jsonl"
    first = pipeline_flow("fixture", str(data), base_url=site.base_url, export_path=str(out))
    assert (first["crawl"]["new"], first["extract"]["written"], first["exported"]) == (7, 7, 7)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    schema = shipped_schema()
    for record in lines:
        jsonschema.validate(record, schema)
    assert {r["source"]["portal"] for r in lines} == {"fixture"}
    assert sorted(r["source"]["uri"] for r in lines) == sorted(records(data))
    assert (out.parent / "plan-record.schema.json").is_file()

    second = pipeline_flow("fixture", str(data), base_url=site.base_url)
    assert (second["crawl"]["fetched"], second["extract"]["documents"]) == (0, 0)

    from flows.pipeline import export_flow

    assert export_flow(str(tmp_path / "pq"), "parquet", str(data)) == 7
    documents = pd.read_parquet(tmp_path / "pq" / "documents.parquet")
    assert len(documents) == 7 and set(documents["portal"]) == {"fixture"}
    for table in ("indicators", "responsibilities", "citations"):
        frame = pd.read_parquet(tmp_path / "pq" / f"{table}.parquet")
        assert set(frame["record_id"]) <= set(documents["record_id"])
    assert export_flow(str(tmp_path / "csv"), "csv", str(data), portal="elsewhere") == 0
    assert pd.read_csv(tmp_path / "csv" / "documents.csv").empty
    assert export_flow(str(tmp_path / "lc.jsonl"), "jsonl", str(data), issuer="lào cai") == 1
    assert export_flow(str(tmp_path / "d.jsonl"), "jsonl", str(data), since="2020-01-01", until="2020-12-31") == 1


def test_extract_on_local_dask_cluster_matches_serial(prefect_api, start_site, tmp_path):
    from flows.pipeline import crawl_flow, extract_flow, task_runner

    site = start_site()
    crawl_flow("fixture", str(tmp_path / "a"), base_url=site.base_url)
    crawl_flow("fixture", str(tmp_path / "b"), base_url=site.base_url)
    serial = extract_flow(str(tmp_path / "a"), batch_size=2)
    dask = extract_flow.with_options(task_runner=task_runner(1, dask_workers=2))(str(tmp_path / "b"), batch_size=2)
    assert serial["written"] == dask["written"] == 7
    assert_same_records(tmp_path / "a", tmp_path / "b")


def test_crawl_killed_mid_run_resumes_to_the_same_store(prefect_api, start_site, tmp_path):
    from test_crawl import stored

    slow = start_site(delay=0.4)
    env = {**os.environ, "PREFECT_API_URL": prefect_api}
    command = [*KEHOACH, "crawl", "fixture", "--base-url", slow.base_url, "--no-progress"]
    data = tmp_path / "killed"
    proc = subprocess.Popen([*command, "--data", str(data)], env=env, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not any("chi-tiet/1002" in p for p, _ in slow.requests):
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)  # mid-run: some documents stored, others not yet
    proc.wait()
    partial = stored(data)
    assert len(partial["documents"]) < 7  # killed before the end
    subprocess.run([*command, "--data", str(data)], env=env, check=True, stderr=subprocess.DEVNULL)
    subprocess.run([*command, "--data", str(tmp_path / "whole")], env=env, check=True, stderr=subprocess.DEVNULL)
    resumed, whole = stored(data), stored(tmp_path / "whole")
    assert [d[1:] for d in resumed["documents"]] == [d[1:] for d in whole["documents"]]
    assert len(resumed["documents"]) == 7
    assert len(resumed["attachments"]) == 4
    assert resumed["files"] == whole["files"]


def test_extract_in_local_processes_matches_serial(prefect_api, start_site, tmp_path):
    from flows.pipeline import crawl_flow, extract_flow, task_runner

    site = start_site()
    crawl_flow("fixture", str(tmp_path / "a"), base_url=site.base_url)
    crawl_flow("fixture", str(tmp_path / "b"), base_url=site.base_url)
    serial = extract_flow(str(tmp_path / "a"), batch_size=2)
    pooled = extract_flow.with_options(task_runner=task_runner(2))(str(tmp_path / "b"), batch_size=2)
    assert serial["written"] == pooled["written"] == 7
    assert_same_records(tmp_path / "a", tmp_path / "b")
