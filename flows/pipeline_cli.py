"""The commands that crawl portals and run the Prefect flows: crawl, run, export, serve, portals, demo.

Prefect is imported inside the commands that run flows (after its environment is set), so
``kehoach extract``, ``kehoach --help`` and these commands' ``--help`` never pay for it.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from flows.crawl.summary import NothingListed
from flows.export import Filters, export_records
from flows.output import FORMATS, FormatError, output_format
from flows.portals import load_profile, profile_names
from flows.prefect_api import ServerError, prefect_api
from flows.store import catalogue_path, open_store

DEFAULT_DATA = "kehoach-data"
DEMO_PORT = 8731

data_option = click.option(
    "--data",
    "data_dir",
    default=DEFAULT_DATA,
    show_default=True,
    envvar="KEHOACH_DATA",
    type=click.Path(file_okay=False, path_type=Path),
    help="Data folder: catalogue, raw files, Prefect home. Nothing is written outside it. [env KEHOACH_DATA]",
)
store_option = click.option(
    "--store",
    "store_url",
    envvar="KEHOACH_STORE",
    help="Catalogue URL (default: sqlite:///DATA/kehoach.sqlite). [env KEHOACH_STORE]",
)
base_url_option = click.option(
    "--base-url", help="Crawl a copy of the portal at this origin (e.g. http://localhost:8731) instead."
)
refresh_option = click.option(
    "--refresh", is_flag=True, help="Ask again (conditional GET) for documents already in the store."
)
progress_option = click.option(
    "--progress/--no-progress", default=None, help="Progress bar (default: on when stderr is a terminal)."
)
verbose_option = click.option(
    "-v",
    "--verbose",
    is_flag=True,
    help="Also show Prefect's own log lines (flow runs, states) and the crawler's warnings.",
)
STARTUP_TIMEOUT = "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"


def prefect_environment(data_dir: Path, verbose: bool = False) -> None:
    """Set Prefect's environment before it is imported: no telemetry (kehoach runs inside government
    networks), its home and database under the data folder, kehoach's own logs in its run logs,
    and, unless ``verbose``, nothing of Prefect's on the console: kehoach prints its own summary.
    Values already set by the user win."""
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    home = Path(os.environ.setdefault("PREFECT_HOME", str((data_dir / "prefect").resolve())))
    home.mkdir(parents=True, exist_ok=True)  # Prefect does not create its home's parents
    os.environ.setdefault("PREFECT_LOGGING_EXTRA_LOGGERS", "kehoach")
    os.environ.setdefault("PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW", "ignore")  # crawl worker threads log too
    # The throwaway server started when no PREFECT_API_URL is set needs more than Prefect's
    # default 20 s on a small machine.
    os.environ.setdefault(STARTUP_TIMEOUT, "90")
    if not verbose:
        # Run logs still reach the Prefect API (and its UI); only the console handler is quiet.
        os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "CRITICAL")


@contextmanager
def prefect_flows(data_dir: Path, verbose: bool) -> Iterator[None]:
    """Prefect ready to run kehoach's flows: its environment set, an API to report to (a throwaway
    server that dies with this process, unless PREFECT_API_URL names one), ``flows.pipeline``
    imported while that server starts. A server that does not start, or a crawl that lists
    nothing, ends the command with its reason and exit code 1."""
    prefect_environment(data_dir, verbose)
    try:
        with prefect_api(Path(os.environ["PREFECT_HOME"]), verbose=verbose) as server:
            pipeline = importlib.import_module("flows.pipeline")
            if server is not None:
                server.wait_ready(float(os.environ[STARTUP_TIMEOUT]))
            try:
                yield
            finally:
                if server is not None:
                    pipeline.drain()
    except (NothingListed, ServerError) as err:
        click.echo(f"kehoach: {err}", err=True)
        sys.exit(1)


def _show(progress: bool | None) -> bool:
    return sys.stderr.isatty() if progress is None else progress


def _check_profile(name: str) -> str:
    try:
        load_profile(name)
    except (FileNotFoundError, ValueError) as err:
        raise click.BadParameter(str(err), param_hint="PROFILE") from None
    return name


def _print_crawl(summary: dict) -> None:
    click.echo(
        f"crawl {summary['portal']}: {summary['documents']} documents listed, {summary['fetched']} fetched"
        f" ({summary['new']} new, {summary['changed']} changed), {summary['unchanged']} unchanged,"
        f" {len(summary['failed'])} failed, {len(summary['refused'])} refused",
        err=True,
    )
    for url, reason in sorted(summary["failed"].items()):
        click.echo(f"  failed  {url}: {reason}", err=True)
    for url, reason in sorted(summary["refused"].items()):
        click.echo(f"  refused {url}: {reason}", err=True)


def _print_extract(summary: dict) -> None:
    click.echo(
        f"extract: {summary['documents']} new documents, {summary['written']} records written,"
        f" {len(summary['failed'])} failed",
        err=True,
    )
    for url, reason in sorted(summary["failed"].items()):
        click.echo(f"  failed  {url}: {reason}", err=True)


@click.command()
def portals() -> None:
    """List the shipped portal profiles (flows/portals/*.toml)."""
    for name in profile_names():
        profile = load_profile(name)
        click.echo(f"{name:16} {profile.kind:18} {profile.cron:14} {profile.title}")
        for url in profile.start_urls:
            click.echo(f"{'':16} {url}")


@click.command()
@click.argument("profile")
@data_option
@store_option
@base_url_option
@refresh_option
@progress_option
@verbose_option
def crawl(
    profile: str, data_dir: Path, store_url: str | None, base_url: str | None, refresh: bool, progress: bool | None,
    verbose: bool,
) -> None:  # fmt: skip
    """Fetch PROFILE's new and changed documents into the store (a Prefect flow).

    PROFILE is a name from `kehoach portals` or a path to a profile file. A crawl whose start
    URLs list no document is an error (exit 1).
    """
    _check_profile(profile)
    with prefect_flows(data_dir, verbose):
        from flows.pipeline import crawl_flow

        summary = crawl_flow(profile, str(data_dir), store_url, base_url, refresh, _show(progress))
    _print_crawl(summary)
    sys.exit(1 if summary["failed"] else 0)


@click.command()
@click.argument("profile")
@data_option
@store_option
@base_url_option
@refresh_option
@progress_option
@click.option("--batch-size", default=50, show_default=True, help="Documents per extraction task.")
@click.option("--workers", default=1, show_default=True, help="Local processes extracting batches in parallel.")
@click.option("--dask", "dask_address", help="Run extraction batches on this Dask scheduler (tcp://HOST:8786).")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Also export the portal's records here.")
@click.option(
    "--format", "fmt", type=click.Choice(FORMATS), default=None, help="[default: the output's suffix, else jsonl]"
)
@verbose_option
def run(
    profile: str,
    data_dir: Path,
    store_url: str | None,
    base_url: str | None,
    refresh: bool,
    progress: bool | None,
    batch_size: int,
    workers: int,
    dask_address: str | None,
    output: Path | None,
    fmt: str,
    verbose: bool,
) -> None:
    """Crawl PROFILE, then extract a record for each new document (the pipeline flow)."""
    _check_profile(profile)
    if output:
        try:
            fmt = output_format(str(output), fmt)
        except FormatError as err:
            raise click.UsageError(str(err)) from err
    with prefect_flows(data_dir, verbose):
        from flows.pipeline import pipeline_flow

        result = pipeline_flow(
            profile, str(data_dir), store_url, base_url, refresh, _show(progress), batch_size, workers,
            dask_address, str(output) if output else None, fmt or "jsonl",
        )  # fmt: skip
    _print_crawl(result["crawl"])
    _print_extract(result["extract"])
    if output:
        click.echo(f"export: {result['exported']} records → {output}", err=True)
    sys.exit(1 if result["crawl"]["failed"] or result["extract"]["failed"] else 0)


@click.command()
@data_option
@store_option
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path), help="File (jsonl, json) or folder.")
@click.option(
    "--format", "fmt", type=click.Choice(FORMATS), default=None, help="[default: the output's suffix, else jsonl]"
)
@click.option("--portal", help="Only this portal's records.")
@click.option("--since", help="Only documents issued on or after this date (YYYY-MM-DD).")
@click.option("--until", help="Only documents issued on or before this date (YYYY-MM-DD).")
@click.option("--issuer", help="Only documents whose issuer contains this text (any case).")
def export(
    data_dir: Path,
    store_url: str | None,
    output: Path,
    fmt: str,
    portal: str | None,
    since: str | None,
    until: str | None,
    issuer: str | None,
) -> None:
    """Write the stored records to files: JSON Lines, a JSON array, or CSV / Parquet tables
    (documents, indicators, responsibilities, citations). The JSON Schema is written beside them.

    Runs without Prefect (it starts in under a second); the same work is the `kehoach-export` flow.
    """
    try:
        fmt = output_format(str(output), fmt)
    except FormatError as err:
        raise click.UsageError(str(err)) from err
    if not catalogue_path(data_dir.resolve(), store_url).is_file():
        click.echo(f"export: no store at {data_dir} (crawl a portal first: kehoach crawl PROFILE)", err=True)
        sys.exit(1)
    store = open_store(data_dir, store_url)
    try:
        count = export_records(store, output, fmt, Filters(portal, since, until, issuer))
    finally:
        store.close()
    click.echo(f"export: {count} records → {output}", err=True)


@click.command()
@click.argument("profiles", nargs=-1, required=True)
@data_option
@store_option
@click.option("--cron", help="Cron schedule for every profile (default: each profile's own `cron`).")
@verbose_option
def serve(profiles: tuple[str, ...], data_dir: Path, store_url: str | None, cron: str | None, verbose: bool) -> None:
    """Register the pipeline (crawl + extract) of each PROFILE with a cron schedule and serve it.

    Start a Prefect server first (`prefect server start`) and point at it with
    PREFECT_API_URL=http://127.0.0.1:4200/api; the runs then show in its UI. Stop with Ctrl-C.
    """
    for name in profiles:
        _check_profile(name)
    with prefect_flows(data_dir, verbose):
        from prefect import serve as prefect_serve

        from flows.pipeline import pipeline_flow

        deployments = []
        for name in profiles:
            schedule = cron or load_profile(name).cron
            deployments.append(
                pipeline_flow.to_deployment(
                    name=f"crawl-{load_profile(name).name}",
                    cron=schedule,
                    parameters={"profile": name, "data_dir": str(data_dir.resolve()), "store_url": store_url},
                )
            )
            click.echo(f"serve: {deployments[-1].name} on cron {schedule!r}; Ctrl-C stops", err=True)
        prefect_serve(*deployments, print_starting_message=verbose)


@click.command()
@data_option
@click.option("--port", default=DEMO_PORT, show_default=True, help="Loopback port of the fixture portal.")
@verbose_option
def demo(data_dir: Path, port: int, verbose: bool) -> None:
    """Serve the bundled fixture portal on 127.0.0.1, run the pipeline on it, export JSON Lines,
    then run again to show that nothing new is fetched."""
    from flows.portals import FIXTURE_SITE
    from flows.portals.site import base_url, serve_site

    server = serve_site(FIXTURE_SITE, port)
    output = data_dir / "export" / "records.jsonl"
    try:
        with prefect_flows(data_dir, verbose):
            from flows.pipeline import pipeline_flow

            for attempt in ("first run", "second run"):
                click.echo(f"== {attempt}", err=True)
                result = pipeline_flow(
                    "fixture", str(data_dir), base_url=base_url(server), progress=_show(None), export_path=str(output)
                )
                _print_crawl(result["crawl"])
                _print_extract(result["extract"])
                click.echo(f"export: {result['exported']} records → {output}", err=True)
    finally:
        server.shutdown()


COMMANDS = (crawl, run, export, serve, portals, demo)
