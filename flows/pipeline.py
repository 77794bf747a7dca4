"""The Prefect flows: crawl (portal → store), extract (new documents → records), export (records → files)
and pipeline (the three in a row).

Import this module only after ``flows.pipeline_cli.prefect_environment`` has set Prefect's
environment (telemetry off, PREFECT_HOME under the data folder, the API to report to): Prefect
reads it at import. A crawl that lists nothing raises ``NothingListed``, which fails the flow run.
"""

from __future__ import annotations

import os
import sys
from dataclasses import asdict
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

from flows.crawl import crawl
from flows.export import Filters, export_records
from flows.lifeline import watch_parent
from flows.portals import load_profile
from flows.portals.profile import rebased
from flows.store import open_store
from flows.store.extraction import ExtractResult, batches, extract_batch, extraction_jobs, save_results


def task_runner(workers: int, dask_address: str | None = None, dask_workers: int = 0) -> TaskRunner:
    """Where extraction batches run: an existing Dask cluster, a new local one, local processes, or inline."""
    if dask_address or dask_workers:
        from prefect_dask import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": dask_workers, "threads_per_worker": 1, "processes": True})
    if workers > 1:
        # Each worker ends when this process does, even after its kill -9 (flows.lifeline).
        return ProcessPoolTaskRunner(max_workers=workers, initializer=watch_parent, initargs=(os.getpid(),))
    return ThreadPoolTaskRunner(max_workers=1)


def drain() -> None:
    """Send the run logs and events Prefect still holds: a throwaway server is about to stop, and
    what Prefect sends at exit would otherwise fail ("Error logging to API") on the console."""
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    APILogWorker.drain_all(timeout=10)
    EventsWorker.drain_all(timeout=10)


@task(name="extract-batch")
def extract_batch_task(jobs: list) -> list[ExtractResult]:
    return extract_batch(jobs)


@flow(name="kehoach-crawl", log_prints=True)
def crawl_flow(
    profile: str,
    data_dir: str = "kehoach-data",
    store_url: str | None = None,
    base_url: str | None = None,
    refresh: bool = False,
    progress: bool = False,
) -> dict:
    """Fetch a portal's new and changed documents into the store."""
    chosen = load_profile(profile)
    if base_url:
        chosen = rebased(chosen, base_url)
    store = open_store(Path(data_dir), store_url)
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(unit="doc", desc=f"crawl {chosen.name}", file=sys.stderr)
    try:
        summary = crawl(chosen, store, refresh=refresh, on_document=(lambda _: bar.update()) if bar else None)
    finally:
        if bar is not None:
            bar.close()
        store.close()
    logger = get_run_logger()
    for line in summary.lines():
        logger.info(line)
    return {**asdict(summary), "fetched": summary.fetched}


@flow(name="kehoach-extract")
def extract_flow(data_dir: str = "kehoach-data", store_url: str | None = None, batch_size: int = 50) -> dict:
    """Extract a record for every stored document that has none for its current content, in batches."""
    store = open_store(Path(data_dir), store_url)
    try:
        jobs = extraction_jobs(store)
        futures = extract_batch_task.map(batches(jobs, batch_size))
        written, failed = 0, {}
        for future in futures:
            done, errors = save_results(store, future.result())
            written += done
            failed.update(errors)
    finally:
        store.close()
    logger = get_run_logger()
    logger.info("extract: %d documents, %d records written, %d failed", len(jobs), written, len(failed))
    for url, reason in sorted(failed.items()):
        logger.warning("  failed %s: %s", url, reason)
    return {"documents": len(jobs), "written": written, "failed": failed}


@flow(name="kehoach-export")
def export_flow(
    output: str,
    fmt: str = "jsonl",
    data_dir: str = "kehoach-data",
    store_url: str | None = None,
    portal: str | None = None,
    since: str | None = None,
    until: str | None = None,
    issuer: str | None = None,
) -> int:
    """Write the records that pass the filters to ``output``."""
    store = open_store(Path(data_dir), store_url)
    try:
        count = export_records(store, Path(output), fmt, Filters(portal, since, until, issuer))
    finally:
        store.close()
    get_run_logger().info("export: %d records → %s (%s)", count, output, fmt)
    return count


@flow(name="kehoach-pipeline")
def pipeline_flow(
    profile: str,
    data_dir: str = "kehoach-data",
    store_url: str | None = None,
    base_url: str | None = None,
    refresh: bool = False,
    progress: bool = False,
    batch_size: int = 50,
    workers: int = 1,
    dask_address: str | None = None,
    export_path: str | None = None,
    export_format: str = "jsonl",
) -> dict:
    """Crawl, then extract what is new, then (when ``export_path`` is given) export."""
    crawled = crawl_flow(profile, data_dir, store_url, base_url, refresh, progress)
    runner = task_runner(workers, dask_address)
    extracted = extract_flow.with_options(task_runner=runner)(data_dir, store_url, batch_size)
    exported = None
    if export_path:
        exported = export_flow(export_path, export_format, data_dir, store_url, portal=load_profile(profile).name)
    return {"crawl": crawled, "extract": extracted, "exported": exported}
