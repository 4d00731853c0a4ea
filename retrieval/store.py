"""One SQLite file holds everything: articles, passages with their analysed terms, the vocabulary.

Passage ids are never reused (AUTOINCREMENT), so they double as the index's document slots.
Each write batch is one transaction: a killed ingest leaves the file as before that batch.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import sqlite3
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path

import aiosqlite
import numpy as np

from .index import Segment
from .model import Article
from .outlet_identity import one_name_per_outlet
from .variants import VariantPart

SCHEMA_VERSION = 6
# Versions this Marsad opens, and brings to SCHEMA_VERSION on open: 1 lacks the
# corroborations and feedback tables, 1 and 2 index the whole content hash (3 a prefix of
# it, and may store an article's body as '' when its passages are its paragraphs), 1-3 lack
# the stored spelling-variant map (built from the vocabulary on open), 1-4 lack each
# passage's answer-time details (`PASSAGE_DETAILS`: filled once on open, meta
# `details_pending`). A newer version is refused.
READABLE_VERSIONS = ("1", "2", "3", "4", "5", "6")
# PASSAGE_DETAILS: what the answer path reads with each passage besides its text and term
# ids, computed at ingest so no answer re-analyses a candidate: `words`, its word forms as
# the rerank matches them (rerank.word_forms), `title_terms`, how many of its terms are its
# title's, `furniture`, whether it is page furniture (kinds.is_furniture). NULL in a row
# an older Marsad wrote, until filled.
# What made the stored passages and their term ids: bump it whenever analysis
# (analysis.py), passage cutting (passages.py, kinds.py) or anything stored per passage
# changes, so databases made before are re-analysed from their articles on open.
ANALYSIS_VERSION = "2026-12-02.para21"  # «ضد» is indexed now
HASH_PREFIX = 10  # hex digits of the content hash indexed: enough to find, small to write
PAGE_SIZE = 16384
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
    added_at TEXT NOT NULL,
    agency TEXT
);
CREATE TABLE IF NOT EXISTS passages(
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    text TEXT NOT NULL,
    terms BLOB NOT NULL,
    words TEXT,
    title_terms INTEGER,
    furniture INTEGER
);
CREATE INDEX IF NOT EXISTS passages_by_article ON passages(article_id, ordinal);
-- Each term once: the one writer numbers them (engine.vocab); no UNIQUE index on the text,
-- which an ingest's new terms would update at random places in every batch (100k passages:
-- 0.4 s of CPU, ~1 s of writes in the WAL). Nothing looks a term up by its text.
CREATE TABLE IF NOT EXISTS terms(id INTEGER PRIMARY KEY, term TEXT NOT NULL);
"""
# Content hashes are random: an index on all 64 hex digits has a batch's inserts dirty
# most of its pages, rewritten at every commit. A short prefix finds the candidates.
HASH_INDEX = f"""
DROP INDEX IF EXISTS articles_by_hash;
CREATE INDEX IF NOT EXISTS articles_by_hash_prefix
    ON articles(substr(content_hash, 1, {HASH_PREFIX}));
"""

# The BM25 index as it was last saved: its segments' arrays as little-endian blobs, the
# passages removed since those segments were written (a trigger records every delete, in
# the deleting transaction, whoever deletes), and
# in meta 'index_covers' the highest passage id the segments account for. Passages are the
# source of truth: a stale or missing snapshot is caught up from their term blobs on open.
INDEX_SCHEMA = """
CREATE TABLE IF NOT EXISTS index_segments(
    key INTEGER PRIMARY KEY,
    tf_type TEXT NOT NULL,
    slots BLOB NOT NULL,
    lengths BLOB NOT NULL,
    terms BLOB NOT NULL,
    indptr BLOB NOT NULL,
    doc_ids BLOB NOT NULL,
    tfs BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS index_dead(slot INTEGER PRIMARY KEY);
CREATE TRIGGER IF NOT EXISTS passages_removed AFTER DELETE ON passages BEGIN
    INSERT OR IGNORE INTO index_dead(slot) VALUES (old.id);
END;
"""

# The spelling-variant map of the vocabulary (variants.VariantPart), one row per part of
# consecutive term ids: what every open would otherwise rebuild from all the terms. Derived
# from the terms table: the terms no part covers yet (an older Marsad, a killed ingest) are
# mapped and saved on open; a part that does not hang together is damage, refused as such.
VARIANTS_SCHEMA = """
CREATE TABLE IF NOT EXISTS variant_parts(
    first INTEGER PRIMARY KEY,
    size INTEGER NOT NULL,
    skeletons TEXT NOT NULL,
    skeleton_ids BLOB NOT NULL,
    grams BLOB NOT NULL,
    indptr BLOB NOT NULL,
    gram_ids BLOB NOT NULL,
    lengths BLOB NOT NULL
);
"""

