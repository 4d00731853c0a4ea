"""One writer per database at a time, across processes (`marsad ingest`, `remove`, `follow`).

An engine keeps the vocabulary's term ids in memory and gives new terms the next ids; two
processes writing at once gave the same ids to different terms, and the slower one failed
with "UNIQUE constraint failed: terms.id" (reported as a damaged database). A writer takes
`<db>.lock` (filelock: flock on Unix, msvcrt on Windows; released when the process dies,
even by SIGKILL), and opens its engine only once it holds it, so it sees what the writer
before it stored. Readers (`ask`, the console, the bot's answers) never wait for it.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
from collections.abc import AsyncIterator
from pathlib import Path

from filelock import FileLock, Timeout

from retrieval.store import StoreError, why_unwritable

POLL_SECONDS = 0.2  # how often a waiting writer tries again (Ctrl-C stops the wait at once)


def lock_path(db_path: Path) -> Path:
    """The lock file beside the database: `news.db` → `news.db.lock`."""
    return db_path.with_name(db_path.name + ".lock")


def _can_make(path: Path) -> None:
    """Open (making it if need be) the lock file, raising the OSError filelock would hide:
    it reports a lock file it cannot create (`/proc/x.db.lock`, ENOENT) as held by another
    process, and the writer waited for it forever."""
    os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o644))


def _why_no_lock(db_path: Path, error: OSError) -> str:
    """Why no writer lock can be made, in the reader's terms: "No such file or directory"
    for `/proc/x.db`, whose folder exists, says nothing a user can act on."""
    lock = lock_path(db_path)
    if isinstance(error, IsADirectoryError):
        return f"{lock} is a folder, where its lock file should be"
    if isinstance(error, FileNotFoundError) and lock.parent.is_dir():
        return f"no file can be made in {lock.parent}"
    return why_unwritable(db_path, error)


@contextlib.asynccontextmanager
async def one_writer(db_path: Path) -> AsyncIterator[None]:
    """Hold the database's writer lock for the block; when another process holds it, say
    so on stderr once and wait for it. StoreError, naming the database, when its folder or
    the lock file cannot be created (a folder the user may not write, e.g. /var/lib/marsad
    without sudo: the message, not filelock's traceback)."""
    lock = FileLock(lock_path(db_path), thread_local=False)
    told = False
    while True:
        try:
            db_path.parent.mkdir(parents=True, exist_ok=True)
            _can_make(lock_path(db_path))
            lock.acquire(timeout=0)
            break
        except Timeout:  # first: filelock's Timeout is an OSError too (TimeoutError)
            if not told:
                print(f"marsad: another marsad process is writing to {db_path}; waiting for "
                      "it to finish…", file=sys.stderr, flush=True)
                told = True
            await asyncio.sleep(POLL_SECONDS)
        except OSError as exc:
            raise StoreError(f"cannot write to the database {db_path}: "
                             f"{_why_no_lock(db_path, exc)}; choose a folder you can write "
                             "with --db") from None
    try:
        yield
    finally:
        lock.release()
