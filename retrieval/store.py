"""One SQLite file holds everything: articles, passages with their analysed terms, the vocabulary.

Passage ids are never reused (AUTOINCREMENT), so they double as the index's document slots.
Each write batch is one transaction: a killed ingest leaves the file as before that batch.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import aiosqlite
import numpy as np

from .model import Article

SCHEMA_VERSION = 1
APPLICATION_ID = 0x4D525344  # "MRSD": tells a Marsad database from any other SQLite file

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles(
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    source TEXT,
    date TEXT,
    url TEXT,
    body TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    added_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_by_hash ON articles(content_hash);
CREATE TABLE IF NOT EXISTS passages(
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    text TEXT NOT NULL,
    terms BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS passages_by_article ON passages(article_id, ordinal);
CREATE TABLE IF NOT EXISTS terms(id INTEGER PRIMARY KEY, term TEXT NOT NULL UNIQUE);
"""


class StoreError(Exception):
    """The database file cannot be used; the message names it."""


@dataclass(frozen=True)
class SourceInfo:
    id: str
    title: str
    source: str | None
    date: dt.date | None
    passages: int

    def to_json(self) -> dict:
        return {"id": self.id, "title": self.title, "source": self.source,
                "date": self.date.isoformat() if self.date else None,
                "passages": self.passages}


@dataclass(frozen=True)
class StoredPassage:
    id: int
    article_id: str
    ordinal: int
    text: str
    title: str
    source: str | None
    date: dt.date | None
    url: str | None


def content_hash(article: Article) -> str:
    """Identity of an article's content, so the same text under another id is not stored twice."""
    h = hashlib.sha256()
    for part in (article.title, article.source or "", article.text):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


def encode_terms(ids: Sequence[int]) -> bytes:
    return np.asarray(ids, dtype="<i4").tobytes()


