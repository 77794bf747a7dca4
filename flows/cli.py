"""The ``kehoach`` command line."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from flows.extract import Failure, default_workers, extract_many_json, survey
from flows.output import FORMATS, FormatError, output_format, record_writer
from flows.pipeline_cli import COMMANDS


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kehoach")
def main() -> None:
    """kehoach: structured plan records from Vietnamese official documents."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", default="-", show_default=True, help="Output file (a folder for tables), - for stdout.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="jsonl (a record a line), json (one array), csv or parquet (tables) [default: the output's suffix, or jsonl].",
)
@click.option("--with-text", is_flag=True, help="Include the normalized text the spans point into.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on when stderr is a terminal).")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Worker processes [default: one per core].")
def extract(
    paths: tuple[Path, ...], output: str, fmt: str | None, with_text: bool, progress: bool | None, workers: int | None
) -> None:
    """Extract one plan record per document from files and folders (searched recursively).

    A path that cannot be read is named on stderr and the rest go on; the run then exits 1, as
    it does when it finds nothing to read. One summary line ends every run.
    """
    start = time.perf_counter()
    try:
        fmt = output_format(output, fmt)
    except FormatError as err:
        raise click.UsageError(str(err)) from err
    found = survey(paths)
    if not found.files:
        where = ", ".join(map(str, paths))
        click.echo(f"kehoach: no documents to read in {where}", err=True)
        _summary(0, 0, 0, found.skipped, start)
        sys.exit(1)
    show = sys.stderr.isatty() if progress is None else progress
    failed = 0
    with record_writer(output, fmt) as writer:
        results = extract_many_json(found.files, with_text=with_text, workers=workers or default_workers())
        if show:
            from tqdm import tqdm

            results = tqdm(results, total=len(found.files), unit="doc", file=sys.stderr)
        for result in results:
            if isinstance(result, Failure):
                failed += 1
                click.echo(f"kehoach: {result.path}: {result.reason}", err=True)
            else:
                writer.write_json(result.json)
    _summary(len(found.files), writer.count, failed, found.skipped, start)
    if failed:
        sys.exit(1)


def _summary(documents: int, records: int, failed: int, skipped: int, start: float) -> None:
    """The line that ends every run, in one form a script can read whatever happened."""
    seconds = time.perf_counter() - start
    click.echo(
        f"kehoach: {documents} documents, {records} records, {failed} failed, {skipped} skipped,"
        f" {seconds:.1f} s, {documents / seconds:.1f} docs/s",
        err=True,
    )


@main.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path), help="HTML file.")
def show(path: Path, output: Path) -> None:
    """Write a review page of one document: every fact over its text, the record beside it."""
    from extractors.record.display import render_html
    from flows.extract import extract_file

    record = extract_file(path, with_text=True)
    output.write_text(render_html(record, record.text or ""), encoding="utf-8")
    click.echo(f"kehoach: {output}")


@main.command()
def schema() -> None:
    """Print the JSON Schema of the plan record."""
    from models.schema import schema_json

    click.echo(schema_json(), nl=False)


for command in COMMANDS:
    main.add_command(command)

if __name__ == "__main__":
    main()
