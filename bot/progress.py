"""Ingest progress on a terminal: articles done out of the articles given, from the start."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TextIO

from retrieval.articles import folder_files  # the files ingest reads, kept in step

CHUNK = 1 << 20
# A JSONL file bigger than this is not read through before the bar shows: its line count is
# estimated from its size and the lines of its first SAMPLE bytes (the bar's total grows
# if the estimate falls short).
COUNT_LIMIT = 256 << 20
SAMPLE = 8 << 20


def count_articles(paths: Iterable[Path]) -> int:
    """How many articles `paths` hold, as ingest will walk them: a JSONL file's lines, one
    for any other article file (a missing path counts one: it is reported as one). Reads
    JSONL files as bytes, counting newlines, never parsing; a huge one is estimated."""
    return sum(_articles_in(p) for p in _files(paths))


def _files(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from (f for f in folder_files(path) if isinstance(f, Path) and f.is_file())
        else:
            yield path


def _articles_in(path: Path) -> int:
    if path.suffix.lower() != ".jsonl":
        return 1
    lines, last, seen = 0, b"\n", 0
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            while chunk := f.read(CHUNK):
                lines += chunk.count(b"\n")
                last = chunk[-1:]
                seen += len(chunk)
                if size > COUNT_LIMIT and seen >= SAMPLE:
                    return max(1, round(lines * size / seen))
    except OSError:
        return 1
    return lines + (last != b"\n")


def _width(stream: TextIO) -> int:
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError, AttributeError):
        return 0


class IngestProgress:
    """A tqdm bar of articles against `total` on `stream` (stderr), shown only when the
    stream is a terminal; redrawn every second so the elapsed time and rate never freeze
    while a batch is being written. Use as a context manager; `update` is the engine's
    `progress(articles, passages)` callback."""

    def __init__(self, total: int, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.bar = None
        self._stop = threading.Event()
        if not self.stream.isatty():
            return
        from tqdm import tqdm

        # a terminal that reports no size (0×0, as a fresh pty) still gets the bar: tqdm
        # would take it as 0 columns and hide a bar below row -1
        sized = _width(self.stream) > 0
        self.bar = tqdm(total=total, unit=" articles", file=self.stream, smoothing=0.1,
                        ncols=None if sized else 100, nrows=None if sized else 24,
                        postfix="0 passages")
        threading.Thread(target=self._tick, daemon=True).start()

    def _tick(self) -> None:
        while not self._stop.wait(1.0):
            self.bar.refresh()

    def update(self, articles: int, passages: int) -> None:
        if self.bar is None:
            return
        self.bar.total = max(self.bar.total or 0, articles)
        self.bar.n = articles
        self.bar.set_postfix_str(f"{passages:,} passages", refresh=True)

    @property
    def callback(self) -> Callable[[int, int], None] | None:
        return self.update if self.bar is not None else None

    def __enter__(self) -> IngestProgress:
        return self

    def __exit__(self, exc_type: object, *rest: object) -> None:
        self._stop.set()
        if self.bar is None:
            return
        if exc_type is None:  # done: skipped articles were never counted as written
            self.bar.n = self.bar.total
            self.bar.refresh()
        self.bar.close()