# Statements two passages share (retrieval/corroborate.py): sentence `sentence` of `passage`
# says what `other_sentence` of `other` says; stored once per pair, passage < other. Gone with
# either passage. meta 'corroborated_upto': the highest passage id already compared.
# Feedback from Telegram readers: one row per (chat, answer message, user), updated on a
# second press.
COVERAGE_SCHEMA = """
CREATE TABLE IF NOT EXISTS corroborations(
    passage INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
    sentence INTEGER NOT NULL,
    other INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
    other_sentence INTEGER NOT NULL,
    score REAL NOT NULL,
    PRIMARY KEY (passage, sentence, other, other_sentence)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS corroborations_by_other ON corroborations(other, other_sentence);
CREATE TABLE IF NOT EXISTS feedback(
    chat_id INTEGER NOT NULL,
    message_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    question TEXT NOT NULL,
    passage_id INTEGER,
    article_id TEXT,
    passage TEXT,
    rating INTEGER NOT NULL CHECK (rating IN (-1, 1)),
    at TEXT NOT NULL,
    PRIMARY KEY (chat_id, message_id, user_id)
);
"""


class StoreError(Exception):
    """The database file cannot be used; the message names it."""


def why_unwritable(path: Path, error: Exception) -> str:
    """Why the database at `path` cannot be made, in the reader's terms: a file standing
    where its folder should be says so, rather than "File exists"."""
    if isinstance(error, (FileExistsError, NotADirectoryError)):
        folder = next((p for p in path.parents if p.exists()), path.parent)
        return f"{folder} is a file, not a folder"
    return (error.strerror or str(error)) if isinstance(error, OSError) else str(error)


@dataclass(frozen=True)
class SourceInfo:
    id: str
    title: str
    source: str | None
    date: dt.date | None
    passages: int
    url: str | None = None

    def to_json(self) -> dict:
        return {"id": self.id, "title": self.title, "source": self.source,
                "date": self.date.isoformat() if self.date else None,
                "url": self.url, "passages": self.passages}


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
    # the term ids analysed at ingest, the title's first (read with the row: the answer
    # path ranks and groups from these, never re-analysing the text)
    terms: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32), compare=False,
                              repr=False)
    # PASSAGE_DETAILS as stored (None: a row an older Marsad wrote, not filled yet)
    words: str | None = field(default=None, compare=False, repr=False)
    title_terms: int | None = field(default=None, compare=False, repr=False)
    furniture: bool | None = field(default=None, compare=False, repr=False)
    agency: str | None = field(default=None, compare=False, repr=False)  # its article's


def is_busy(exc: sqlite3.Error) -> bool:
    """SQLite gave up waiting for another connection's write lock (not damage)."""
    return isinstance(exc, sqlite3.OperationalError) and (
        "locked" in str(exc) or "busy" in str(exc))


def busy_error(path: str | Path) -> StoreError:
    return StoreError(f"{path} is busy: another Marsad is writing to it (an ingest, or the "
                      "one-time re-analysis after an upgrade); try again when it has finished")


def content_hash(article: Article) -> str:
    """Identity of an article's content, so the same text under another id is not stored
    twice; salted with ANALYSIS_VERSION, so an article stored by another version reads as
    changed and is analysed again exactly once (ingest.reanalyse)."""
    h = hashlib.sha256(f"{ANALYSIS_VERSION}\0".encode())
    for part in (article.title, article.source or "", article.text):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


