"""Extraction of local files: paths → documents → records, one bad file never stopping the rest.

Each document is read in a worker process with a time limit: a pathological file (a
parser stuck in C code, a regular expression gone quadratic) costs its own record and
nothing else; the worker is replaced and the batch goes on.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path

from extractors.record.build import build_record
from flows.ingest import SUFFIXES, IngestError, load
from flows.ingest.detect import looks_like_document
from flows.ingest.limits import Limits
from flows.lifeline import watch_parent
from models import PlanRecord, Source

_SNIFF_BYTES = 4096
_QUEUED = 2  # paths a worker holds at once: the one it reads and the next


@dataclass(frozen=True)
class Failure:
    path: Path
    reason: str


@dataclass(frozen=True)
class Extracted:
    """A record as JSON text (valid against the plan-record schema)."""

    path: Path
    json: str


@dataclass(frozen=True)
class Survey:
    """What the paths given hold: the files to read, in order, and how many files in the folders
    were left out for not being documents (hidden files aside)."""

    files: list[Path]
    skipped: int


def survey(paths: Iterable[Path]) -> Survey:
    """The files to extract: given files as they are (a missing one too: it fails by name), folders
    searched recursively, sorted.

    In a folder, a file is taken for its extension or, lacking a known one, for its first
    bytes (a PDF saved as ``download.aspx``); hidden files and folders are passed over, other
    files that are not documents are counted as skipped.
    """
    files: list[Path] = []
    skipped = 0
    for path in paths:
        if not path.is_dir():
            files.append(path)
            continue
        for found in sorted(p for p in path.rglob("*") if p.is_file()):
            if any(part.startswith(".") for part in found.relative_to(path).parts):
                continue
            if _is_document(found):
                files.append(found)
            else:
                skipped += 1
    return Survey(files, skipped)


def find_documents(paths: Iterable[Path]) -> Iterator[Path]:
    """The files ``survey`` finds."""
    yield from survey(paths).files


def _is_document(path: Path) -> bool:
    if path.suffix.lower() in SUFFIXES:
        return True
    try:
        with path.open("rb") as stream:
            return looks_like_document(stream.read(_SNIFF_BYTES))
    except OSError:
        return False


def extract_file(path: Path, *, with_text: bool = False, uri: str | None = None) -> PlanRecord:
    """The plan record of one file; ``IngestError`` (or any error) when it cannot give one.

    ``uri`` is where the document was published when the file is a copy of it (a crawled page
    stored by its hash): the record's source and id are the document's, not the copy's."""
    loaded = load(path)
    source = Source(
        uri=uri or str(path),
        format=loaded.format,
        sha256=loaded.sha256,
        digital_signatures=loaded.digital_signatures,
        ocr_pages=loaded.ocr_pages,
    )
    record = build_record(loaded.text, source, markdown=loaded.markdown, with_text=with_text)
    if loaded.warnings:
        record.warnings[:0] = loaded.warnings
    return record


def extract_many(
    paths: Iterable[Path], *, with_text: bool = False, limits: Limits | None = None, workers: int = 1
) -> Iterator[PlanRecord | Failure]:
    """Records of every file, in order; a file that fails or overruns the time limit yields a ``Failure``."""
    for result in extract_many_json(paths, with_text=with_text, limits=limits, workers=workers):
        yield PlanRecord.model_validate_json(result.json) if isinstance(result, Extracted) else result


