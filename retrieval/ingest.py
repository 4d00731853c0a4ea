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
import atexit
import itertools
import logging
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import repeat
from typing import TYPE_CHECKING

import numpy as np

from . import corroborate
from .aliases import HEAD_TERMS, Terms, mine
from .analysis import STOPWORDS, analyze_token, normalize, tokenize
from .articles import ArticleError, Unparsed
from .corroborate import title_terms
from .index import ranges, unique
from .kinds import is_furniture
from .model import Article, IngestReport
from .passages import passage_plan
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
PARENT_CHECK_SECONDS = 1.0  # how often a worker checks that its ingest is alive
REANALYSE_ARTICLES = 20_000  # stored articles read back per re-analysis round
FILL_PASSAGES = 20_000  # passages given their details per committed round (fill_details)
# Save the index snapshot after this many newly indexed passages (and after every ingest),
# so a killed ingest leaves little to catch up from the passages' term blobs.
SAVE_EVERY_PASSAGES = 250_000
CHUNK_CACHE = 1 << 19  # whitespace-separated word forms whose term ids are remembered
_HEAD_TERMS = frozenset(HEAD_TERMS)


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
            for item, digest, parsed, worker_digest in zip(
                    queued, digests, prepared.parsed, prepared.digests, strict=True):
                if isinstance(parsed, str):
                    report.errors.append(parsed)
                    continue
                articles.append(item if parsed is None else parsed)
                hashes.append(digest or worker_digest)
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


# -- analysis ------------------------------------------------------------------------------

