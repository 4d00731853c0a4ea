"""The ingest's worker side: parse and analyse batches of articles (`_Analyser`,
`_prepare`), in a worker process of `ingest._Analysis` or in a thread of the main one.

Kept apart from ingest.py so a spawned worker imports only what parsing and analysis need
(analysis, articles, aliases, passages, kinds), not the engine, the rerank, the store's
SQLite side or corroboration: each worker starts sooner and spends less CPU importing.
"""

from __future__ import annotations

import atexit
import itertools
import os
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import repeat

import numpy as np

from .aliases import HEAD_TERMS, Terms, mine
from .analysis import STOPWORDS, analyze_token, normalize, read_accepting, tokenize
from .articles import ArticleError, Unparsed
from .index import ranges
from .kinds import is_furniture
from .model import Article
from .passages import passage_plan

_QABL = normalize("قبل")  # only passages holding it can hold the verb «قبل» (accepted)

PARENT_CHECK_SECONDS = 1.0  # how often a worker checks that its ingest is alive
CHUNK_CACHE = 1 << 19  # whitespace-separated word forms whose term ids are remembered
_HEAD_TERMS = frozenset(HEAD_TERMS)

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
            head = read_accepting(a[0].split())
            heads += head
            title_words.append(len(head))
        # Passages are clean text (single spaces): all of a batch's words in one split.
        words = " ".join(texts).split(" ") if texts else []
        if any(_QABL in t for t in texts):  # each verb «قبل» read as analysis reads it
            words = [w for t in texts for w in read_accepting(t.split(" "))]
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
        ids = [self.forms[f] for f in read_accepting(text.split())]
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
    Article parsed, or the error message. `analysed` covers the items that are not errors,
    in order (None: stored unchanged, skipped)."""

    parsed: list[Article | str | None]
    analyser: int  # which analyser (worker process id; 0 in this process): its local ids
    first: int  # analyser-local id of the first new term
    new_terms: list[str]
    analysed: _Analysed


def _prepare(analyser: _Analyser, items: Sequence[tuple[str, tuple[str, ...]] | Unparsed | None],
             who: int = 0) -> _Prepared:
    parsed: list[Article | str | None] = []
    payload: list[tuple[str, tuple[str, ...]] | None] = []
    for item in items:
        if isinstance(item, Unparsed):
            try:
                article = item.parse()
            except ArticleError as error:
                parsed.append(str(error))
                continue
            parsed.append(article)
            payload.append((article.title, article.paragraphs))
        else:
            parsed.append(None)
            payload.append(item)
    first, new_terms, analysed = analyser.batch(payload)
    return _Prepared(parsed, who, first, new_terms, analysed)


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
