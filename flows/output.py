"""Writing records: JSON Lines, a JSON array, or CSV / Parquet tables; to a file or stdout, never
half a file.

A file is written under a temporary name and renamed when complete, so an interrupted run
leaves either the old file or the new one, never a truncated mix. It gets the mode the user's
umask gives a new file (0644 under umask 022), not the private 0600 of a temporary file.

The format follows the output's suffix (``.jsonl``, ``.json``, ``.csv``, ``.parquet``) unless
``--format`` names one; a suffix that says another is an error, never a silent choice. Tables
(CSV, Parquet) are several files: ``-o out.csv`` writes the documents to ``out.csv`` and each
other table beside it (``out.indicators.csv``, ``out.tasks.csv`` ...); ``-o folder`` with a table
format writes ``folder/documents.csv`` and the rest, and so does a file named after a table
(``-o folder/tasks.parquet``: the tasks there, the other tables beside it).
"""

from __future__ import annotations

import csv
import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from flows.tables import TABLES, table_rows
from models import PlanRecord

FORMATS = ("jsonl", "json", "csv", "parquet")
_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv", ".parquet": "parquet"}


class FormatError(ValueError):
    """The output's suffix and the format asked for disagree, or the format is unknown."""


def output_format(output: str, asked: str | None) -> str:
    """The format to write ``output`` in: ``asked`` if given, else the suffix's, else JSON Lines."""
    if asked is not None and asked not in FORMATS:
        raise FormatError(f"unknown format {asked!r}; one of {', '.join(FORMATS)}")
    implied = None if output == "-" else _SUFFIXES.get(Path(output).suffix.lower())
    if asked and implied and asked != implied:
        raise FormatError(f"--format {asked} but the output {output!r} is named as {implied}")
    if output == "-" and asked in ("csv", "parquet"):
        raise FormatError(f"{asked} tables are files: give -o FILE.{asked} or -o FOLDER")
    return asked or implied or "jsonl"


def _file_mode() -> int:
    """The mode a new file gets under the process's umask."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    """Write through ``write(tmp_path)`` and rename: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    try:
        os.chmod(tmp, _file_mode())
        write(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class RecordWriter:
    """Whole records as JSON Lines or one JSON array, to a file (atomically) or stdout."""

    def __init__(self, output: str, fmt: str = "jsonl") -> None:
        self.output = output
        self.fmt = fmt
        self.count = 0
        self._stream: IO[str] | None = None
        self._tmp: str | None = None

    def __enter__(self) -> RecordWriter:
        if self.output == "-":
            self._stream = sys.stdout
        else:
            target = Path(self.output)
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, self._tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
            os.chmod(self._tmp, _file_mode())
            self._stream = os.fdopen(fd, "w", encoding="utf-8")
        if self.fmt == "json":
            self._stream.write("[")
        return self

    def write(self, record: PlanRecord, listing: dict[str, Any] | None = None) -> None:
        self.write_json(record.model_dump_json())

    def write_json(self, line: str) -> None:
        """Write one record given as JSON text on one line."""
        assert self._stream is not None
        if self.fmt == "json":
            self._stream.write(("," if self.count else "") + "\n" + line)
        else:
            self._stream.write(line + "\n")
        self.count += 1

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        assert self._stream is not None
        if self.fmt == "json":
            self._stream.write("\n]\n")
        if self._tmp is None:
            self._stream.flush()
            return
        self._stream.close()
        if exc_type is None:
            os.replace(self._tmp, self.output)
        else:
            os.unlink(self._tmp)


class TableWriter:
    """Records as the tables of ``flows.tables``, CSV or Parquet, written when the run completes."""

    def __init__(self, output: str, fmt: str) -> None:
        self.fmt = fmt
        self.count = 0
        self.paths = table_paths(Path(output), fmt)
        self._rows: dict[str, list[dict]] = {name: [] for name in TABLES}

    def __enter__(self) -> TableWriter:
        return self

    def write(self, record: PlanRecord, listing: dict[str, Any] | None = None) -> None:
        for name, rows in table_rows(record, listing).items():
            self._rows[name].extend(rows)
        self.count += 1

    def write_json(self, line: str) -> None:
        self.write(PlanRecord.model_validate_json(line))

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc_type is not None:
            return
        write = _write_csv if self.fmt == "csv" else _write_parquet
        for name, columns in TABLES.items():
            write(self.paths[name], columns, self._rows[name])


def table_paths(output: Path, fmt: str) -> dict[str, Path]:
    """Where each table goes: ``folder/<table>.csv`` for a folder, or for a file named after a table
    (``out/tasks.parquet``: that table there, the others beside it as ``out/<table>.parquet``);
    else ``out.csv`` holds the documents and ``out.<table>.csv`` each other table."""
    if output.suffix.lower() != f".{fmt}":
        return {name: output / f"{name}.{fmt}" for name in TABLES}
    stem = output.name[: -len(output.suffix)]
    if stem in TABLES:
        return {name: output.with_name(f"{name}.{fmt}") for name in TABLES}
    return {name: output if name == "documents" else output.with_name(f"{stem}.{name}.{fmt}") for name in TABLES}


def record_writer(output: str, fmt: str) -> RecordWriter | TableWriter:
    """The writer for ``fmt`` (see ``output_format``)."""
    return TableWriter(output, fmt) if fmt in ("csv", "parquet") else RecordWriter(output, fmt)


def _write_csv(path: Path, columns: list[tuple[str, str]], rows: list[dict]) -> None:
    lists = [name for name, kind in columns if kind == "list"]

    def cell_rows() -> list[dict]:
        return [row | {name: json.dumps(row[name], ensure_ascii=False) for name in lists} for row in rows]

    def write(tmp: Path) -> None:
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=[name for name, _ in columns])
            writer.writeheader()
            writer.writerows(cell_rows())

    atomic_write(path, write)


def _write_parquet(path: Path, columns: list[tuple[str, str]], rows: list[dict]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"str": pa.string(), "float": pa.float64(), "int": pa.int64(), "list": pa.list_(pa.string())}
    schema = pa.schema([(name, types[kind]) for name, kind in columns])
    table = pa.Table.from_pylist(rows, schema=schema)
    atomic_write(path, lambda tmp: pq.write_table(table, tmp))
