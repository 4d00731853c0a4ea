"""`Marsad.ingest`: articles in, parsed, analysed, stored, indexed and corroborated.

Worker processes (`concurrent.futures.ProcessPoolExecutor`, WORKERS of them) parse each
batch (`articles.Unparsed`: JSONL lines, .txt pages), clean, hash and analyse its passages
while the main process writes the batches before it, in order: SQLite, the BM25 index and
the corroboration links. The pool's queues cannot deadlock (a worker only ever answers a
whole batch, and the main process reads results in the order it submitted them), and a
worker that dies (killed, out of memory) fails the ingest with `WorkerDied`; every batch
committed before stays, and the same ingest again adds the rest.

The workers are started with `spawn`: a program run as a script (not `python -m`) that
ingests must keep its top-level code under `if __name__ == "__main__":`, as multiprocessing
requires, or the workers would run it again.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING

import numpy as np

from . import corroborate
from .articles import ArticleError, Unparsed
from .corroborate import title_terms
from .index import unique
from .ingest_worker import (
    _Analysed,
    _Analyser,
    _prepare,
    _prepare_in_worker,
    _Prepared,
    _start_worker,
)
from .kinds import is_furniture
from .model import Article, IngestReport
from .rerank import word_forms
from .store import ANALYSIS_VERSION, StoreError, content_hash

if TYPE_CHECKING:
    from .engine import Marsad

log = logging.getLogger(__name__)
# Articles per ingest batch (one transaction), and at most this many characters of text:
# big batches make fewer, larger statements and index segments; the cap bounds memory.
BATCH_ARTICLES = 1000
BATCH_CHARS = 8_000_000
WORKERS = 2  # processes parsing and analysing (at most one per core)
AHEAD = 3  # batches parsed and analysed ahead of the one being written: no worker waits
REANALYSE_ARTICLES = 20_000  # stored articles read back per re-analysis round
FILL_PASSAGES = 20_000  # passages given their details per committed round (fill_details)
# Save the index snapshot after this many newly indexed passages (and after every ingest),
# so a killed ingest leaves little to catch up from the passages' term blobs.
SAVE_EVERY_PASSAGES = 250_000


# What goes in: an Article (from the Python API), an article to parse (`marsad ingest`
# files), or one that could not be read.
Item = Article | Unparsed | ArticleError


class WrittenElsewhere(StoreError):
    """Another process stored new terms since this engine read the vocabulary: the ids it
    would give its own new terms are taken. Reopen the engine, then write."""


async def written_elsewhere(engine: Marsad) -> bool:
    """True when the database holds terms this engine has not read (another process
    ingested since it opened): writing through it would reuse their ids."""
    row = await (await engine.store.db.execute("SELECT MAX(id) FROM terms")).fetchone()
    return (-1 if row[0] is None else row[0]) + 1 != len(engine.terms)


async def ingest(engine: Marsad, items: Iterable[Item],
                 progress: Callable[[int, int], None] | None = None) -> IngestReport:
    """Add articles; idempotent. Errors are reported and skipped, the rest goes in.

    `progress(articles, passages)` is called after each committed batch: the articles
    handled so far (added, replaced, unchanged or duplicates) and the passages added. Each
    batch is one transaction. Parsing and analysis of the next batches overlap the writing
    of this one, in worker processes when there is more than one batch (and more cores).
    """
    report = IngestReport()
    batch: list[Article | Unparsed] = []
    analysis: _Analysis | None = None
    pending: deque[tuple[list[Article | Unparsed], list[str | None], Future]] = deque()

    async def flush(items: list[Article | Unparsed] | None, full: bool = False) -> None:
        nonlocal analysis
        if items:
            if analysis is None:  # a full first batch: more are coming
                analysis = _Analysis(parallel=full)
            digests = [content_hash(a) if isinstance(a, Article) else None for a in items]
            skip = await _surely_unchanged(
                engine, items, digests, [a for queued, *_ in pending for a in queued])
            pending.append((items, digests, analysis.submit(items, skip)))
        while len(pending) > (AHEAD if items else 0):
            queued, digests, future = pending.popleft()
            prepared, local = await analysis.received(future)
            articles, hashes = [], []
            for item, digest, parsed in zip(queued, digests, prepared.parsed, strict=True):
                if isinstance(parsed, str):
                    report.errors.append(parsed)
                    continue
                articles.append(item if parsed is None else parsed)
                hashes.append(digest or content_hash(parsed))  # the worker's: parsed there
            await _write_batch(engine, articles, hashes, prepared.analysed, local, analysis,
                               report)
            if progress:
                progress(report.added + report.replaced + report.unchanged
                         + report.duplicates, report.passages)
            if engine._unsaved >= SAVE_EVERY_PASSAGES:  # the variant map waits for the
                await engine._save_index(variants=False)  # end: built once, not each time

    async with engine._write_lock:
        if await written_elsewhere(engine):
            raise WrittenElsewhere(
                f"{engine.store.path} was changed by another Marsad process since it was "
                "opened here; open it again (the bot: /reload) and repeat: nothing was written")
        async with engine._titles_lock:  # then kept up to date batch by batch
            await engine._follow_mined()
        try:
            chars = 0
            for item in items:
                if isinstance(item, ArticleError):
                    report.errors.append(str(item))
                    continue
                batch.append(item)
                chars += item.size if isinstance(item, Unparsed) else sum(
                    map(len, item.paragraphs))
                if len(batch) >= BATCH_ARTICLES or chars >= BATCH_CHARS:
                    await flush(batch, full=True)
                    batch, chars = [], 0
            await flush(batch)
            await flush(None)
        finally:
            if analysis is not None:
                analysis.close()
            if engine._unsaved:  # also after a failure: what was committed stays fast
                await engine._save_index()
    return report


async def _surely_unchanged(engine: Marsad, items: Sequence[Article | Unparsed],
                            digests: Sequence[str | None],
                            before: Sequence[Article | Unparsed]) -> list[bool]:
    """Articles stored with this very content (`digests`), and not in the batches still to
    be written (`before`): no need to analyse them. Unparsed ones are not known yet."""
    if not any(digests) or any(isinstance(a, Unparsed) for a in before):
        return [False] * len(items)
    given = [a for a in items if isinstance(a, Article)]
    stored = await engine.store.article_hashes([a.id for a in given])
    busy = {a.id for a in before if isinstance(a, Article)}
    return [isinstance(a, Article) and stored.get(a.id) == d and a.id not in busy
            for a, d in zip(items, digests, strict=True)]


async def _write_batch(engine: Marsad, articles: Sequence[Article], digests: Sequence[str],
                       analysed: _Analysed, local: _LocalTerms, analysis: _Analysis,
                       report: IngestReport) -> None:
    """One transaction for the batch: all of it goes in, or none of it. `analysed` holds
    the term ids of analyser `local`."""
    # An id or a content seen twice in a batch: what comes after must see what came
    # before, so it goes in a transaction of its own.
    ids: set[str] = set()
    seen: set[str] = set()
    for i, (article, digest) in enumerate(zip(articles, digests, strict=True)):
        if article.id in ids or digest in seen:
            n = len(articles)
            await _write_batch(engine, articles[:i], digests[:i], analysed.take(range(i)),
                               local, analysis, report)
            await _write_batch(engine, articles[i:], digests[i:],
                               analysed.take(range(i, n)), local, analysis, report)
            return
        ids.add(article.id)
        seen.add(digest)
    stored = await engine.store.article_hashes([a.id for a in articles])
    owners = await engine.store.hash_owners(digests)
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
    vocab_size = len(engine.terms)
    new_terms: list[str] = []
    try:
        flat = local.term_ids(done.terms, engine.vocab, engine.terms, new_terms)
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
        removed = await engine.store.passages_of(replaced) if replaced else ([], [])
        if replaced:
            await engine.store.delete_articles(replaced)
        slot_lists = await engine.store.insert_articles(
            items, [blob[lo:hi] for lo, hi in itertools.pairwise(cuts)], done.details())
        await engine.store.add_terms(vocab_size, new_terms)
        await engine.store.commit()
    except BaseException:
        await engine.store.rollback()
        for term in new_terms:
            engine.vocab.pop(term, None)
        del engine.terms[vocab_size:]
        analysis.forget(vocab_size)
        engine.variants.forget(vocab_size)
        engine.term_grams.forget(vocab_size)
        raise
    before = (engine._covers, engine.index.n_docs)  # the title pairs (engine._count_titles)
    if removed[0]:
        engine.index.remove(*removed)
    all_slots = [s for slots in slot_lists for s in slots]
    await asyncio.to_thread(engine.index.add_flat, all_slots, done.lengths, flat)
    if all_slots:
        engine._covers = max(engine._covers, all_slots[-1])
        if not removed[0]:
            engine._count_titles(before, done.mined)
    engine._unsaved += len(all_slots) + len(removed[0])
    report.added += counts.added
    report.replaced += counts.replaced
    report.unchanged += counts.unchanged
    report.duplicates += counts.duplicates
    report.passages += len(all_slots)
    if all_slots:  # the statements they share with the corpus (corroborate.py)
        await _corroborate(
            engine, all_slots, [t for *_, texts in items for t in texts], flat,
            done.lengths, np.repeat(done.titles, [len(p) for p in done.passages]))


async def reanalyse(engine: Marsad) -> int:
    """Analyse again every stored article whose passages another version of Marsad made
    (meta `analysis_version` differs from store.ANALYSIS_VERSION): its passages are
    replaced, article by article in committed batches, so a killed run resumes where it
    stopped. Returns the number of articles re-analysed (0 when the database is current)."""
    if await engine.store.meta("analysis_version") == ANALYSIS_VERSION:
        return 0
    count = await engine.store.count_articles()
    if count:
        log.warning("re-analysing the %d articles stored by another version of Marsad "
                    "(once)", count)
    # in the order they were first stored, so passages keep their order (BM25 ties,
    # who carried a statement first) as a fresh ingest of the same articles gives it;
    # re-analysed articles are stored anew, past `last`
    redone, after, last = 0, 0, await engine.store.last_article_row()
    while True:
        after, articles = await engine.store.articles_after(after, REANALYSE_ARTICLES, last)
        if not articles:
            break
        redone += (await ingest(engine, articles)).replaced
    await engine.store.set_meta("analysis_version", ANALYSIS_VERSION)
    await engine.store.commit()
    return redone


async def fill_details(engine: Marsad) -> int:
    """Compute and store the PASSAGE_DETAILS (store.py) an older Marsad did not store, in
    committed batches by passage id (a killed run resumes), so its answers read them like
    a new database's; passages and their ids stay as they are, so do its answers. Returns
    the number of passages filled."""
    filled = after = 0
    while True:
        rows = await engine.store.passages_lacking_details(after, FILL_PASSAGES)
        if not rows:
            break
        await engine.store.save_details(await asyncio.to_thread(_details, rows))
        await engine.store.commit()
        filled += len(rows)
        after = rows[-1][0]
    await engine.store.set_meta("details_pending", "")
    await engine.store.commit()
    return filled


def _details(rows: Sequence[tuple[int, str, str]]) -> list[tuple[int, str, int, bool]]:
    """(id, word forms, title terms, furniture) of (id, title, text) rows."""
    return [(i, word_forms(title, text), title_terms(title), is_furniture(text))
            for i, title, text in rows]


async def corroborate_pending(engine: Marsad) -> None:
    """Compare the passages added since last time with the corpus (corroborate.py) and
    store the statements they share; passages are marked compared as links are saved."""
    while True:
        slots, texts, docs, titles = await corroborate.pending(engine.store)
        if not slots:
            return
        await _corroborate(engine, slots, texts, np.concatenate(docs), [len(d) for d in docs],
                           titles)


async def _corroborate(engine: Marsad, slots: list[int], texts: list[str], terms: np.ndarray,
                       lengths: Sequence[int] | np.ndarray,
                       titles: Sequence[int] | np.ndarray) -> None:
    """Link these indexed passages' sentences (their terms laid end to end, `lengths`
    each, `titles` of them the title's) to the sentences of the corpus that say the
    same; all passages up to the last of `slots` are then marked compared."""
    found = await asyncio.to_thread(corroborate.candidates, engine.index, slots, texts,
                                    terms, lengths, titles)
    known = dict(zip(slots, texts, strict=True))
    wanted = {o for others in found.values() for o in others} - known.keys()
    known.update(await corroborate.texts_of(engine.store, wanted))
    weight = corroborate.idf_weight(engine.index, engine.vocab)
    links = await asyncio.to_thread(corroborate.find_links, found, known, weight)
    await corroborate.save_links(engine.store, links, max(slots))


WATCH_SECONDS = 1.0  # how often workers are checked while a batch's result is awaited


class WorkerDied(RuntimeError):
    """The ingest worker process stopped (killed, out of memory) in the middle of an ingest."""


WORKER_DIED = ("the ingest worker process stopped (killed or out of memory); the batches "
               "committed before it are kept: run the same ingest again to add the rest")


class _LocalTerms:
    """One analyser's local term ids, mapped to the vocabulary's as batches arrive."""

    def __init__(self) -> None:
        self.terms: list[str] = []
        self.to_vocab = np.full(0, -1, dtype=np.int64)  # local id -> vocabulary id or -1

    def extend(self, first: int, new_terms: list[str]) -> None:
        if first != len(self.terms):
            raise RuntimeError("analysis results arrived out of order")
        self.terms.extend(new_terms)
        if len(self.terms) > len(self.to_vocab):
            grown = np.full(max(len(self.terms), 2 * len(self.to_vocab)), -1, np.int64)
            grown[: len(self.to_vocab)] = self.to_vocab
            self.to_vocab = grown

    def term_ids(self, local: np.ndarray, vocab: dict[str, int], terms: list[str],
                 new_terms: list[str]) -> np.ndarray:
        """Vocabulary term ids (int32) of analyser-local ones; new terms are appended to
        `terms` and `new_terms` and entered in `vocab`."""
        ids = self.to_vocab[local]
        missing = ids < 0
        if missing.any():
            to_vocab, local_terms = self.to_vocab, self.terms
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


class _Analysis:
    """One ingest's parsing and analysis: in WORKERS worker processes (parallel) or in a
    thread of this one. Each analyser numbers terms its own way (`_LocalTerms` maps them);
    each worker takes batches in the order submitted, and results are read in that order."""

    def __init__(self, parallel: bool) -> None:
        # more processes only pay when there are more cores and work for them
        self.executor: Executor
        workers = min(WORKERS, (os.cpu_count() or 1)) if parallel else 0
        if workers > 1 or (workers == 1 and (os.cpu_count() or 1) > 1):
            # spawn: a fresh interpreter, never a fork of this threaded process; it imports
            # nothing of a `python -m` entry point's __main__ (scripts: guard as usual)
            self.executor = ProcessPoolExecutor(
                workers, mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker, initargs=(os.getpid(),))
            self.run: Callable[..., _Prepared] = _prepare_in_worker
        else:
            self.executor = ThreadPoolExecutor(1)  # one thread: batches go in order
            analyser = _Analyser()
            self.run = lambda items: _prepare(analyser, items)
        self.analysers: dict[int, _LocalTerms] = {}

    def submit(self, items: Sequence[Article | Unparsed], skip: Sequence[bool]) -> Future:
        payload = [None if s else item if isinstance(item, Unparsed)
                   else (item.title, item.paragraphs)
                   for item, s in zip(items, skip, strict=True)]
        try:
            return self.executor.submit(self.run, payload)
        except BrokenProcessPool:
            raise WorkerDied(WORKER_DIED) from None

    async def received(self, future: Future) -> tuple[_Prepared, _LocalTerms]:
        """The batch's result and its analyser's term ids; call in the order of `submit`.

        Never waits on a dead worker: the pool's own report of a killed worker can be lost
        (a worker killed while holding its call queue's lock), so the workers are also
        checked every WATCH_SECONDS while a result is awaited."""
        waiting = asyncio.wrap_future(future)
        try:
            while True:
                done, _ = await asyncio.wait({waiting}, timeout=WATCH_SECONDS)
                if done:
                    prepared: _Prepared = waiting.result()
                    break
                if self._lost_worker():
                    raise WorkerDied(WORKER_DIED)
        except BrokenProcessPool:
            raise WorkerDied(WORKER_DIED) from None
        local = self.analysers.setdefault(prepared.analyser, _LocalTerms())
        local.extend(prepared.first, prepared.new_terms)
        return prepared, local

    def forget(self, vocab_size: int) -> None:
        """The vocabulary was cut back to `vocab_size` terms (a batch rolled back)."""
        for local in self.analysers.values():
            local.forget(vocab_size)

    def _lost_worker(self) -> bool:
        processes = getattr(self.executor, "_processes", None) or {}  # ProcessPoolExecutor's
        return any(not process.is_alive() for process in list(processes.values()))

    def close(self) -> None:
        if self._lost_worker():  # a broken pool: end the others, never wait on the dead
            processes = list((getattr(self.executor, "_processes", None) or {}).values())
            for process in processes:
                process.kill()
            queue = getattr(self.executor, "_call_queue", None)
            if queue is not None:  # its unread batches must not hold up shutdown
                queue.cancel_join_thread()
            for process in processes:
                process.join(WATCH_SECONDS)
            # A worker killed while writing its result leaves half a message in the result
            # pipe: the pool's manager thread waits in recv() for the rest forever, and the
            # interpreter joins that thread at exit (a test run hung there). With every
            # worker gone, closing our own write end makes that recv() end (EOF).
            results = getattr(self.executor, "_result_queue", None)
            writer = getattr(results, "_writer", None)
            if writer is not None:
                writer.close()
            self.executor.shutdown(wait=False, cancel_futures=True)
            return
        self.executor.shutdown(wait=True, cancel_futures=True)
