"""The ``kehoach`` command line."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from flows.extract import Failure, default_workers, extract_many_json, find_documents
from flows.output import RecordWriter
from flows.pipeline_cli import COMMANDS


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kehoach")
def main() -> None:
    """kehoach: structured plan records from Vietnamese official documents."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", default="-", show_default=True, help="Output file, or - for stdout.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "json"]),
    default="jsonl",
    show_default=True,
    help="JSON Lines (one record per line) or one JSON array.",
)
@click.option("--with-text", is_flag=True, help="Include the normalized text the spans point into.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on when stderr is a terminal).")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Worker processes [default: one per core].")
def extract(
    paths: tuple[Path, ...], output: str, fmt: str, with_text: bool, progress: bool | None, workers: int | None
) -> None:
    """Extract one plan record per document from files and folders (searched recursively)."""
    files = list(find_documents(paths))
    show = sys.stderr.isatty() if progress is None else progress
    failed = 0
    with RecordWriter(output, fmt) as writer:
        results = extract_many_json(files, with_text=with_text, workers=workers or default_workers())
        if show:
            from tqdm import tqdm

            results = tqdm(results, total=len(files), unit="doc", file=sys.stderr)
        for result in results:
            if isinstance(result, Failure):
                failed += 1
                click.echo(f"kehoach: {result.path}: {result.reason}", err=True)
            else:
                writer.write_json(result.json)
    if failed:
        click.echo(f"kehoach: {failed} of {len(files)} documents failed", err=True)
        sys.exit(1)


@main.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path), help="HTML file.")
def show(path: Path, output: Path) -> None:
    """Draw the facts of one document over its text (displaCy), to check every span by eye."""
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
