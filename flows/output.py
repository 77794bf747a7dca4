"""Writing records: JSON Lines or a JSON array, to a file or stdout, never half a file.

A file is written under a temporary name and renamed when complete, so an interrupted run
leaves either the old file or the new one, never a truncated mix.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from types import TracebackType
from typing import IO

from models import PlanRecord


class RecordWriter:
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
            self._stream = os.fdopen(fd, "w", encoding="utf-8")
        if self.fmt == "json":
            self._stream.write("[")
        return self

    def write(self, record: PlanRecord) -> None:
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