def default_workers() -> int:
    """One worker per core this process may run on."""
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def extract_many_json(
    paths: Iterable[Path], *, with_text: bool = False, limits: Limits | None = None, workers: int = 1
) -> Iterator[Extracted | Failure]:
    """Like ``extract_many``, each record as the JSON text the worker wrote: what a writer needs,
    without parsing it back into a model.

    ``workers`` processes extract side by side, each one document at a time under its own time
    limit; results come back in the order of ``paths`` whichever worker finishes first. Each
    worker holds the next path in its pipe (``_QUEUED``), so it starts on it while its last
    record is being written: a document's clock starts when the one before it ends.
    """
    seconds = (limits or Limits.from_env()).seconds_per_document
    pool = [_Worker(with_text) for _ in range(max(1, workers))]
    pending = _Pending(enumerate(paths))
    queued: dict[_Worker, deque[tuple[int, Path]]] = {worker: deque() for worker in pool}
    deadline: dict[_Worker, float] = {}
    done: dict[int, Extracted | Failure] = {}
    next_out = 0
    try:
        while True:
            for worker in pool:
                while len(queued[worker]) < _QUEUED and (item := pending.next()) is not None:
                    worker.send(item[1])
                    queued[worker].append(item)
                    deadline.setdefault(worker, time.monotonic() + seconds)
            if not deadline:
                break
            ready = wait([w.connection for w in deadline], timeout=max(0.0, min(deadline.values()) - time.monotonic()))
            now = time.monotonic()
            for worker, due in list(deadline.items()):
                if worker.connection not in ready and now < due:
                    continue
                index, path = queued[worker].popleft()
                result = worker.receive(path, seconds, wait=0)
                done[index] = Extracted(path, result) if isinstance(result, str) else result
                del deadline[worker]
                if not worker.running:  # replaced: the paths it held go to the next worker free
                    pending.put_back(queued[worker])
                    queued[worker].clear()
                elif queued[worker]:
                    deadline[worker] = now + seconds
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
    finally:
        for worker in pool:
            worker.stop()


class _Pending:
    """The paths still to send, in order; those a replaced worker held come first."""

    def __init__(self, items: Iterator[tuple[int, Path]]) -> None:
        self._items = items
        self._returned: deque[tuple[int, Path]] = deque()

    def next(self) -> tuple[int, Path] | None:
        return self._returned.popleft() if self._returned else next(self._items, None)

    def put_back(self, items: Iterable[tuple[int, Path]]) -> None:
        self._returned.extendleft(reversed(list(items)))


def _attempt(path: Path, with_text: bool) -> str | Failure:
    try:
        return extract_file(path, with_text=with_text).model_dump_json()
    except IngestError as err:
        return Failure(path, str(err))
    except OSError as err:
        return Failure(path, f"cannot read: {err.strerror or err}")
    except Exception as err:
        return Failure(path, f"{type(err).__name__}: {err}")


def _serve(connection: Connection, with_text: bool, parent: int) -> None:
    """The worker's loop: a path in, a record (as JSON, cheaper to send than a pickle) or a failure out;
    None ends it. It ends too when ``parent`` is gone (``kill -9`` of kehoach): a forked worker
    holds its own copy of the pipe, so it would never see the parent leave."""
    watch_parent(parent)
    while True:
        try:
            path = connection.recv()
        except EOFError:
            return
        if path is None:
            return
        connection.send(_attempt(path, with_text))


class _Worker:
    """A forked process that extracts one document at a time and is replaced when it overruns."""

    def __init__(self, with_text: bool) -> None:
        self._with_text = with_text
        self._process: multiprocessing.process.BaseProcess | None = None
        self._connection: Connection | None = None

    def _start(self) -> Connection:
        context = multiprocessing.get_context("fork")
        parent, child = context.Pipe()
        self._process = context.Process(target=_serve, args=(child, self._with_text, os.getpid()), daemon=True)
        self._process.start()
        child.close()
        self._connection = parent
        return parent

    @property
    def connection(self) -> Connection:
        assert self._connection is not None
        return self._connection

    @property
    def running(self) -> bool:
        """Whether the process is up (it is stopped when it overruns or crashes)."""
        return self._connection is not None

    def send(self, path: Path) -> None:
        (self._connection or self._start()).send(path)

    def receive(self, path: Path, seconds: float, wait: float | None = None) -> str | Failure:
        """The result for ``path``, the document in flight; a ``Failure`` if it overruns ``seconds``
        (waiting ``wait`` more, by default all of them) or crashes."""
        assert self._connection is not None
        try:
            if self._connection.poll(seconds if wait is None else wait):
                return self._connection.recv()
        except (EOFError, OSError):
            if self._process is not None:
                self._process.join(timeout=1)  # the pipe closes before the exit is reaped
            code = self._process.exitcode if self._process else None
            self.stop()
            return Failure(path, f"the reader crashed on this file (exit code {code})")
        self.stop()
        return Failure(path, f"took longer than the time limit of {seconds:g} s per document")

    def stop(self) -> None:
        """End the worker: ask it to exit (a closed pipe is not seen while the fork holds its copy)."""
        if self._connection is not None:
            with contextlib.suppress(OSError):
                self._connection.send(None)
            self._connection.close()
            self._connection = None
        if self._process is not None:
            self._process.join(timeout=1)
            if self._process.is_alive():
                self._process.kill()
                self._process.join()
            self._process = None
