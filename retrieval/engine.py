"""Marsad's one answering function, and ingest, over a store and its in-memory BM25 index.

Every frontend (console, `ask --json`, Telegram) calls `Marsad.answer` and only renders the
result. CPU work (analysis, scoring) runs in a worker thread so an event loop serving many
chats never stalls on one long query.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import os
import pickle
import sqlite3
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path
from typing import Any

import numpy as np

from . import corroborate, decide, feedback, grouping
from . import coverage as coverage_views
from .analysis import analyze, analyze_token, normalize, tokenize
from .answer_types import answer_type
from .articles import ArticleError
from .corroborate import title_terms
from .coverage import Comparison, OutletSummary, Timeline
from .feedback import QuestionRating
from .index import BM25Index, BM25Params, ranges, unique
from .language import question_language
from .model import Answer, Article, Citation, Hit
from .passages import passage_plan, split_sentences
from .questions import bounded, clean_question, question_terms, word_shapes
from .rerank import RERANK_DEPTH, Candidate, rerank
from .store import (
    SourceInfo,
    Store,
    StoredPassage,
    StoreError,
    content_hash,
)
from .variants import VariantMap

# Articles per ingest batch (one transaction), and at most this many characters of text:
# big batches make fewer, larger statements and index segments; the cap bounds memory.
BATCH_ARTICLES = 1000
BATCH_CHARS = 8_000_000
AHEAD = 2  # batches analysed ahead of the one being written: the worker never waits
# Save the index snapshot after this many newly indexed passages (and after every ingest),
# so a killed ingest leaves little to catch up from the passages' term blobs.
SAVE_EVERY_PASSAGES = 250_000
LOAD_CHUNK = 50_000  # passages read per step when (re)building the index from the store
CHUNK_CACHE = 1 << 19  # whitespace-separated word forms whose term ids are remembered


@dataclass
class IngestReport:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    duplicates: int = 0
    passages: int = 0
    errors: list[str] = field(default_factory=list)


@dataclass
class RemoveReport:
    removed: list[str] = field(default_factory=list)  # article ids, in the order asked
    missing: list[str] = field(default_factory=list)  # ids asked for that were not there
    passages: int = 0  # passages taken out of the index with them


class Marsad:
    """An open database plus its index. Use `await Marsad.open(path)`."""

    def __init__(self, store: Store, index: BM25Index, terms: list[str]) -> None:
        self.store = store
        self.index = index
        self.terms = terms
        self.vocab = {t: i for i, t in enumerate(terms)}
        self._write_lock = asyncio.Lock()
        self._covers = 0  # highest passage id the index accounts for
        self._unsaved = 0  # index changes since the snapshot was saved

    @classmethod
    async def open(cls, db_path: str | Path, *, params: BM25Params | None = None,
                   seeds: Path | None = None) -> Marsad:
        """Open (or create) a database; an empty one is filled from `seeds` when given.

        The index comes from the snapshot saved in the database; passages added since (a
        killed ingest, an older Marsad) are indexed from their stored term ids, and a
        snapshot that no longer matches the passages is rebuilt from them. Nothing is
        re-analysed.
        """
        store = await Store.open(db_path)
        try:
            terms = await store.vocabulary()
            engine = cls(store, BM25Index(params), terms)
            await engine._load_index()
            await engine._corroborate_pending()
            if (seeds is not None and await store.count_articles() == 0
                    and not await store.ever_held_passages()):  # emptied by remove: stays so
                from .articles import iter_articles

                await engine.ingest(iter_articles([seeds]))
        except sqlite3.DatabaseError as exc:  # damaged pages found while loading (issue 7)
            await store.close()
            raise StoreError(f"{db_path} is damaged, not a usable Marsad database ({exc}); "
                             "restore it from a backup or choose another path with --db"
                             ) from None
        except BaseException:
            await store.close()
            raise
        return engine

    async def _load_index(self) -> None:
        params = self.index.params
        segments, dead, covers = await self.store.load_index(len(self.terms))
        index = BM25Index(params)
        if segments:  # passages deleted since the save are in `dead` (a trigger)
            await asyncio.to_thread(index.add_segments, segments, dead)
        stale = bool(segments) and max(seg.last for seg in segments) > covers
        if stale:  # not a snapshot this code wrote: rebuild from the passages
            index, covers = BM25Index(params), 0
        caught = 0
        while True:
            slots, docs = await self.store.terms_after(covers, LOAD_CHUNK, len(self.terms))
            if not slots:
                break
            await asyncio.to_thread(index.add, slots, docs)
            covers = slots[-1]
            caught += len(slots)
        self.index, self._covers = index, covers
        if caught or stale:
            self._unsaved = caught + 1
            await self._save_index()

    async def _save_index(self) -> None:
        if not self._unsaved:
            return
        index = self.index
        live = index.live
        dead = [int(s) for seg in index.segments for s in seg.slots[~live[seg.slots]]]
        await self.store.save_index(index.segments, dead, self._covers)
        self._unsaved = 0

    async def close(self) -> None:
        await self.store.close()

    async def __aenter__(self) -> Marsad:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    # -- ingest -------------------------------------------------------------------------
    async def ingest(self, items: Iterable[Article | ArticleError],
                     progress: Callable[[int, int], None] | None = None) -> IngestReport:
        """Add articles; idempotent. Errors are reported and skipped, the rest goes in.

        `progress(articles, passages)` is called after each committed batch: the articles
        handled so far (added, replaced, unchanged or duplicates) and the passages added.
        Each batch is one transaction. Analysis of the next batches overlaps the writing of
        this one, in a worker process when there is more than one batch (a second core).
        """
        report = IngestReport()
        batch: list[Article] = []
        analysis: _Analysis | None = None
        pending: deque[tuple[list[Article], list[str], asyncio.Future]] = deque()

        async def flush(articles: list[Article] | None, full: bool = False) -> None:
            nonlocal analysis
            if articles:
                if analysis is None:  # a full first batch: more are coming
                    analysis = _Analysis(parallel=full)
                digests = [content_hash(a) for a in articles]
                skip = await self._surely_unchanged(
                    articles, digests, [a for queued, *_ in pending for a in queued])
                pending.append((articles, digests, analysis.submit(articles, skip)))
            while len(pending) > (AHEAD if articles else 0):
                written, hashes, analysed = pending.popleft()
                await self._ingest_batch(written, hashes, await analysed, analysis, report)
                if progress:
                    progress(report.added + report.replaced + report.unchanged
                             + report.duplicates, report.passages)
                if self._unsaved >= SAVE_EVERY_PASSAGES:
                    await self._save_index()

        async with self._write_lock:
            try:
                chars = 0
                for item in items:
                    if isinstance(item, ArticleError):
                        report.errors.append(str(item))
                        continue
                    batch.append(item)
                    chars += sum(map(len, item.paragraphs))
                    if len(batch) >= BATCH_ARTICLES or chars >= BATCH_CHARS:
                        await flush(batch, full=True)
                        batch, chars = [], 0
                await flush(batch)
                await flush(None)
            finally:
                if analysis is not None:
                    analysis.close()
                if self._unsaved:  # also after a failure: what was committed stays fast
                    await self._save_index()
        return report

    async def _surely_unchanged(self, articles: Sequence[Article], digests: Sequence[str],
                                before: Sequence[Article]) -> list[bool]:
        """Articles stored with this very content (`digests`), and not in the batches
        still to be written (`before`): no need to analyse them."""
        stored = await self.store.article_hashes([a.id for a in articles])
        busy = {a.id for a in before}
        return [stored.get(a.id) == d and a.id not in busy
                for a, d in zip(articles, digests, strict=True)]

    async def _ingest_batch(self, articles: Sequence[Article], digests: Sequence[str],
                            analysed: _Analysed, analysis: _Analysis,
                            report: IngestReport) -> None:
        """One transaction for the batch: all of it goes in, or none of it."""
        # An id or a content seen twice in a batch: what comes after must see what came
        # before, so it goes in a transaction of its own.
        ids: set[str] = set()
        seen: set[str] = set()
        for i, (article, digest) in enumerate(zip(articles, digests, strict=True)):
            if article.id in ids or digest in seen:
                n = len(articles)
                await self._ingest_batch(articles[:i], digests[:i], analysed.take(range(i)),
                                         analysis, report)
                await self._ingest_batch(articles[i:], digests[i:],
                                         analysed.take(range(i, n)), analysis, report)
                return
            ids.add(article.id)
            seen.add(digest)
        stored = await self.store.article_hashes([a.id for a in articles])
        owners = await self.store.hash_owners(digests)
        counts = IngestReport()
        todo: list[int] = []
        replaced: list[str] = []
        for i, (article, digest) in enumerate(zip(articles, digests, strict=True)):
            old = stored.get(article.id)
            if old == digest:
                counts.unchanged += 1
                continue
            if old is None and digest in owners:
                counts.duplicates += 1
                continue
            if analysed.passages[i] is None:  # cannot happen: only unchanged ones skip
                raise RuntimeError(f"{article.id} was not analysed")
            todo.append(i)
            if old is not None:
                replaced.append(article.id)
                counts.replaced += 1
            else:
                counts.added += 1
        done = analysed.take(todo)
        vocab_size = len(self.terms)
        new_terms: list[str] = []
        try:
            flat = analysis.term_ids(done.terms, self.vocab, self.terms, new_terms)
            ends = np.cumsum(done.lengths, dtype=np.int64)
            blob = flat.astype("<i4", copy=False).tobytes()
            cuts = [0, *(4 * ends).tolist()]
            items = []
            for i, plan in zip(todo, done.passages, strict=True):
                paragraphs = articles[i].paragraphs
                whole = len(plan) == len(paragraphs) and all(
                    p == j for j, p in enumerate(plan))  # passages = paragraphs, as given
                items.append((articles[i], digests[i], whole,
                              [p if isinstance(p, str) else paragraphs[p] for p in plan]))
            removed = await self.store.passages_of(replaced) if replaced else ([], [])
            if replaced:
                await self.store.delete_articles(replaced)
            slot_lists = await self.store.insert_articles(
                items, [blob[lo:hi] for lo, hi in itertools.pairwise(cuts)])
            await self.store.add_terms(vocab_size, new_terms)
            await self.store.commit()
        except BaseException:
            await self.store.rollback()
            for term in new_terms:
                self.vocab.pop(term, None)
            del self.terms[vocab_size:]
            analysis.forget(vocab_size)
            raise
        if removed[0]:
            self.index.remove(*removed)
        all_slots = [s for slots in slot_lists for s in slots]
        await asyncio.to_thread(self.index.add_flat, all_slots, done.lengths, flat)
        if all_slots:
            self._covers = max(self._covers, all_slots[-1])
        self._unsaved += len(all_slots) + len(removed[0])
        report.added += counts.added
        report.replaced += counts.replaced
        report.unchanged += counts.unchanged
        report.duplicates += counts.duplicates
        report.passages += len(all_slots)
        if all_slots:  # the statements they share with the corpus (corroborate.py)
            await self._corroborate(
                all_slots, [t for *_, texts in items for t in texts], flat,
                done.lengths, np.repeat(done.titles, [len(p) for p in done.passages]))

    # -- removing -----------------------------------------------------------------------
    async def remove(self, article_ids: Iterable[str] = (), *,
                     outlet: str | None = None) -> RemoveReport:
        """Remove articles by id, and every article of `outlet` (its exact name); idempotent:
        ids not stored are reported as missing. One transaction; their passages leave the
        BM25 index, and the corroboration links that name them go with them (ON DELETE
        CASCADE), so no answer cites them and no `also_reported_by` names them. The saved
        index snapshot follows, so a restart sees the removal too."""
        wanted = list(dict.fromkeys(article_ids))
        async with self._write_lock:
            stored = await self.store.article_hashes(wanted)
            ids = [a for a in wanted if a in stored]
            if outlet is not None:
                ids += [a for a in await self.store.article_ids_of_outlet(outlet)
                        if a not in stored]
            report = RemoveReport(missing=[a for a in wanted if a not in stored])
            if not ids:
                return report
            slots, docs = await self.store.passages_of(ids)
            try:
                await self.store.delete_articles(ids)
                await self.store.commit()
            except BaseException:
                await self.store.rollback()
                raise
            self.index.remove(slots, docs)
            self._unsaved += len(slots) + 1
            await self._save_index()
        report.removed, report.passages = ids, len(slots)
        return report

    # -- reading ------------------------------------------------------------------------
    async def sources(self) -> list[SourceInfo]:
        return await self.store.sources()

    async def article(self, article_id: str) -> Article | None:
        return await self.store.article(article_id)

    async def search(self, question: str, k: int) -> list[tuple[StoredPassage, float]]:
        """The k best passages with their BM25 scores, no collapsing or deciding."""
        query = await asyncio.to_thread(self._query_ids, question)
        ranked = await asyncio.to_thread(self.index.top, query, k)
        rows = await self.store.passages([slot for slot, _ in ranked])
        return [(rows[slot], score) for slot, score in ranked if slot in rows]

    # -- answering (quality: variants, rerank, decide) ------------------------------------
    @property
    def variants(self) -> VariantMap:
        """Spelling variants and trigrams of the vocabulary, kept in step with `terms`."""
        vmap = self.__dict__.get("_variants")
        if vmap is None:
            vmap = self.__dict__.setdefault("_variants", VariantMap())
        return vmap

    async def answer(self, question: str, k: int = 3,
                     timings: dict[str, float] | None = None) -> Answer:
        """Ranked, cited passages for a question, and whether they really answer it.

        The stages, each timed into `timings` (ms per stage name) when given:
        analyse -> retrieve -> rerank -> group -> decide -> cite.
        """
        clock = _Clock(timings)
        question = clean_question(question)  # hostile input: see questions.py (issue 7)
        with clock("analyse"):
            language = question_language(question)
            asked = await asyncio.to_thread(self._analyse, question)
        if asked is None:
            return Answer(question, False, [], searchable=False, language=language)
        with clock("retrieve"):
            found = await self._retrieve(asked, max(4 * k, k + 8))
        with clock("rerank"):
            ranked = await asyncio.to_thread(self._rerank, bounded(question), asked, found)
        with clock("group"):
            groups = await asyncio.to_thread(
                grouping.group_duplicates, ranked, k, self.index, self.terms,
                asked.query.groups_by_term())
        with clock("decide"):
            shown = [(best, g.score_of(best)) for g in groups
                     for best in (grouping.best_instance(g),)]
            bm25 = {p.id: score for p, score in found}
            signals = decide.signals(shown, bm25[shown[0][0].id] if shown else 0.0,
                                     asked.weights, asked.aliases, asked.known,
                                     asked.shapes, self.terms, asked.kind,
                                     [p for p, _ in found[:RERANK_DEPTH]])
            confidence = decide.probability(signals) if shown else 0.0
            answered = (language in ("ar", "und") and bool(shown)
                        and confidence >= decide.THRESHOLD)
        with clock("cite"):
            hits = await self._cite(groups, asked.weights, asked.aliases)
        return Answer(question, answered, hits, language=language, confidence=confidence,
                      signals=tuple(signals.tolist()))

    async def ranked(self, question: str, k: int) -> list[tuple[StoredPassage, float]]:
        """The k best passages as `answer` ranks them (variants, rerank), uncollapsed."""
        asked = await asyncio.to_thread(self._analyse, clean_question(question))
        if asked is None:
            return []
        found = await self._retrieve(asked, k)
        ranked = await asyncio.to_thread(self._rerank, bounded(clean_question(question)),
                                         asked, found)
        return ranked[:k]

    def _analyse(self, question: str) -> _Asked | None:
        """Stage 1: the question's terms, their spellings in the corpus and their weights
        (None: nothing in it to search for)."""
        terms = question_terms(question)
        if not terms:
            return None
        query = self._query(terms)
        known = {t: bool(g) for t, g in zip(terms, query.groups_by_term(), strict=True)}
        return _Asked(terms, query, self._weights(terms, query), self._aliases(terms, query),
                      known, word_shapes(question), answer_type(question))

    async def _retrieve(self, asked: _Asked, k: int) -> list[tuple[StoredPassage, float]]:
        """Stage 2: BM25 top candidates (each unit's spellings one synonym group), read
        with their stored term ids in one query."""
        top = await asyncio.to_thread(self._top, asked.query, max(k, RERANK_DEPTH))
        rows = await self.store.passages([slot for slot, _ in top])
        size = len(self.terms)
        for row in rows.values():  # term ids read back must be the vocabulary's
            if len(row.terms) and (int(row.terms.min()) < 0 or int(row.terms.max()) >= size):
                raise sqlite3.DatabaseError(f"damaged terms of passage {row.id}")
        return [(rows[s], score) for s, score in top if s in rows]

    def _rerank(self, question: str, asked: _Asked, found: list[tuple[StoredPassage, float]]
                ) -> list[tuple[StoredPassage, float]]:
        """Stage 3: the candidates reranked (rerank.py) from their stored term ids."""
        order = rerank(
            question, [Candidate(p.title, p.text, s, p.terms, title_terms(p.title))
                       for p, s in found],
            index=self.index, vmap=self.variants, vocab=self.vocab, idf=asked.weights,
            aliases=asked.aliases)
        return [(found[i][0], score) for i, score in order]

    def _query(self, terms: list[str]) -> _Query:
        vmap = self.variants
        vmap.sync(self.terms)
        ids = [self.vocab.get(t, -1) for t in terms]
        return _Query(terms, ids, vmap.expand(terms, ids))

    def _top(self, query: _Query, k: int) -> list[tuple[int, float]]:
        """BM25 with each query unit's spellings as one synonym group (max over them).

        A unit of one known spelling is scored exactly as the plain query would be."""
        single = [g[0] for g, _ in query.units if len(g) == 1]
        groups = [g for g, _ in query.units if len(g) > 1]
        return self.index.top_groups(single, groups, k)

    def _query_ids(self, question: str) -> list[int]:
        return [self.vocab.get(t, -1) for t in analyze(question)]

    def _weights(self, terms: list[str], query: _Query | list[int]) -> dict[str, float]:
        """Each distinct query word's idf; a word the corpus never uses weighs the most.

        A word the corpus only spells otherwise, or only has in a near form (most trigrams
        shared), weighs as its best-known spelling or form."""
        unknown = self.index.max_idf()
        groups = query.groups_by_term() if isinstance(query, _Query) else [
            [q] if q >= 0 else [] for q in query]
        out: dict[str, float] = {}
        for t, group in zip(terms, groups, strict=True):
            known = [v for v in (self.index.idf(q) for q in group) if v > 0]
            if not known and isinstance(query, _Query):  # only another form of it (decide.py)
                known = [v for v in (self.index.idf(q) for q in self.variants.near(t)) if v > 0]
            out[t] = max(known) if known else unknown
        return out

    def _aliases(self, terms: list[str], query: _Query) -> dict[str, frozenset[str]]:
        """Each query word's spellings in the corpus, for finding its best sentence."""
        return {t: frozenset(self.terms[i] for i in group) or frozenset({t})
                for t, group in zip(terms, query.groups_by_term(), strict=True)}

    async def _corroborate_pending(self) -> None:
        """Compare the passages added since last time with the corpus (corroborate.py) and
        store the statements they share; passages are marked compared as links are saved."""
        while True:
            slots, texts, docs, titles = await corroborate.pending(self.store)
            if not slots:
                return
            await self._corroborate(slots, texts, np.concatenate(docs), [len(d) for d in docs],
                                    titles)

    async def _corroborate(self, slots: list[int], texts: list[str], terms: np.ndarray,
                           lengths: Sequence[int] | np.ndarray,
                           titles: Sequence[int] | np.ndarray) -> None:
        """Link these indexed passages' sentences (their terms laid end to end, `lengths`
        each, `titles` of them the title's) to the sentences of the corpus that say the
        same; all passages up to the last of `slots` are then marked compared."""
        found = await asyncio.to_thread(corroborate.candidates, self.index, slots, texts,
                                        terms, lengths, titles)
        known = dict(zip(slots, texts, strict=True))
        wanted = {o for others in found.values() for o in others} - known.keys()
        known.update(await corroborate.texts_of(self.store, wanted))
        weight = corroborate.idf_weight(self.index, self.vocab)
        links = await asyncio.to_thread(corroborate.find_links, found, known, weight)
        await corroborate.save_links(self.store, links, max(slots))

    async def _cite(self, groups: list[grouping.Group], weights: dict[str, float],
                    aliases: dict[str, frozenset[str]] | None = None) -> list[Hit]:
        """Stage 6: each group's best instance as a hit, with its best sentence, crediting
        every other outlet that carried it (the links found at ingest, and the group's
        members)."""
        chosen = []
        for group in groups:
            best = grouping.best_instance(group)
            sentence = best_sentence(best.text, weights, aliases)
            ordinal = next((i for i, (s, _) in enumerate(corroborate.sentences_of(best.text))
                            if s == sentence), None) if sentence else None
            chosen.append((group, best, sentence, ordinal))
        linked = await corroborate.carriers(
            self.store, [(best.id, o) for _, best, _, o in chosen if o is not None])
        hits: list[Hit] = []
        for group, best, sentence, ordinal in chosen:
            credits: dict[str, Citation] = {}
            for member in group.credited:
                credits.setdefault(member.article_id,
                                   Citation(member.article_id, member.source, member.date))
            for c in linked.get((best.id, ordinal), ()):
                credits.setdefault(c.article_id, Citation(
                    c.article_id, c.source, dt.date.fromisoformat(c.date) if c.date else None))
            credits.pop(best.article_id, None)
            also = sorted(credits.values(), key=lambda c: (
                c.date is None, c.date or dt.date.min, c.source or "", c.article_id))
            hits.append(Hit(
                rank=len(hits) + 1, score=group.score_of(best), text=best.text,
                article_id=best.article_id, title=best.title, source=best.source,
                date=best.date, url=best.url, sentence=sentence, passage_id=best.id,
                also_reported_by=also))
        return hits

    # -- coverage: who reported what (coverage.py, feedback.py) ----------------------------
    async def compare(self, topic: str) -> Comparison:
        """Each outlet's most relevant passage on `topic`; outlets with nothing are silent."""
        topic = clean_question(topic)
        all_outlets = coverage_views.outlets(await self.store.sources())
        asked = await asyncio.to_thread(self._analyse, bounded(topic))
        if asked is None:
            return Comparison(topic, [], all_outlets, searchable=False)
        found = await self._retrieve(asked, coverage_views.COMPARE_DEPTH)
        ranked = await asyncio.to_thread(self._rerank, bounded(topic), asked, found)
        weights, aliases = asked.weights, asked.aliases
        return coverage_views.compare(topic, ranked, all_outlets, weights, aliases,
                                      lambda text: best_sentence(text, weights, aliases))

    async def timeline(self) -> Timeline:
        """The articles in date order; undated ones apart."""
        return coverage_views.timeline(await self.store.sources())

    async def outlets(self) -> list[OutletSummary]:
        """Per outlet: articles, date range, statements other outlets also carried."""
        return await coverage_views.outlet_summaries(self.store, await self.store.sources())

    async def record_feedback(self, **rating: Any) -> None:
        """A reader's 👍 (1) or 👎 (-1) on an answer; see feedback.record."""
        async with self._write_lock:
            await feedback.record(self.store, **rating)

    async def feedback_summary(self, limit: int | None = None) -> list[QuestionRating]:
        return await feedback.summary(self.store, limit)


class _Clock:
    """Milliseconds per stage name into a dict, when one is given (else nothing)."""

    def __init__(self, out: dict[str, float] | None) -> None:
        self.out = out

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        if self.out is None:
            yield
            return
        start = time.perf_counter()
        try:
            yield
        finally:
            self.out[stage] = self.out.get(stage, 0.0) + 1000 * (time.perf_counter() - start)


@dataclass
class _Query:
    """Analysed question: its terms, their ids (-1 unknown), and synonym units."""

    terms: list[str]
    ids: list[int]
    units: list[tuple[list[int], tuple[int, ...]]]

    def groups_by_term(self) -> list[list[int]]:
        """Every spelling id that counts for each term (a pair unit counts for both)."""
        out: list[list[int]] = [[] for _ in self.terms]
        for group, positions in self.units:
            for p in positions:
                out[p].extend(group)
        return out


@dataclass
class _Asked:
    """A question after analysis: its terms, the query, each term's idf and corpus
    spellings, and whether the corpus knows each term in some spelling or form."""

    terms: list[str]
    query: _Query
    weights: dict[str, float]
    aliases: dict[str, frozenset[str]]
    known: dict[str, bool]
    shapes: dict[str, str]  # term -> the shape of its word (questions.word_shapes)
    kind: str | None  # the answer type asked (answer_types.answer_type)


# -- analysis for ingest ----------------------------------------------------------------

@dataclass
class _Analysed:
    """A batch's analyses: passages of each article (None: not analysed; see
    passages.passage_plan), and for the passages of the analysed articles, in order, their
    term counts and all their terms."""

    passages: list[list[str | int] | None]
    titles: np.ndarray  # int32: title terms of each analysed article
    lengths: np.ndarray  # int32: terms per passage (title terms included)
    terms: np.ndarray  # int32 analyser-local term ids of all passages, title first in each

    def take(self, keep: Sequence[int]) -> _Analysed:
        """The analyses of the batch's articles `keep` (ascending indices)."""
        done = [i for i, p in enumerate(self.passages) if p is not None]
        order = {i: j for j, i in enumerate(done)}
        chosen = np.zeros(len(done), bool)
        chosen[[order[i] for i in keep if i in order]] = True
        if chosen.all():
            return _Analysed([self.passages[i] for i in keep], self.titles, self.lengths,
                             self.terms)
        counts = np.fromiter((len(self.passages[i]) for i in done), np.int64, len(done))
        by_passage = np.repeat(chosen, counts)
        return _Analysed([self.passages[i] for i in keep], self.titles[chosen],
                         self.lengths[by_passage],
                         self.terms[np.repeat(by_passage, self.lengths)])


class _Forms(dict):
    """Word form -> form id. A form not seen before takes the next id and waits in `new`
    to be analysed, so one lookup pass over a batch both finds and numbers its forms."""

    def __init__(self) -> None:
        super().__init__()
        self.new: list[str] = []

    def __missing__(self, form: str) -> int:
        i = self[form] = len(self)
        self.new.append(form)
        return i


class _Analyser:
    """Passages and analysed terms of articles, with ids local to this analyser.

    It analyses each whitespace-separated word form once and remembers its terms: the
    analysis chain never joins or splits tokens across whitespace, so the forms one by
    one give `analyze(text)`, and news text repeats its forms all the time. A batch's
    forms are numbered in one dict pass, the new ones normalized together, and their
    terms gathered with numpy; each title is looked up once and its terms spliced in
    front of each of its passages'. Local ids let it run in another process; the engine
    maps them to the vocabulary's ids.
    """

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.terms: list[str] = []
        self._reset_forms()

    def _reset_forms(self) -> None:
        self.forms = _Forms()
        self._starts = np.zeros(0, np.int64)  # form id -> first of its terms in _form_terms
        self._counts = np.zeros(0, np.int32)  # form id -> number of its terms
        self._form_terms = np.zeros(0, np.int32)  # local term ids of every form, in form order

    def batch(self, articles: Sequence[tuple[str, tuple[str, ...]] | None]
              ) -> tuple[int, list[str], _Analysed]:
        """(first new local id, new terms, analyses) for (title, paragraphs) pairs."""
        first = len(self.terms)
        if len(self.forms) > CHUNK_CACHE:  # bounded memory whatever the vocabulary
            self._reset_forms()
        out: list[list[str | int] | None] = []
        texts: list[str] = []
        heads: list[str] = []
        per_article: list[int] = []  # passages
        title_words: list[int] = []
        for a in articles:
            if a is None:
                out.append(None)
                continue
            plan = passage_plan(a[1])  # paragraphs as they are: sent back as indices
            out.append(plan)
            texts += [a[1][p] if isinstance(p, int) else p for p in plan]
            per_article.append(len(plan))
            head = a[0].split()
            heads += head
            title_words.append(len(head))
        # Passages are clean text (single spaces): all of a batch's words in one split.
        words = " ".join(texts).split(" ") if texts else []
        n_words = len(words)
        words += heads
        forms = self.forms
        ids = np.fromiter(map(forms.__getitem__, words), np.int64, len(words))
        if forms.new:
            self._learn()
        counts = self._counts[ids]
        terms = self._form_terms[ranges(self._starts[ids], counts)]
        ends = np.concatenate(([0], np.cumsum(counts)))  # term position of each form
        # term ranges of each passage's words, then of each title
        passage_words = np.fromiter(map(str.count, texts, repeat(" ")), np.int64, len(texts))
        bounds = ends[np.concatenate(([0], np.cumsum(passage_words + 1),
                                      n_words + np.cumsum(title_words, dtype=np.int64)))]
        n = len(texts)
        body_at, body_n = bounds[:n], np.diff(bounds[:n + 1])
        title_at = bounds[n:-1]
        title_n = np.diff(bounds[n:])
        owner = np.repeat(np.arange(len(per_article)), per_article)
        # each passage: its title's terms, then its own
        at = np.empty(2 * n, np.int64)
        size = np.empty(2 * n, np.int64)
        at[0::2], size[0::2] = title_at[owner], title_n[owner]
        at[1::2], size[1::2] = body_at, body_n
        lengths = (title_n[owner] + body_n).astype(np.int32)
        return first, self.terms[first:], _Analysed(
            out, title_n.astype(np.int32), lengths, terms[ranges(at, size)])

    def _learn(self) -> None:
        """Analyse the forms numbered since the last call (normalized together)."""
        new, self.forms.new = self.forms.new, []
        # normalize() works character by character (NFKC never composes across a
        # newline, and no form holds one), so one call over all of them is the same.
        found: list[int] = []
        sizes: list[int] = []
        term_id = self.term_id
        for norm in normalize("\n".join(new)).split("\n"):
            before = len(found)
            for tok in (norm,) if norm.isalnum() else tokenize(norm):
                term = analyze_token(tok)
                if term is not None:
                    found.append(term_id(term))
            sizes.append(len(found) - before)
        counts = np.array(sizes, np.int32)
        starts = len(self._form_terms) + np.cumsum(counts, dtype=np.int64) - counts
        self._starts = np.concatenate((self._starts, starts))
        self._counts = np.concatenate((self._counts, counts))
        self._form_terms = np.concatenate((self._form_terms, np.array(found, np.int32)))

    def text(self, text: str) -> list[tuple[int, ...]]:
        """The local term ids of each whitespace-separated form of `text`."""
        ids = [self.forms[f] for f in text.split()]
        if self.forms.new:
            self._learn()
        return [tuple(self._form_terms[self._starts[i]:self._starts[i] + self._counts[i]]
                      .tolist()) for i in ids]

    def article(self, title: str, paragraphs: tuple[str, ...]) -> _Analysed:
        return self.batch([(title, paragraphs)])[2]

    def term_id(self, term: str) -> int:
        i = self.ids.get(term)
        if i is None:
            i = self.ids[term] = len(self.terms)
            self.terms.append(term)
        return i


def _serve() -> None:
    """The analysis worker process: pickled batches in on stdin, analyses out on stdout."""
    inp, out = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing else may write to the results pipe
    analyser = _Analyser()
    while True:
        try:
            articles = pickle.load(inp)
        except EOFError:
            return
        pickle.dump(analyser.batch(articles), out, protocol=pickle.HIGHEST_PROTOCOL)
        out.flush()


class _Worker:
    """A child Python running `_serve` (a plain subprocess: nothing of the parent's
    __main__ is re-run, whatever script imported Marsad)."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", "from retrieval.engine import _serve; _serve()"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            env={**os.environ, "PYTHONPATH": os.pathsep.join(
                p for p in (str(Path(__file__).resolve().parent.parent),
                            os.environ.get("PYTHONPATH")) if p)})
        self.lock = threading.Lock()

    def batch(self, articles: Sequence[tuple[str, tuple[str, ...]] | None]
              ) -> tuple[int, list[str], _Analysed]:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        with self.lock:
            pickle.dump(articles, self.proc.stdin, protocol=pickle.HIGHEST_PROTOCOL)
            self.proc.stdin.flush()
            try:
                return pickle.load(self.proc.stdout)
            except EOFError:
                raise RuntimeError("the analysis worker process died") from None

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()


class _Analysis:
    """One ingest's analysis: in a worker process (parallel) or a thread, in order."""

    def __init__(self, parallel: bool) -> None:
        # a second process only pays when there is a second core and work for it
        parallel = parallel and (os.cpu_count() or 1) > 1
        self.analyser: _Analyser | _Worker = _Worker() if parallel else _Analyser()
        self.executor = ThreadPoolExecutor(1)  # one thread: batches go in order
        self.local_terms: list[str] = []
        self.to_vocab = np.full(0, -1, dtype=np.int64)  # local id -> vocabulary id or -1

    def submit(self, articles: Sequence[Article], skip: Sequence[bool]) -> asyncio.Future:
        payload = [None if s else (a.title, a.paragraphs)
                   for a, s in zip(articles, skip, strict=True)]
        future = asyncio.get_running_loop().run_in_executor(self.executor, self.analyser.batch,
                                                            payload)
        return asyncio.ensure_future(self._received(future))

    async def _received(self, future: asyncio.Future) -> _Analysed:
        first, new_terms, analysed = await future
        if first != len(self.local_terms):
            raise RuntimeError("analysis results arrived out of order")
        self.local_terms.extend(new_terms)
        if len(self.local_terms) > len(self.to_vocab):
            grown = np.full(max(len(self.local_terms), 2 * len(self.to_vocab)), -1, np.int64)
            grown[: len(self.to_vocab)] = self.to_vocab
            self.to_vocab = grown
        return analysed

    def term_ids(self, local: np.ndarray, vocab: dict[str, int], terms: list[str],
                 new_terms: list[str]) -> np.ndarray:
        """Vocabulary term ids (int32) of analyser-local ones; new terms are appended to
        `terms` and `new_terms` and entered in `vocab`."""
        ids = self.to_vocab[local]
        missing = ids < 0
        if missing.any():
            to_vocab, local_terms = self.to_vocab, self.local_terms
            for lid in unique(local[missing]).tolist():
                term = local_terms[lid]
                i = vocab.get(term)
                if i is None:
                    i = vocab[term] = len(terms)
                    terms.append(term)
                    new_terms.append(term)
                to_vocab[lid] = i
            ids = to_vocab[local]
        return ids.astype(np.int32)

    def forget(self, vocab_size: int) -> None:
        """The vocabulary was cut back to `vocab_size` terms (a batch rolled back)."""
        self.to_vocab[self.to_vocab >= vocab_size] = -1

    def close(self) -> None:
        if isinstance(self.analyser, _Worker):
            self.analyser.close()
        self.executor.shutdown(wait=False, cancel_futures=True)


def best_sentence(text: str, weights: dict[str, float],
                  aliases: dict[str, frozenset[str]] | None = None) -> str:
    """The sentence holding most of the question's weight, for bolding and quoting.

    `aliases` maps a query word to the spellings that count as it (variants.py).
    """
    aliases = aliases or {}
    best, best_weight = "", 0.0
    for sentence in split_sentences(text):
        held = set(analyze(sentence))
        weight = sum(w for t, w in weights.items()
                     if t in held or not held.isdisjoint(aliases.get(t, ())))
        if weight > best_weight:
            best, best_weight = sentence, weight
    return best