@dataclass
class _Analysed:
    """A batch's analyses: passages of each article (None: not analysed; see
    passages.passage_plan), and for the passages of the analysed articles, in order, their
    term counts and all their terms."""

    passages: list[list[str | int] | None]
    titles: np.ndarray  # int32: title terms of each analysed article
    lengths: np.ndarray  # int32: terms per passage (title terms included)
    terms: np.ndarray  # int32 analyser-local term ids of all passages, title first in each
    # each passage's rerank.word_forms, UTF-8: only stored, as TEXT (store.insert_articles),
    # so the main process neither decodes them from the worker nor encodes them for SQLite
    words: list[bytes]
    furniture: np.ndarray  # bool: each passage is page furniture (kinds.is_furniture)
    # each passage's aliases.mine pairs when it holds a head term (aliases.HEAD_TERMS)
    mined: list[tuple[tuple[Terms, Terms], ...]]

    def take(self, keep: Sequence[int]) -> _Analysed:
        """The analyses of the batch's articles `keep` (ascending indices)."""
        done = [i for i, p in enumerate(self.passages) if p is not None]
        order = {i: j for j, i in enumerate(done)}
        chosen = np.zeros(len(done), bool)
        chosen[[order[i] for i in keep if i in order]] = True
        if chosen.all():
            return _Analysed([self.passages[i] for i in keep], self.titles, self.lengths,
                             self.terms, self.words, self.furniture, self.mined)
        counts = np.fromiter((len(self.passages[i]) for i in done), np.int64, len(done))
        by_passage = np.repeat(chosen, counts)
        kept = by_passage.tolist()
        return _Analysed([self.passages[i] for i in keep], self.titles[chosen],
                         self.lengths[by_passage],
                         self.terms[np.repeat(by_passage, self.lengths)],
                         [w for w, k in zip(self.words, kept, strict=True) if k],
                         self.furniture[by_passage],
                         [m for m, k in zip(self.mined, kept, strict=True) if k])

    def details(self) -> list[tuple[bytes, int, bool]]:
        """Each passage's store.PASSAGE_DETAILS: word forms, title terms, furniture."""
        counts = [len(p) for p in self.passages if p is not None]
        return list(zip(self.words, np.repeat(self.titles, counts).tolist(),
                        self.furniture.tolist(), strict=True))


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
    front of each of its passages'. The same holds for the rerank's word forms
    (`rerank.word_forms`: normalized tokens, stop words dropped), remembered per form and
    joined per passage. Local ids let it run in another process; the engine maps them to
    the vocabulary's ids.
    """

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.terms: list[str] = []
        self._heads = np.zeros(0, bool)  # local term id -> is one of aliases.HEAD_TERMS
        self._reset_forms()

    def _reset_forms(self) -> None:
        self.forms = _Forms()
        self._starts = np.zeros(0, np.int64)  # form id -> first of its terms in _form_terms
        self._counts = np.zeros(0, np.int32)  # form id -> number of its terms
        self._form_terms = np.zeros(0, np.int32)  # local term ids of every form, in form order
        # form id -> its rerank word forms, space-separated ("" when all are stop words)
        self._form_words = np.zeros(0, object)
        self._form_kept = np.zeros(0, bool)  # form id -> its word forms are not ""

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
            own = [a[1][p] if isinstance(p, int) else p for p in plan]
            texts += own
            per_article.append(len(plan))
            head = a[0].split()
            heads += head
            title_words.append(len(head))
        # Passages are clean text (single spaces): all of a batch's words in one split.
        words = " ".join(texts).split(" ") if texts else []
        n_words = len(words)
        words += heads
        ids = np.fromiter(map(self.forms.__getitem__, words), np.int64, len(words))
        if self.forms.new:
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
        terms = terms[ranges(at, size)]
        return first, self.terms[first:], _Analysed(
            out, title_n.astype(np.int32), lengths, terms,
            self._word_forms(ids, passage_words, title_words, owner),
            np.fromiter(map(is_furniture, texts), bool, len(texts)),
            self._mined(texts, terms, lengths))

    def _mined(self, texts: list[str], terms: np.ndarray, lengths: np.ndarray
               ) -> list[tuple[tuple[Terms, Terms], ...]]:
        """aliases.mine of each passage indexed under a head term (as Marsad._mine picks
        them: by the passage's terms, its title's included), () for the others: mined
        here, in the worker, instead of read back and mined in the main process after."""
        if len(self._heads) < len(self.terms):
            self._heads = np.concatenate((self._heads, np.fromiter(
                (t in _HEAD_TERMS for t in self.terms[len(self._heads):]), bool)))
        hit = self._heads[terms]
        held = np.bincount(np.repeat(np.arange(len(texts)), lengths)[hit],
                           minlength=len(texts)).tolist()
        return [tuple(mine(text)) if h else () for text, h in zip(texts, held, strict=True)]

    def _word_forms(self, ids: np.ndarray, passage_words: np.ndarray,
                    title_words: list[int], owner: np.ndarray) -> list[bytes]:
        """Each passage's `rerank.word_forms(title, text)` in UTF-8, from the forms `ids`
        of the batch (every passage's words, then every title's) as `batch` laid them out."""
        kept = self._form_kept[ids]
        found = self._form_words[ids[kept]].tolist()
        n_words = int(np.sum(passage_words + 1))
        at = np.concatenate(([0], np.cumsum(kept)))[np.concatenate((
            [0], np.cumsum(passage_words + 1),
            n_words + np.cumsum(title_words, dtype=np.int64)))].tolist()
        n = len(passage_words)
        join = " ".join
        heads = [join(found[lo:hi]) for lo, hi in itertools.pairwise(at[n:])]
        out = []
        for lo, hi, title in zip(at[:n], at[1:n + 1], owner.tolist(), strict=True):
            head, body = heads[title], join(found[lo:hi])
            out.append(f"{head} {body}" if head and body else head or body)
        # encoded at once (no form holds a newline)
        return "\n".join(out).encode().split(b"\n") if out else []

    def _learn(self) -> None:
        """Analyse the forms numbered since the last call (normalized together)."""
        new, self.forms.new = self.forms.new, []
        # normalize() works character by character (NFKC never composes across a
        # newline, and no form holds one), so one call over all of them is the same.
        found: list[int] = []
        sizes: list[int] = []
        words: list[str] = []
        term_id = self.term_id
        for norm in normalize("\n".join(new)).split("\n"):
            before = len(found)
            tokens = (norm,) if norm.isalnum() else tokenize(norm)
            for tok in tokens:
                term = analyze_token(tok)
                if term is not None:
                    found.append(term_id(term))
            sizes.append(len(found) - before)
            words.append(" ".join([t for t in tokens if t not in STOPWORDS]))
        counts = np.array(sizes, np.int32)
        starts = len(self._form_terms) + np.cumsum(counts, dtype=np.int64) - counts
        self._starts = np.concatenate((self._starts, starts))
        self._counts = np.concatenate((self._counts, counts))
        self._form_terms = np.concatenate((self._form_terms, np.array(found, np.int32)))
        words = np.array(words, object)
        self._form_words = np.concatenate((self._form_words, words))
        self._form_kept = np.concatenate((self._form_kept, words.astype(bool)))

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

# -- the worker: parse and analyse ----------------------------------------------------------

@dataclass
class _Prepared:
    """A batch back from the worker. Per item: `parsed` is None (an Article given), the
    Article parsed, or the error message; `digests` its content hash when parsed. `analysed`
    covers the items that are not errors, in order (None: stored unchanged, skipped)."""

    parsed: list[Article | str | None]
    digests: list[str | None]
    analyser: int  # which analyser (worker process id; 0 in this process): its local ids
    first: int  # analyser-local id of the first new term
    new_terms: list[str]
    analysed: _Analysed


def _prepare(analyser: _Analyser, items: Sequence[tuple[str, tuple[str, ...]] | Unparsed | None],
             who: int = 0) -> _Prepared:
    parsed: list[Article | str | None] = []
    digests: list[str | None] = []
    payload: list[tuple[str, tuple[str, ...]] | None] = []
    for item in items:
        if isinstance(item, Unparsed):
            try:
                article = item.parse()
            except ArticleError as error:
                parsed.append(str(error))
                digests.append(None)
                continue
            parsed.append(article)
            digests.append(content_hash(article))
            payload.append((article.title, article.paragraphs))
        else:
            parsed.append(None)
            digests.append(None)
            payload.append(item)
    first, new_terms, analysed = analyser.batch(payload)
    return _Prepared(parsed, digests, who, first, new_terms, analysed)


_worker_analyser: _Analyser | None = None  # in the worker process: one per ingest


def _start_worker(parent: int) -> None:
    global _worker_analyser
    _worker_analyser = _Analyser()
    # Sent off by the pool, a worker has nothing left to save: it leaves at once instead of
    # freeing its forms and terms object by object (0.3-0.4 s the ingest waited on at its
    # end at 100k). atexit runs this before the interpreter's teardown.
    atexit.register(os._exit, 0)
    threading.Thread(target=_exit_with, args=(parent,), daemon=True,
                     name="marsad-parent-watch").start()


def _exit_with(parent: int) -> None:
    """A worker whose ingest was killed (SIGKILL: nothing told the pool) exits within a
    second instead of living on, orphaned, holding its memory."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


def _prepare_in_worker(items: Sequence[tuple[str, tuple[str, ...]] | Unparsed | None]
                       ) -> _Prepared:
    assert _worker_analyser is not None, "the pool's initializer did not run"
    return _prepare(_worker_analyser, items, os.getpid())


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
            for process in list((getattr(self.executor, "_processes", None) or {}).values()):
                process.kill()
            queue = getattr(self.executor, "_call_queue", None)
            if queue is not None:  # its unread batches must not hold up shutdown
                queue.cancel_join_thread()
            self.executor.shutdown(wait=False, cancel_futures=True)
            return
        self.executor.shutdown(wait=True, cancel_futures=True)
