"""Marsad's one answering function, and ingest, over a store and its in-memory BM25 index.

Every frontend (console, `ask --json`, Telegram) calls `Marsad.answer` and only renders the
result. CPU work (analysis, scoring) runs in a worker thread so an event loop serving many
chats never stalls on one long query.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .analysis import analyze
from .articles import ArticleError
from .index import BM25Index, BM25Params
from .model import Answer, Article, Citation, Hit
from .passages import split_passages, split_sentences
from .store import SourceInfo, Store, StoredPassage, content_hash, encode_terms

# A passage answers only if it holds this share of the question's idf weight.
ANSWER_COVERAGE = 0.5
# Two passages sharing this share of the smaller one's words say the same thing.
NEAR_DUPLICATE = 0.6
BATCH_ARTICLES = 200


@dataclass
class IngestReport:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    duplicates: int = 0
    passages: int = 0
    errors: list[str] = field(default_factory=list)


@dataclass
class _Prepared:
    article: Article
    digest: str
    passages: list[str]
    terms: list[list[str]]


def _prepare(article: Article) -> _Prepared:
    """Split and analyse an article; the title is context for every passage."""
    passages = split_passages(article.paragraphs)
    title_terms = analyze(article.title)
    terms = [title_terms + analyze(text) for text in passages]
    return _Prepared(article, content_hash(article), passages, terms)


class Marsad:
    """An open database plus its index. Use `await Marsad.open(path)`."""

    def __init__(self, store: Store, index: BM25Index, terms: list[str]) -> None:
        self.store = store
        self.index = index
        self.terms = terms
        self.vocab = {t: i for i, t in enumerate(terms)}
        self._write_lock = asyncio.Lock()

    @classmethod
    async def open(cls, db_path: str | Path, *, params: BM25Params | None = None,
                   seeds: Path | None = None) -> Marsad:
        """Open (or create) a database; an empty one is filled from `seeds` when given."""
        store = await Store.open(db_path)
        try:
            terms = await store.vocabulary()
            slots, docs = await store.all_terms()
            index = BM25Index(params)
            await asyncio.to_thread(index.add, slots, docs)
            engine = cls(store, index, terms)
            if seeds is not None and await store.count_articles() == 0:
                from .articles import iter_articles

                await engine.ingest(iter_articles([seeds]))
        except BaseException:
            await store.close()
            raise
        return engine

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

        `progress(articles, passages)` is called after each committed batch.
        """
        report = IngestReport()
        batch: list[Article] = []
        async with self._write_lock:
            for item in items:
                if isinstance(item, ArticleError):
                    report.errors.append(str(item))
                    continue
                batch.append(item)
                if len(batch) >= BATCH_ARTICLES:
                    await self._ingest_batch(batch, report)
                    batch = []
                    if progress:
                        progress(report.added + report.replaced, report.passages)
            if batch:
                await self._ingest_batch(batch, report)
                if progress:
                    progress(report.added + report.replaced, report.passages)
        return report

    async def _ingest_batch(self, articles: Sequence[Article], report: IngestReport) -> None:
        prepared = await asyncio.to_thread(lambda: [_prepare(a) for a in articles])
        vocab_size = len(self.terms)
        new_terms: list[str] = []
        removals: list[tuple[list[int], list[np.ndarray]]] = []
        additions: list[tuple[list[int], list[np.ndarray]]] = []
        counts = IngestReport()
        try:
            for item in prepared:
                article = item.article
                state = await self.store.article_state(article.id)
                if state is not None and state[0] == item.digest:
                    counts.unchanged += 1
                    continue
                if state is None and await self.store.has_content(item.digest):
                    counts.duplicates += 1
                    continue
                if state is not None:
                    await self.store.delete_article(article.id)
                    removals.append((state[1], state[2]))
                    counts.replaced += 1
                else:
                    counts.added += 1
                term_ids = [self._term_ids(terms, new_terms) for terms in item.terms]
                blobs = [encode_terms(ids) for ids in term_ids]
                slots = await self.store.insert_article(
                    article, item.digest, list(zip(item.passages, blobs, strict=True)))
                additions.append((slots, [np.asarray(ids, dtype=np.int64) for ids in term_ids]))
                counts.passages += len(slots)
            await self.store.add_terms(vocab_size, new_terms)
            await self.store.commit()
        except BaseException:
            await self.store.rollback()
            for term in new_terms:
                del self.vocab[term]
            del self.terms[vocab_size:]
            raise
        for slots, docs in removals:
            self.index.remove(slots, docs)
        all_slots = [s for slots, _ in additions for s in slots]
        all_docs = [d for _, docs in additions for d in docs]
        await asyncio.to_thread(self.index.add, all_slots, all_docs)
        report.added += counts.added
        report.replaced += counts.replaced
        report.unchanged += counts.unchanged
        report.duplicates += counts.duplicates
        report.passages += counts.passages

    def _term_ids(self, terms: list[str], new_terms: list[str]) -> list[int]:
        ids = []
        for term in terms:
            i = self.vocab.get(term)
            if i is None:
                i = len(self.terms)
                self.vocab[term] = i
                self.terms.append(term)
                new_terms.append(term)
            ids.append(i)
        return ids

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

    async def answer(self, question: str, k: int = 3) -> Answer:
        """Ranked, cited passages for a question, and whether they really answer it."""
        terms = await asyncio.to_thread(analyze, question)
        if not terms:
            return Answer(question, False, [], searchable=False)
        query = [self.vocab.get(t, -1) for t in terms]
        ranked = await asyncio.to_thread(self.index.top, query, max(4 * k, k + 8))
        rows = await self.store.passages([slot for slot, _ in ranked])
        weights = self._weights(terms, query)
        hits = self._collapse([(rows[s], score) for s, score in ranked if s in rows], k, weights)
        answered = bool(hits) and self._coverage(hits[0].passage_id, query, weights) >= (
            ANSWER_COVERAGE)
        return Answer(question, answered, hits)

    def _query_ids(self, question: str) -> list[int]:
        return [self.vocab.get(t, -1) for t in analyze(question)]

    def _weights(self, terms: list[str], query: list[int]) -> dict[str, float]:
        """Each distinct query word's idf; a word the corpus never uses weighs the most."""
        unknown = self.index.max_idf()
        return {t: (self.index.idf(q) if q >= 0 and self.index.idf(q) > 0 else unknown)
                for t, q in zip(terms, query, strict=True)}

    def _coverage(self, slot: int, query: list[int], weights: dict[str, float]) -> float:
        held = self.index.term_frequencies(slot, [q for q in query if q >= 0])
        total = sum(weights.values())
        matched = sum(w for t, w in weights.items() if self.vocab.get(t, -1) in held)
        return matched / total if total > 0 else 0.0

    def _collapse(self, ranked: list[tuple[StoredPassage, float]], k: int,
                  weights: dict[str, float]) -> list[Hit]:
        """Show a statement once, crediting every other outlet that carried it."""
        hits: list[Hit] = []
        words: list[set[str]] = []
        for passage, score in ranked:
            mine = set(analyze(passage.text))
            twin = next((i for i, other in enumerate(words) if _same_statement(mine, other)),
                        None)
            if twin is not None:
                hit = hits[twin]
                if passage.article_id != hit.article_id and all(
                        c.article_id != passage.article_id for c in hit.also_reported_by):
                    hit.also_reported_by.append(
                        Citation(passage.article_id, passage.source, passage.date))
                continue
            if len(hits) == k:
                continue
            words.append(mine)
            hits.append(Hit(
                rank=len(hits) + 1, score=score, text=passage.text,
                article_id=passage.article_id, title=passage.title, source=passage.source,
                date=passage.date, url=passage.url,
                sentence=best_sentence(passage.text, weights), passage_id=passage.id))
        return hits


def _same_statement(a: set[str], b: set[str]) -> bool:
    small = min(len(a), len(b))
    return small >= 5 and len(a & b) / small >= NEAR_DUPLICATE


def best_sentence(text: str, weights: dict[str, float]) -> str:
    """The sentence holding most of the question's weight, for bolding and quoting."""
    best, best_weight = "", 0.0
    for sentence in split_sentences(text):
        held = set(analyze(sentence))
        weight = sum(w for t, w in weights.items() if t in held)
        if weight > best_weight:
            best, best_weight = sentence, weight
    return best
