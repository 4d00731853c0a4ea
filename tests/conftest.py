"""Shared fixtures: the bundled seeds, the committed evaluation sets, an open engine."""

from __future__ import annotations

import asyncio
import os
import shutil
from pathlib import Path

import pytest

from bot.seeds import seeds_dir as bundled_seeds
from retrieval.engine import Marsad

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The five bundled articles (read only: copy before changing anything)."""
    path = bundled_seeds()
    assert len(list(path.glob("*.txt"))) == 5, f"expected five seed articles in {path}"
    return path


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """tests/data: evaluation sets committed with the project (ARCD train split, seed questions)."""
    return DATA


@pytest.fixture
def seeds_copy(seeds_dir: Path, tmp_path: Path) -> Path:
    """A private copy of the seeds that a test may move or delete."""
    return Path(shutil.copytree(seeds_dir, tmp_path / "seeds"))


@pytest.fixture
async def engine(seeds_copy: Path, tmp_path: Path):
    """Marsad over a fresh database in tmp_path holding the seeds (a copy of the file the
    first ingest of the seeds made in this process: the same bytes, without ingesting again)."""
    db = await seed_db(tmp_path / "marsad.db", seeds_copy)
    marsad = await Marsad.open(db, seeds=seeds_copy)
    try:
        yield marsad
    finally:
        await marsad.close()


@pytest.fixture
async def engine_over(tmp_path: Path):
    """`await engine_over(articles)`: Marsad over a fresh database holding `articles` (an
    invented corpus), closed when the test ends."""
    opened: list[Marsad] = []

    async def open_over(articles) -> Marsad:
        engine = await Marsad.open(tmp_path / f"corpus-{len(opened)}.db")
        opened.append(engine)
        await engine.ingest(list(articles))
        return engine

    try:
        yield open_over
    finally:
        for engine in opened:
            await engine.close()


_BUILT: dict[tuple[tuple[str, int, int], ...], bytes] = {}


def _signature(seeds: Path) -> tuple[tuple[str, int, int], ...]:
    """What a database built from `seeds` depends on: each seed file's name, size and bytes
    (articles are stored by file name, never by folder)."""
    return tuple((p.name, p.stat().st_size, hash(p.read_bytes()))
                 for p in sorted(seeds.glob("*.txt")))


async def seed_db(db: Path, seeds: Path) -> Path:
    """`db` holding the seeds. Ingesting them is the costliest setup of the suite and
    hundreds of tests need the same result, so the first ingest per seed contents in this
    process is kept and later databases are copies of its bytes (SQLite folds its WAL into
    the file when the last connection closes)."""
    key = _signature(seeds)
    if key in _BUILT:
        db.write_bytes(_BUILT[key])
        return db
    async with await Marsad.open(db, seeds=seeds):
        pass
    assert not Path(f"{db}-wal").exists(), "the seeded database was left open"
    _BUILT[key] = db.read_bytes()
    return db


def build_seeded_db(db: Path, seeds: Path) -> Path:
    """A database file built from the seeds, for tests that need one outside an event loop."""
    return asyncio.run(seed_db(db, seeds))


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory, seeds_dir: Path) -> Path:
    """The seeds in a database of their own, built once per test module."""
    return build_seeded_db(tmp_path_factory.mktemp("seeded") / "marsad.db", seeds_dir)


@pytest.fixture
async def seeded(seeded_db: Path):
    """An engine open on the module's seeded database (read-only use)."""
    async with await Marsad.open(seeded_db) as engine:
        yield engine


@pytest.fixture
def in_process(tmp_path, monkeypatch):
    """`marsad` run in this process (fast) for more mistakes: main() must return, not raise."""
    from bot.cli import main

    monkeypatch.chdir(tmp_path)
    for name in [k for k in os.environ if k.startswith("MARSAD_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("MARSAD_STORAGE_DB", str(tmp_path / "m.db"))
    return main