def decode_terms(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<i4")


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


class Store:
    """Async access to the database file."""

    def __init__(self, path: Path, db: aiosqlite.Connection) -> None:
        self.path = path
        self.db = db
        self._reader: sqlite3.Connection | None = None  # see `read`
        self._reader_lock = threading.Lock()

    @classmethod
    async def open(cls, path: str | Path) -> Store:
        path = Path(path)
        existed = path.exists() and path.stat().st_size > 0
        if existed:
            _check_header(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # tried here first: when aiosqlite's own connect fails, its thread outlives the
            # event loop and prints a traceback under the message below
            sqlite3.connect(path).close()
            db = await aiosqlite.connect(path)
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"cannot open database {path}: {why_unwritable(path, exc)}; "
                             "choose a folder you can write with --db") from None
        store = cls(path, db)
        try:
            await store._init(existed)
        except sqlite3.DatabaseError as exc:
            await db.close()
            if is_busy(exc):
                raise busy_error(path) from None
            raise StoreError(f"{path} is not a usable Marsad database: {exc}") from None
        except BaseException:  # e.g. StoreError for another program's database
            await db.close()
            raise
        return store

    async def _init(self, existed: bool) -> None:
        await self.db.execute("PRAGMA foreign_keys = ON")
        if existed:  # check before any PRAGMA that writes: a foreign file stays untouched
            row = await (await self.db.execute("PRAGMA application_id")).fetchone()
            if row[0] != APPLICATION_ID:
                raise StoreError(f"{self.path} is not a Marsad database (another SQLite file)")
            version = await self.meta("schema_version")
            if version not in READABLE_VERSIONS:
                raise StoreError(
                    f"{self.path} has schema version {version}; this Marsad reads "
                    f"{SCHEMA_VERSION}")
        if not existed:  # before the first table: 16 KB pages write a bulk ingest in a
            # quarter of the system calls (an existing file keeps its page size)
            await self.db.execute(f"PRAGMA page_size = {PAGE_SIZE}")
        await self.db.execute("PRAGMA journal_mode = WAL")
        await self.db.execute("PRAGMA synchronous = NORMAL")
        await self.db.execute("PRAGMA cache_size = -65536")  # 64 MB: faster bulk ingest
        if existed:
            if await self.meta("schema_version") != str(SCHEMA_VERSION):
                # older databases gain the snapshot and coverage tables, the prefix index
                await self.db.executescript(INDEX_SCHEMA + COVERAGE_SCHEMA + VARIANTS_SCHEMA
                                            + HASH_INDEX)
                await self._add_detail_columns()
                await self.set_meta("schema_version", str(SCHEMA_VERSION))
                await self.db.commit()
            return
        await self.db.executescript(SCHEMA + INDEX_SCHEMA + COVERAGE_SCHEMA + VARIANTS_SCHEMA
                                    + HASH_INDEX)
        await self.db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        await self.db.executemany(
            "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
            [("schema_version", str(SCHEMA_VERSION)), ("analysis_version", ANALYSIS_VERSION)])
        await self.db.commit()

    async def _add_detail_columns(self) -> None:
        """PASSAGE_DETAILS columns for a database made before them, left NULL and marked
        to be filled (engine.open fills them: ingest.fill_details; marked whatever was
        missing, as a migration killed halfway may have added the columns already)."""
        have = {r[1] for r in await self.db.execute_fetchall("PRAGMA table_info(passages)")}
        if "words" not in have:
            await self.db.execute("ALTER TABLE passages ADD COLUMN words TEXT")
        if "title_terms" not in have:
            await self.db.execute("ALTER TABLE passages ADD COLUMN title_terms INTEGER")
        if "furniture" not in have:
            await self.db.execute("ALTER TABLE passages ADD COLUMN furniture INTEGER")
        if "agency" not in {r[1] for r in await self.db.execute_fetchall(
                "PRAGMA table_info(articles)")}:  # schema 6: the agency its dateline credits
            await self.db.execute("ALTER TABLE articles ADD COLUMN agency TEXT")
        await self.set_meta("details_pending", "1")

    async def close(self) -> None:
        with self._reader_lock:
            if self._reader is not None:
                self._reader.close()
                self._reader = None
        await self.db.close()

    def fetch(self, sql: str, params: Sequence[object] = ()) -> list[tuple]:
        """The rows of a read-only query, read in the calling thread: an answer's worker
        thread reads its candidates and carriers itself instead of handing each query to
        aiosqlite's thread and back (two hand-offs of 50-120 us each). One connection of
        its own, opened on first use, one query at a time; it sees what is committed.
        Raises sqlite3.DatabaseError for a damaged file, as the async queries do."""
        with self._reader_lock:
            if self._reader is None:
                self._reader = sqlite3.connect(self.path, check_same_thread=False)
                self._reader.execute("PRAGMA query_only = ON")  # it never writes
            return self._reader.execute(sql, params).fetchall()

    async def meta(self, key: str) -> str | None:
        row = await (await self.db.execute("SELECT value FROM meta WHERE key = ?", (key,))
                     ).fetchone()
        return row[0] if row else None

    async def set_meta(self, key: str, value: str) -> None:
        await self.db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                              (key, value))

    # -- reading ------------------------------------------------------------------------
    async def vocabulary(self) -> list[str]:
        """The terms by id. Read as one string joined inside SQLite (a row per term costs
        several times more); ids are 0, 1, 2... as add_terms writes them."""
        low, high = await (await self.db.execute("SELECT MIN(id), MAX(id) FROM terms")
                           ).fetchone()
        if low == 0:
            joined = await (await self.db.execute(
                "SELECT group_concat(term, char(10)) FROM (SELECT term FROM terms ORDER BY id)"
            )).fetchone()
            terms = joined[0].split("\n")
            if len(terms) == high + 1:  # else ids with gaps, or a term holding a newline
                return terms
        rows = await self.db.execute_fetchall("SELECT id, term FROM terms ORDER BY id")
        terms = [""] * (rows[-1][0] + 1 if rows else 0)
        for i, term in rows:
            terms[i] = term
        return terms

    async def variant_parts(self, n_terms: int) -> list[VariantPart]:
        """The stored spelling-variant map's parts, in term order: they follow on from term
        0 and end within the vocabulary of `n_terms` terms (the terms past them are not
        mapped yet). Raises sqlite3.DatabaseError if damaged."""
        rows = await self.db.execute_fetchall(
            "SELECT first, skeletons, skeleton_ids, grams, indptr, gram_ids, lengths "
            "FROM variant_parts ORDER BY first")
        try:
            parts = [VariantPart(
                r[0], json.loads(r[1]), np.frombuffer(r[2], "<i4"), np.frombuffer(r[3], "<i8"),
                np.frombuffer(r[4], "<i8"), np.frombuffer(r[5], "<i4"),
                np.frombuffer(r[6], "<u2")) for r in rows]
        except (TypeError, ValueError) as exc:  # blobs that are no arrays, text no list
            raise sqlite3.DatabaseError(f"damaged spelling-variant map: {exc}") from None
        ends = [0, *(p.end for p in parts)]
        if any(p.first != end or not p.consistent() for p, end in zip(parts, ends, strict=False)
               ) or ends[-1] > n_terms:
            raise sqlite3.DatabaseError("damaged spelling-variant map")
        return parts

    async def save_variant_parts(self, parts: Sequence[VariantPart]) -> None:
        """Make the stored map equal `parts`, writing only parts not yet stored. The caller
        commits."""
        stored = {(r[0], r[1]) for r in await self.db.execute_fetchall(
            "SELECT first, size FROM variant_parts")}
        keep = {(p.first, len(p.lengths)) for p in parts}
        await self.db.executemany("DELETE FROM variant_parts WHERE first = ?",
                                  [(first,) for first, _ in stored - keep])
        for p in parts:
            if (p.first, len(p.lengths)) in stored:
                continue
            await self.db.execute(
                "INSERT INTO variant_parts(first, size, skeletons, skeleton_ids, grams, "
                "indptr, gram_ids, lengths) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (p.first, len(p.lengths), json.dumps(p.skeletons, ensure_ascii=False),
                 _blob(p.skeleton_ids, "<i4"), _blob(p.grams, "<i8"), _blob(p.indptr, "<i8"),
                 _blob(p.gram_ids, "<i4"), _blob(p.lengths, "<u2")))

    async def all_terms(self) -> tuple[list[int], list[np.ndarray]]:
        rows = await self.db.execute_fetchall("SELECT id, terms FROM passages ORDER BY id")
        return [r[0] for r in rows], [decode_terms(r[1]) for r in rows]

    async def terms_after(self, after: int, limit: int, n_terms: int
                          ) -> tuple[list[int], list[np.ndarray]]:
        """Passage ids above `after` and their term arrays (ids below `n_terms`), in id
        order, at most `limit`. Raises sqlite3.DatabaseError if damaged."""
        rows = await self.db.execute_fetchall(
            "SELECT id, terms FROM passages WHERE id > ? ORDER BY id LIMIT ?", (after, limit))
        try:
            docs = [decode_terms(r[1]) for r in rows]
        except ValueError as exc:  # a blob that is no array
            raise sqlite3.DatabaseError(f"damaged passage terms: {exc}") from None
        flat = np.concatenate(docs) if docs else np.zeros(0, np.int32)
        if len(flat) and (flat.min() < 0 or flat.max() >= n_terms):
            raise sqlite3.DatabaseError("damaged passage terms")
        return [r[0] for r in rows], docs

    async def article_hashes(self, ids: Sequence[str]) -> dict[str, str]:
        """Content hash of each stored article among `ids`."""
        out: dict[str, str] = {}
        for chunk in _chunks(list(ids)):
            rows = await self.db.execute_fetchall(
                f"SELECT id, content_hash FROM articles WHERE id IN ({_marks(chunk)})", chunk)
            out.update((r[0], r[1]) for r in rows)
        return out

    async def hash_owners(self, digests: Sequence[str]) -> dict[str, str]:
        """The stored article holding each content hash among `digests`."""
        wanted = set(digests)
        out: dict[str, str] = {}
        for chunk in _chunks(sorted({d[:HASH_PREFIX] for d in wanted})):
            rows = await self.db.execute_fetchall(
                f"SELECT content_hash, id FROM articles WHERE substr(content_hash, 1, "
                f"{HASH_PREFIX}) IN ({_marks(chunk)})", chunk)
            out.update((r[0], r[1]) for r in rows if r[0] in wanted)
        return out

    async def passages_of(self, article_ids: Sequence[str]) -> tuple[list[int], list[np.ndarray]]:
        """Passage ids and term arrays of the given articles."""
        slots: list[int] = []
        docs: list[np.ndarray] = []
        for chunk in _chunks(list(article_ids)):
            rows = await self.db.execute_fetchall(
                f"SELECT id, terms FROM passages WHERE article_id IN ({_marks(chunk)})", chunk)
            slots.extend(r[0] for r in rows)
            docs.extend(decode_terms(r[1]) for r in rows)
        return slots, docs

    # -- the index snapshot -------------------------------------------------------------
    async def load_index(self, n_terms: int) -> tuple[list[Segment], list[int], int]:
        """(segments, removed passage ids, highest passage id covered) as last saved;
        `n_terms`: the vocabulary's size. Raises sqlite3.DatabaseError if damaged."""
        covers = int(await self.meta("index_covers") or 0)
        rows = await self.db.execute_fetchall(
            "SELECT key, tf_type, slots, lengths, terms, indptr, doc_ids, tfs "
            "FROM index_segments ORDER BY key")
        try:
            segments = [Segment(
                slots=np.frombuffer(r[2], "<i4"), lengths=np.frombuffer(r[3], "<i4"),
                terms=np.frombuffer(r[4], "<i4"), indptr=np.frombuffer(r[5], "<i8"),
                doc_ids=np.frombuffer(r[6], "<i4"), tfs=np.frombuffer(r[7], r[1]), key=r[0])
                for r in rows]
        except (TypeError, ValueError) as exc:  # blobs that are no arrays
            raise sqlite3.DatabaseError(f"damaged index snapshot: {exc}") from None
        if not all(seg.consistent(n_terms) for seg in segments):
            raise sqlite3.DatabaseError("damaged index snapshot")
        segments.sort(key=lambda seg: seg.first)
        dead = [r[0] for r in await self.db.execute_fetchall("SELECT slot FROM index_dead")]
        return segments, dead, covers

    async def save_index(self, segments: Sequence[Segment], dead: Iterable[int],
                         covers: int) -> int:
        """Make the stored snapshot equal `segments`, writing only segments not yet stored.

        Commits. Returns the number of segments written.
        """
        stored = {r[0] for r in await self.db.execute_fetchall(
            "SELECT key FROM index_segments")}
        keep = {seg.key for seg in segments}
        await self.db.executemany("DELETE FROM index_segments WHERE key = ?",
                                  [(k,) for k in stored - keep])
        new = [seg for seg in segments if seg.key not in stored]
        for seg in new:
            await self.db.execute(
                "INSERT INTO index_segments(key, tf_type, slots, lengths, terms, indptr, "
                "doc_ids, tfs) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (seg.key, seg.tfs.dtype.newbyteorder("<").str,
                 *(_blob(a, t) for a, t in ((seg.slots, "<i4"), (seg.lengths, "<i4"),
                                            (seg.terms, "<i4"), (seg.indptr, "<i8"),
                                            (seg.doc_ids, "<i4"),
                                            (seg.tfs, seg.tfs.dtype.newbyteorder("<"))))))
        await self.db.execute("DELETE FROM index_dead")
        await self.db.executemany("INSERT INTO index_dead(slot) VALUES (?)",
                                  [(int(s),) for s in dead])
        await self.set_meta("index_covers", str(covers))
        await self.db.commit()
        return len(new)

    def passages(self, ids: Sequence[int]) -> dict[int, StoredPassage]:
        """The stored passages of `ids` (those that exist), by id, with their term ids;
        read in the calling thread (`fetch`: an answer's worker thread)."""
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self.fetch(
            "SELECT p.id, p.article_id, p.ordinal, p.text, a.title, a.source, a.date, a.url, "
            "p.terms, p.words, p.title_terms, p.furniture, a.agency FROM passages p "
            f"JOIN articles a ON a.id = p.article_id WHERE p.id IN ({marks})", list(ids))
        try:
            return {r[0]: StoredPassage(r[0], r[1], r[2], r[3], r[4], r[5], _date(r[6]), r[7],
                                        decode_terms(r[8]), r[9], r[10],
                                        None if r[11] is None else bool(r[11]), r[12])
                    for r in rows}
        except (ValueError, TypeError) as exc:  # a blob that is no array, a damaged date
            raise sqlite3.DatabaseError(f"damaged passage row: {exc}") from None

    async def passage_texts(self, ids: Sequence[int]) -> list[tuple[int, str]]:
        """(id, text) of the passages `ids` that are stored (aliases.py mines them)."""
        out: list[tuple[int, str]] = []
        for start in range(0, len(ids), 500):  # SQLite's bound on parameters
            part = list(ids[start:start + 500])
            out += await self.db.execute_fetchall(
                f"SELECT id, text FROM passages WHERE id IN ({','.join('?' * len(part))})",
                part)
        return out

    async def sources(self) -> list[SourceInfo]:
        rows = await self.db.execute_fetchall(
            "SELECT a.id, a.title, a.source, a.date, COUNT(p.id), a.url FROM articles a "
            "LEFT JOIN passages p ON p.article_id = a.id GROUP BY a.id ORDER BY a.id")
        return [SourceInfo(r[0], r[1], r[2], _date(r[3]), r[4], r[5]) for r in rows]

    async def article(self, article_id: str) -> Article | None:
        row = await (await self.db.execute(
            "SELECT id, title, source, date, url, body, agency FROM articles WHERE id = ?",
            (article_id,))).fetchone()
        if row is None:
            return None
        if row[5]:
            paragraphs = tuple(p for p in row[5].split("\n\n") if p)
        else:  # its passages are its paragraphs (see insert_articles)
            paragraphs = tuple(r[0] for r in await self.db.execute_fetchall(
                "SELECT text FROM passages WHERE article_id = ? ORDER BY ordinal",
                (article_id,)))
        return Article(row[0], row[1], row[2], _date(row[3]), paragraphs, row[4], row[6])

    async def last_article_row(self) -> int:
        """The row number of the article stored last (0: none); rows grow as they come."""
        row = await (await self.db.execute("SELECT MAX(rowid) FROM articles")).fetchone()
        return row[0] or 0

    async def articles_after(self, after: int, limit: int, upto: int
                             ) -> tuple[int, list[Article]]:
        """Stored articles in the order they were stored (rows above `after`, up to row
        `upto`), at most `limit`, as `article` gives them, read in two queries; and the
        row of the last one (`after` when none)."""
        rows = await self.db.execute_fetchall(
            "SELECT id, title, source, date, url, body, rowid, agency FROM articles "
            "WHERE rowid > ? AND rowid <= ? ORDER BY rowid LIMIT ?", (after, upto, limit))
        joined: dict[str, list[str]] = {r[0]: [] for r in rows if not r[5]}
        for chunk in _chunks(list(joined)):
            for article_id, text in await self.db.execute_fetchall(
                    f"SELECT article_id, text FROM passages WHERE article_id IN "
                    f"({_marks(chunk)}) ORDER BY article_id, ordinal", chunk):
                joined[article_id].append(text)
        return rows[-1][6] if rows else after, [
            Article(r[0], r[1], r[2], _date(r[3]), tuple(joined[r[0]]) if r[0] in joined
                    else tuple(p for p in r[5].split("\n\n") if p), r[4], r[7]) for r in rows]

    async def article_years(self) -> list[int]:
        """The years in which the stored articles were published, in order."""
        rows = await self.db.execute_fetchall(
            "SELECT DISTINCT substr(date, 1, 4) FROM articles WHERE date IS NOT NULL")
        return sorted(int(r[0]) for r in rows if r[0] and r[0].isdigit())

    async def opening_passages(self, days: Sequence[str] | None, per_outlet: int,
                               outlets: Sequence[str] = (), per_article: int = 3
                               ) -> list[StoredPassage]:
        """The first `per_article` passages of up to `per_outlet` articles of each outlet
        (of `outlets` only, when given) published on each of `days` (ISO dates), by date,
        then taking the outlets in turn (each one's first article, then each one's second
        …) so a day's first hits are not all one outlet's. `days` None: each outlet's
        latest articles, newest first (undated ones last)."""
        by_day = days is not None
        if by_day and not days:
            return []
        rows = await self.db.execute_fetchall(
            "WITH picked AS (SELECT id, r FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY "
            + ("date, source ORDER BY id" if by_day
               else "source ORDER BY date IS NULL, date DESC, id")
            + ") AS r FROM articles WHERE "
            + (f"date IN ({_marks(days or ())})" if by_day else "1")
            + (f" AND source IN ({_marks(outlets)})" if outlets else "")
            + ") WHERE r <= ?) "
            "SELECT id, article_id, ordinal, text, title, source, date, url, terms, agency "
            "FROM (SELECT p.id, p.article_id, p.ordinal, p.text, a.title, a.source, a.date, "
            "a.url, p.terms, a.agency, picked.r, "
            "ROW_NUMBER() OVER (PARTITION BY a.id ORDER BY p.ordinal) AS n "
            "FROM picked JOIN articles a ON a.id = picked.id "
            "JOIN passages p ON p.article_id = a.id) WHERE n <= ? ORDER BY "
            + ("date, r, source, article_id, ordinal" if by_day
               else "r, date IS NULL, date DESC, source, article_id, ordinal"),
            [*(days or ()), *outlets, per_outlet, per_article])
        return [StoredPassage(r[0], r[1], r[2], r[3], r[4], r[5], _date(r[6]), r[7],
                              decode_terms(r[8]), agency=r[9]) for r in rows]

    async def outlet_names(self) -> list[str]:
        """The distinct outlets that published the stored articles (unknown ones aside)."""
        rows = await self.db.execute_fetchall(
            "SELECT DISTINCT source FROM articles WHERE source IS NOT NULL AND source != ''")
        return [r[0] for r in rows]

    async def passage_ids_of_outlets(self, sources: Sequence[str]) -> set[int]:
        """Ids of the passages of the articles whose outlet is exactly one of `sources`."""
        marks = ",".join("?" * len(sources))
        rows = await self.db.execute_fetchall(
            "SELECT p.id FROM passages p JOIN articles a ON a.id = p.article_id "
            f"WHERE a.source IN ({marks})", list(sources))
        return {r[0] for r in rows}

    def passage_ids_of_articles(self, article_ids: Sequence[str]) -> set[int]:
        """Ids of the passages of the given articles, read in the calling thread (`fetch`)."""
        found: set[int] = set()
        for chunk in _chunks(list(article_ids)):
            found |= {r[0] for r in self.fetch(
                f"SELECT id FROM passages WHERE article_id IN ({_marks(chunk)})", chunk)}
        return found

    async def passage_ids_of_months(self, months: Sequence[str]) -> set[int]:
        """Ids of the passages of the articles dated in one of `months` (`2024-08`)."""
        rows = await self.db.execute_fetchall(
            "SELECT p.id FROM passages p JOIN articles a ON a.id = p.article_id "
            f"WHERE substr(a.date, 1, 7) IN ({_marks(months)})", list(months))
        return {r[0] for r in rows}

    async def article_ids_of_outlet(self, source: str) -> list[str]:
        """Ids of the articles of the outlet `source` names (under the name it is stored
        under: «Hespress» removes «هسبريس»'s)."""
        rows = await self.db.execute_fetchall(
            "SELECT id FROM articles WHERE source = ? ORDER BY id",
            (await self.outlet_named(source),))
        return [r[0] for r in rows]

    async def ever_held_passages(self) -> bool:
        """Whether any passage was ever stored here, even if all were removed since
        (AUTOINCREMENT remembers the highest id ever given)."""
        row = await (await self.db.execute(
            "SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'passages'), 0)"
        )).fetchone()
        return row[0] > 0

    async def count_articles(self) -> int:
        row = await (await self.db.execute("SELECT COUNT(*) FROM articles")).fetchone()
        return row[0]

    # -- writing (the caller commits) ---------------------------------------------------
    async def add_terms(self, first_id: int, terms: Iterable[str]) -> None:
        await self.db.executemany("INSERT INTO terms(id, term) VALUES (?, ?)",
                                  ((first_id + i, t) for i, t in enumerate(terms)))

    async def delete_articles(self, article_ids: Sequence[str]) -> None:
        """Delete articles and their passages (the index_dead trigger notes the passages)."""
        rows = [(a,) for a in article_ids]
        await self.db.executemany("DELETE FROM passages WHERE article_id = ?", rows)
        await self.db.executemany("DELETE FROM articles WHERE id = ?", rows)

    async def insert_articles(self, items: Sequence[tuple[Article, str, bool, Sequence[str]]],
                              blobs: Iterable[bytes],
                              details: Iterable[tuple[str | bytes, int, bool]]
                              ) -> list[list[int]]:
        """Store articles, each (article, content hash, whether its passages are exactly its
        paragraphs, passage texts), and their passages with `blobs`, the passages' term
        arrays in order, and `details`, their PASSAGE_DETAILS in order (the word forms as
        text or UTF-8 bytes, stored as TEXT either way). Returns each
        article's new passage ids in order (ids are never reused: see AUTOINCREMENT). The
        body of an article whose passages are its paragraphs is not stored twice: it is '',
        and `article` joins the passages."""
        if not items:
            return []
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        names = await self._outlet_names_of([a for a, *_ in items])
        await self.db.executemany(
            "INSERT INTO articles(id, title, source, date, url, body, content_hash, added_at, "
            "agency) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(a.id, a.title, name, a.date.isoformat() if a.date else None, a.url,
              "" if whole else a.text, digest, now, a.agency)
             for (a, digest, whole, _), name in zip(items, names, strict=True)])
        # This transaction now holds the write lock, so no other writer can take ids.
        row = await (await self.db.execute(
            "SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'passages'), 0),"
            " COALESCE((SELECT MAX(id) FROM passages), 0))")).fetchone()
        next_id = row[0] + 1
        ids: list[list[int]] = []
        for *_, texts in items:
            ids.append(list(range(next_id, next_id + len(texts))))
            next_id += len(texts)
        await self.db.executemany(
            "INSERT INTO passages(id, article_id, ordinal, text, terms, words, title_terms, "
            "furniture) VALUES (?, ?, ?, ?, ?, CAST(? AS TEXT), ?, ?)",
            ((*row, *more) for row, more in zip(zip(
                itertools.chain.from_iterable(ids),
                itertools.chain.from_iterable(repeat(a.id, len(t)) for a, *_, t in items),
                itertools.chain.from_iterable(range(len(t)) for *_, t in items),
                itertools.chain.from_iterable(t for *_, t in items), blobs, strict=True),
                details, strict=True)))
        return ids

    async def _outlet_names_of(self, articles: Sequence[Article]) -> list[str | None]:
        """The outlet name each of `articles` is stored under: one name per outlet
        (outlet_identity: «Hespress» of a page is «هسبريس» of a raw page already stored),
        and stored articles of an outlet found to have two names renamed to its one. In
        the caller's transaction; the content hashes keep the names as printed, so the
        same page ingested again is unchanged."""
        stored = await self.db.execute_fetchall(
            "SELECT source, MAX(url), COUNT(*) FROM articles WHERE source IS NOT NULL "
            "AND source != '' GROUP BY source ORDER BY MIN(rowid)")
        renamed, names = one_name_per_outlet(
            [(name, url, count) for name, url, count in stored],
            [(a.source, a.url) for a in articles])
        await self.db.executemany("UPDATE articles SET source = ? WHERE source = ?",
                                  [(new, old) for old, new in renamed.items()])
        return names

    async def outlet_named(self, name: str) -> str:
        """The name the store holds the outlet `name` under («Hespress» → «هسبريس» when
        its articles are stored so), else `name` as given."""
        stored = await self.outlet_names()
        _, [found] = one_name_per_outlet([(n, None, 1) for n in stored], [(name, None)])
        return found or name

    async def passages_lacking_details(self, after: int, limit: int
                                       ) -> list[tuple[int, str, str]]:
        """(id, title, text) of up to `limit` passages past id `after` whose PASSAGE_DETAILS
        an older Marsad left NULL, by id."""
        return await self.db.execute_fetchall(
            "SELECT p.id, a.title, p.text FROM passages p JOIN articles a ON a.id = "
            "p.article_id WHERE p.id > ? AND p.words IS NULL ORDER BY p.id LIMIT ?",
            (after, limit))

    async def save_details(self, rows: Iterable[tuple[int, str, int, bool]]) -> None:
        """Each (passage id, words, title terms, furniture) stored; committed by the caller."""
        await self.db.executemany(
            "UPDATE passages SET words = ?, title_terms = ?, furniture = ? WHERE id = ?",
            [(w, t, int(f), i) for i, w, t, f in rows])

    async def commit(self) -> None:
        await self.db.commit()

    async def rollback(self) -> None:
        await self.db.rollback()


def _blob(array: np.ndarray, dtype: str | np.dtype) -> bytes:
    return np.ascontiguousarray(array, dtype=dtype).tobytes()


def _chunks(items: list, size: int = 500) -> Iterable[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _marks(chunk: Sequence) -> str:
    return ",".join("?" * len(chunk))


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