def decode_terms(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<i4")


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


class Store:
    """Async access to the database file."""

    def __init__(self, path: Path, db: aiosqlite.Connection) -> None:
        self.path = path
        self.db = db

    @classmethod
    async def open(cls, path: str | Path) -> Store:
        path = Path(path)
        existed = path.exists() and path.stat().st_size > 0
        if existed:
            _check_header(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            db = await aiosqlite.connect(path)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open database {path}: {exc}") from None
        store = cls(path, db)
        try:
            await store._init(existed)
        except sqlite3.DatabaseError as exc:
            await db.close()
            raise StoreError(f"{path} is not a usable Marsad database: {exc}") from None
        return store

    async def _init(self, existed: bool) -> None:
        await self.db.execute("PRAGMA foreign_keys = ON")
        if existed:  # check before any PRAGMA that writes: a foreign file stays untouched
            row = await (await self.db.execute("PRAGMA application_id")).fetchone()
            if row[0] != APPLICATION_ID:
                raise StoreError(f"{self.path} is not a Marsad database (another SQLite file)")
            version = await self.meta("schema_version")
            if version != str(SCHEMA_VERSION):
                raise StoreError(
                    f"{self.path} has schema version {version}; this Marsad reads "
                    f"{SCHEMA_VERSION}")
        await self.db.execute("PRAGMA journal_mode = WAL")
        await self.db.execute("PRAGMA synchronous = NORMAL")
        if existed:
            return
        await self.db.executescript(SCHEMA)
        await self.db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        await self.db.execute(
            "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)",
            (str(SCHEMA_VERSION),))
        await self.db.commit()

    async def close(self) -> None:
        await self.db.close()

    async def meta(self, key: str) -> str | None:
        row = await (await self.db.execute("SELECT value FROM meta WHERE key = ?", (key,))
                     ).fetchone()
        return row[0] if row else None

    async def set_meta(self, key: str, value: str) -> None:
        await self.db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                              (key, value))

    # -- reading ------------------------------------------------------------------------
    async def vocabulary(self) -> list[str]:
        rows = await self.db.execute_fetchall("SELECT id, term FROM terms ORDER BY id")
        terms = [""] * (rows[-1][0] + 1 if rows else 0)
        for i, term in rows:
            terms[i] = term
        return terms

    async def all_terms(self) -> tuple[list[int], list[np.ndarray]]:
        rows = await self.db.execute_fetchall("SELECT id, terms FROM passages ORDER BY id")
        return [r[0] for r in rows], [decode_terms(r[1]) for r in rows]

    async def article_state(self, article_id: str) -> tuple[str, list[int], list[np.ndarray]] | None:
        """(content hash, passage ids, passage terms) of a stored article, if any."""
        row = await (await self.db.execute(
            "SELECT content_hash FROM articles WHERE id = ?", (article_id,))).fetchone()
        if row is None:
            return None
        rows = await self.db.execute_fetchall(
            "SELECT id, terms FROM passages WHERE article_id = ? ORDER BY ordinal", (article_id,))
        return row[0], [r[0] for r in rows], [decode_terms(r[1]) for r in rows]

    async def has_content(self, digest: str) -> str | None:
        row = await (await self.db.execute(
            "SELECT id FROM articles WHERE content_hash = ?", (digest,))).fetchone()
        return row[0] if row else None

    async def passages(self, ids: Sequence[int]) -> dict[int, StoredPassage]:
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = await self.db.execute_fetchall(
            "SELECT p.id, p.article_id, p.ordinal, p.text, a.title, a.source, a.date, a.url "
            f"FROM passages p JOIN articles a ON a.id = p.article_id WHERE p.id IN ({marks})",
            list(ids))
        return {r[0]: StoredPassage(r[0], r[1], r[2], r[3], r[4], r[5], _date(r[6]), r[7])
                for r in rows}

    async def sources(self) -> list[SourceInfo]:
        rows = await self.db.execute_fetchall(
            "SELECT a.id, a.title, a.source, a.date, COUNT(p.id) FROM articles a "
            "LEFT JOIN passages p ON p.article_id = a.id GROUP BY a.id ORDER BY a.id")
        return [SourceInfo(r[0], r[1], r[2], _date(r[3]), r[4]) for r in rows]

    async def article(self, article_id: str) -> Article | None:
        row = await (await self.db.execute(
            "SELECT id, title, source, date, url, body FROM articles WHERE id = ?",
            (article_id,))).fetchone()
        if row is None:
            return None
        paragraphs = tuple(p for p in row[5].split("\n\n") if p)
        return Article(row[0], row[1], row[2], _date(row[3]), paragraphs, row[4])

    async def count_articles(self) -> int:
        row = await (await self.db.execute("SELECT COUNT(*) FROM articles")).fetchone()
        return row[0]

    # -- writing (the caller commits) ---------------------------------------------------
    async def add_terms(self, first_id: int, terms: Iterable[str]) -> None:
        await self.db.executemany("INSERT INTO terms(id, term) VALUES (?, ?)",
                                  ((first_id + i, t) for i, t in enumerate(terms)))

    async def delete_article(self, article_id: str) -> None:
        await self.db.execute("DELETE FROM passages WHERE article_id = ?", (article_id,))
        await self.db.execute("DELETE FROM articles WHERE id = ?", (article_id,))

    async def insert_article(self, article: Article, digest: str,
                             passages: Sequence[tuple[str, bytes]]) -> list[int]:
        """Store an article and its passages; returns the new passage ids in order."""
        await self.db.execute(
            "INSERT INTO articles(id, title, source, date, url, body, content_hash, added_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (article.id, article.title, article.source,
             article.date.isoformat() if article.date else None, article.url, article.text,
             digest, dt.datetime.now(dt.UTC).isoformat(timespec="seconds")))
        ids = []
        for ordinal, (text, blob) in enumerate(passages):
            cur = await self.db.execute(
                "INSERT INTO passages(article_id, ordinal, text, terms) VALUES (?, ?, ?, ?)",
                (article.id, ordinal, text, blob))
            ids.append(cur.lastrowid)
        return ids

    async def commit(self) -> None:
        await self.db.commit()

    async def rollback(self) -> None:
        await self.db.rollback()


def _check_header(path: Path) -> None:
    """Refuse a file that is not SQLite before sqlite3 gets a chance to touch it."""
    try:
        with path.open("rb") as f:
            head = f.read(16)
    except OSError as exc:
        raise StoreError(f"cannot read database {path}: {exc.strerror}") from None
    if head != b"SQLite format 3\x00":
        raise StoreError(f"{path} is not a Marsad database (not an SQLite file); "
                         "choose another path with --db")
